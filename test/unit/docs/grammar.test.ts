import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const load = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'syntaxes', file), 'utf8'));

/** The grammars' regexes are plain enough for JavaScript's engine to check what they match. */
function scopesIn(grammar: { patterns: { match: string; name: string; captures?: Record<string, { name: string }> }[] }, text: string): string[] {
  const found: string[] = [];
  for (const pattern of grammar.patterns) {
    const m = new RegExp(pattern.match).exec(text);
    if (!m) continue;
    found.push(pattern.name);
    for (const [group, capture] of Object.entries(pattern.captures ?? {})) if (m[Number(group)]) found.push(`${capture.name}=${m[Number(group)].trim()}`);
  }
  return found;
}

describe('syntaxes: suppression highlighting', () => {
  const comments = load('bulkhead-suppressions.tmLanguage.json');
  const annotations = load('bulkhead-annotations.tmLanguage.json');

  it('is contributed as injections into Dockerfiles and YAML (Compose, Kubernetes)', () => {
    const grammars = pkg.contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
    assert.deepEqual(grammars.map((g) => [g.scopeName, g.path, g.injectTo]), [
      ['bulkhead.suppression-comments', './syntaxes/bulkhead-suppressions.tmLanguage.json', ['source.dockerfile', 'source.yaml']],
      ['bulkhead.suppression-annotations', './syntaxes/bulkhead-annotations.tmLanguage.json', ['source.yaml']],
    ]);
    assert.equal(comments.scopeName, 'bulkhead.suppression-comments');
    assert.equal(comments.injectionSelector, 'L:comment.line.number-sign');
  });

  it('highlights our directive, its rule ids and its reason', () => {
    assert.deepEqual(scopesIn(comments, '# bulkhead-disable-next-line root-user,sudo -- the entrypoint drops privileges'), [
      'meta.suppression.bulkhead',
      'keyword.control.suppression.bulkhead=bulkhead-disable-next-line',
      'constant.language.rule-id.bulkhead=root-user,sudo',
      'punctuation.separator.reason.bulkhead=--',
      'string.unquoted.reason.bulkhead=the entrypoint drops privileges',
    ]);
  });

  it("highlights the peers' comments", () => {
    assert.ok(scopesIn(comments, '# hadolint ignore=DL3002,DL3008').includes('constant.language.rule-id.bulkhead=DL3002,DL3008'));
    assert.ok(scopesIn(comments, '# hadolint global ignore=DL3003').includes('meta.suppression.hadolint.bulkhead'));
    assert.ok(scopesIn(comments, '#checkov:skip=CKV_DOCKER_3:runs as root by design').includes('string.unquoted.reason.bulkhead=runs as root by design'));
    assert.ok(scopesIn(comments, '# kics-scan ignore-block').includes('keyword.control.suppression.bulkhead=kics-scan ignore-block'));
    assert.ok(scopesIn(comments, '#trivy:ignore:AVD-DS-0002:exp:2026-01-01').includes('constant.language.rule-id.bulkhead=AVD-DS-0002'));
    assert.deepEqual(scopesIn(comments, '# an ordinary comment about hadolint'), []);
  });

  it('highlights suppression annotation keys, not ordinary ones', () => {
    for (const key of ['bulkhead.dev/ignore: "privileged"', 'ignore-check.kube-linter.io/privileged-container: "x"', 'checkov.io/skip1: CKV_K8S_20', 'polaris.fairwinds.com/hostPortSet-exempt: "true"']) {
      assert.equal(scopesIn(annotations, `    ${key}`).length, 1, key);
    }
    assert.deepEqual(scopesIn(annotations, '    app.kubernetes.io/name: web'), []);
  });
});

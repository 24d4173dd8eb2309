import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, classifyPath } from '../../../server/src/engine';

/**
 * Every YAML and JSON file of the real-world corpus through the engine, named as in its repository:
 * nothing throws, every file gets a classification (Compose, Kubernetes, or none of ours), and
 * the files that are manifests by the corpus's own selection rule (`apiVersion:` and `kind:`
 * lines) are analysed as Kubernetes unless they are tool configuration or do not parse.
 * Prints the counts per kind and per rule so a reviewer can sample findings by hand.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const realWorld = path.resolve(repoRoot, '..', 'shared', 'corpus', 'real-world');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ya?ml|json)$/i.test(name) && name !== 'manifest.json') out.push(full);
  }
  return out;
}

describe('YAML corpus', () => {
  if (!existsSync(realWorld)) {
    it('skipped: ../shared/corpus/real-world is not next to the repository', (t) => t.skip(`no folder at ${realWorld}`));
    return;
  }
  it('classifies and analyses every Compose file and manifest without a rule failing', () => {
    const files = walk(realWorld);
    assert.ok(files.length > 1000, `expected a large corpus, got ${files.length} files`);
    const perKind = new Map<string, number>();
    const perRule = new Map<string, number>();
    const problems: string[] = [];
    for (const file of files) {
      const relative = path.relative(realWorld, file);
      const text = readFileSync(file, 'utf8');
      let result;
      try {
        result = analyze(text, { path: relative });
      } catch (error) {
        problems.push(`${relative}: analyze threw ${String(error)}`);
        continue;
      }
      const pathClass = classifyPath(relative);
      const kind = result.skipped ? `${result.kind ?? 'none'} (skipped: ${result.skipped})` : result.kind ?? (pathClass ? 'none of ours' : 'not ours by name');
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      for (const f of result.failures) problems.push(`${relative}: ${f.ruleId} threw ${String(f.error)}`);
      for (const f of result.findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      const parsed = !result.notices.some((n) => n.code === 'parse-error');
      const manifestByCorpusRule = /^apiVersion:/m.test(text) && /^kind:/m.test(text) && !/^apiVersion:\s*kustomize\.config\.k8s\.io\//m.test(text);
      if (manifestByCorpusRule && parsed && pathClass === 'yaml' && result.kind !== 'kubernetes') problems.push(`${relative}: a manifest classified as ${result.kind}`);
      if (/(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(relative) && result.kind !== 'compose') problems.push(`${relative}: a Compose file classified as ${result.kind}`);
    }
    const table = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(40)} ${n}`).join('\n');
    console.log(`YAML corpus: ${files.length} files\nper kind:\n${table(perKind)}\nper rule:\n${table(perRule)}`);
    assert.deepEqual(problems, []);
    assert.ok((perKind.get('compose') ?? 0) >= 300 && (perKind.get('kubernetes') ?? 0) >= 1500, 'the corpus\'s Compose files and manifests are found');
  });
});

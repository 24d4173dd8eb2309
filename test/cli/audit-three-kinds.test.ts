import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const TREE = path.join(__dirname, 'fixtures', 'three-kinds');

/** The rules of the YAML core (other rules have their own tables; this test is about the file kinds). */
const CORE_RULES = ['root-user', 'unpinned-image', 'ssh-server', 'privileged', 'host-namespaces', 'capabilities'];

interface JsonFile {
  path: string;
  kind: string | null;
  skipped?: string;
  findings: { rule: string; severity: string; range: { start: { line: number; column: number } } }[];
}

describe('bulkhead audit on a tree mixing Dockerfiles, Compose files and manifests', () => {
  const result = spawnSync(process.execPath, [CLI, 'audit', '.', '--format', 'json', '--fail-on', 'never'], { cwd: TREE, encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { files: JsonFile[] };
  const file = (p: string) => report.files.find((f) => f.path === p)!;
  const core = (p: string) =>
    file(p)
      .findings.filter((f) => CORE_RULES.includes(f.rule) && !(f.rule === 'capabilities' && f.severity === 'warning'))
      .map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.column}`)
      .sort();

  it('classifies every file; Kustomize, CI configs and Helm values are not ours', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      report.files.map((f) => `${f.path}:${f.kind}`),
      ['chart/templates/deployment.yaml:kubernetes', 'compose.yaml:compose', 'k8s/all.yaml:kubernetes', 'k8s/pod.json:kubernetes', 'web/Dockerfile:dockerfile'],
    );
  });

  it('a Helm template is skipped with a note, not linted', () => {
    const helm = file('chart/templates/deployment.yaml');
    assert.match(helm.skipped ?? '', /Helm/);
    assert.deepEqual(helm.findings, []);
  });

  it('Compose: merge keys, extends and interpolation defaults are resolved before the rules run', () => {
    assert.deepEqual(core('compose.yaml'), ['privileged@12:17', 'ssh-server@9:9', 'unpinned-image@7:12']);
    assert.ok(!file('compose.yaml').findings.some((f) => f.rule === 'capabilities' || f.rule === 'privilege-escalation'), 'cap_drop and security_opt come from the x-defaults anchor');
  });

  it('manifests: every document of a multi-document file (one broken), CronJob nesting, JSON', () => {
    assert.deepEqual(core('k8s/all.yaml'), ['host-namespaces@8:20', 'privileged@31:29', 'root-user@10:11', 'root-user@28:15'].sort());
    assert.deepEqual(core('k8s/pod.json'), ['capabilities@7:91', 'root-user@7:8']);
  });

  it('Dockerfiles in the same tree', () => {
    assert.deepEqual(core('web/Dockerfile'), ['root-user@2:6']);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const MIXED = path.join(__dirname, 'fixtures', 'mixed');

function run(args: string[], cwd = MIXED) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bulkhead audit', () => {
  it('prints the JSON contract with 1-based ranges, honouring .gitignore', () => {
    const { code, stdout } = run(['audit', '.', '--format', 'json']);
    assert.equal(code, 0, 'warnings do not fail with the default --fail-on error');
    const report = JSON.parse(stdout);
    assert.equal(report.tool.name, 'bulkhead');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    const paths = report.files.map((f: { path: string; kind: string }) => `${f.path}:${f.kind}`);
    assert.deepEqual(paths, ['Containerfile:dockerfile', 'compose.yaml:compose', 'k8s/pod.yaml:kubernetes', 'svc/Dockerfile:dockerfile', 'svc/Dockerfile.bin:dockerfile']);
    const svc = report.files.find((f: { path: string }) => f.path === 'svc/Dockerfile');
    assert.deepEqual(svc.findings, [
      {
        rule: 'root-user',
        severity: 'warning',
        message: svc.findings[0].message,
        range: { start: { line: 2, column: 6 }, end: { line: 2, column: 10 } },
        fixable: svc.findings[0].fixable,
      },
    ]);
    const binary = report.files.find((f: { path: string }) => f.path === 'svc/Dockerfile.bin');
    assert.match(binary.skipped, /binary/);
    assert.deepEqual(binary.findings, []);
    assert.equal(report.summary.files, 5);
    // The summary counts every file's findings (the Compose and manifest files have their own tables).
    const all = report.files.flatMap((f: { findings: { severity: 'error' | 'warning' | 'info' }[] }) => f.findings);
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of all) bySeverity[f.severity as 'error' | 'warning' | 'info']++;
    assert.deepEqual(report.summary.bySeverity, bySeverity);
    assert.equal(report.summary.findings, all.length);
  });

  it('exits 1 when a finding reaches --fail-on, 0 with never', () => {
    assert.equal(run(['audit', 'svc', '--fail-on', 'warning']).code, 1);
    assert.equal(run(['audit', 'svc', '--fail-on', 'never']).code, 0);
    assert.equal(run(['audit', 'svc', '--max-warnings', '0']).code, 1);
    assert.equal(run(['audit', 'svc', '--max-warnings', '1']).code, 0);
  });

  it('exits 2 with a one-line message for usage errors', () => {
    for (const args of [['audit', '--format', 'xml'], ['audit', '--fail-on', 'sometimes'], ['lint'], ['audit', '--bogus']]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.match(stderr, /^bulkhead: /);
    }
  });

  it('text output groups findings by file with a summary line', () => {
    const { stdout } = run(['audit', 'svc']);
    assert.match(stdout, /^svc\/Dockerfile \(dockerfile\)\n {2}2:6 +warning +The final stage runs as USER root/m);
    assert.match(stdout, /1 finding in 2 files \(0 error, 1 warning, 0 info\)/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colours when not a terminal');
  });

  it('writes --output files and SARIF 2.1.0 with rule metadata', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-cli-'));
    try {
      const out = path.join(dir, 'report.sarif');
      const { code, stdout } = run(['audit', '.', '--format', 'sarif', '--output', out]);
      assert.equal(code, 0);
      assert.equal(stdout, '');
      const sarif = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      const run0 = sarif.runs[0];
      assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'root-user'));
      const results = run0.results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]);
      assert.deepEqual(results.filter((r: string[]) => r[1] === 'svc/Dockerfile'), [['root-user', 'svc/Dockerfile', 2]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SARIF fingerprints stay the same when lines move', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-fp-'));
    try {
      writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:24\nUSER root\n');
      const before = JSON.parse(run(['audit', '.', '--format', 'sarif'], dir).stdout).runs[0].results[0];
      writeFileSync(path.join(dir, 'Dockerfile'), '# a comment\n\nFROM node:24\nRUN echo hi\nUSER root\n');
      const after = JSON.parse(run(['audit', '.', '--format', 'sarif'], dir).stdout).runs[0].results[0];
      assert.notEqual(before.locations[0].physicalLocation.region.startLine, after.locations[0].physicalLocation.region.startLine);
      assert.deepEqual(before.partialFingerprints, after.partialFingerprints);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports missing paths as skipped, not fatal', () => {
    const { code, stdout } = run(['audit', 'does-not-exist', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).files, [{ path: 'does-not-exist', kind: null, skipped: 'no such file or directory', findings: [] }]);
  });
});

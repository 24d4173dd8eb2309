import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('bulkhead audit: suppressed findings', () => {
  let dir: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'audit', '.', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-suppress-'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'app', 'Dockerfile'), 'FROM node:20\n# bulkhead-disable-next-line root-user -- entrypoint drops to uid 1000\nUSER root\n# bulkhead-disable-next-line sudo\nRUN true\n');
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2 # bulkhead-disable-line embedded-secret\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports suppressed findings apart, with source and reason, and never counts or gates on them', () => {
    const result = run('--fail-on', 'error');
    assert.equal(result.status, 0, `the suppressed embedded-secret error does not fail the audit: ${result.stderr}`);
    const report = JSON.parse(result.stdout);
    const docker = report.files.find((f: { path: string }) => f.path === 'app/Dockerfile');
    const ours = (f: { rule: string }) => ['root-user', 'sudo', 'unused-suppression'].includes(f.rule);
    assert.deepEqual(docker.findings.filter(ours), [], 'unused-suppression is off in the CLI unless asked for');
    assert.deepEqual(
      docker.suppressed.map((s: { rule: string; range: { start: { line: number } }; suppression: unknown }) => [s.rule, s.range.start.line, s.suppression]),
      [['root-user', 3, { source: 'bulkhead', form: 'comment', reason: 'entrypoint drops to uid 1000', line: 2 }]],
    );
    const compose = report.files.find((f: { path: string }) => f.path === 'compose.yaml');
    assert.deepEqual(compose.suppressed.map((s: { rule: string; severity: string }) => [s.rule, s.severity]), [['embedded-secret', 'error']]);
    assert.equal(JSON.stringify(compose.suppressed).includes('hunter2'), false, 'a suppressed secret is still redacted');
    assert.deepEqual(compose.findings.filter((f: { rule: string }) => f.rule === 'embedded-secret'), []);
    assert.equal(report.summary.bySeverity.error, 0);
  });

  it('--report-unused-suppressions reports the suppression that silences nothing at its rule id', () => {
    const report = JSON.parse(run('--report-unused-suppressions').stdout);
    const docker = report.files.find((f: { path: string }) => f.path === 'app/Dockerfile');
    assert.deepEqual(
      docker.findings.filter((f: { rule: string }) => f.rule === 'unused-suppression').map((f: { rule: string; severity: string; range: unknown }) => [f.rule, f.severity, f.range]),
      [['unused-suppression', 'info', { start: { line: 4, column: 30 }, end: { line: 4, column: 34 } }]],
    );
  });
});

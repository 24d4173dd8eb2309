import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('bulkhead audit: configuration', () => {
  let dir: string;
  const write = (relative: string, text: string) => {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'audit', '.', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  const rulesOf = (stdout: string, file: string) => {
    const report = JSON.parse(stdout);
    return report.files.find((f: { path: string }) => f.path === file)?.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-cli-config-'));
    write('.bulkhead.yaml', 'rules:\n  root-user: error\n  eol-image: off\nignorePaths:\n  - vendor/\n');
    write('app/Dockerfile', 'FROM node:20\nUSER root\n');
    write('legacy/.bulkhead.yaml', 'rules:\n  root-user: off\n  eol-image: off\n');
    write('legacy/Dockerfile', 'FROM node:20\nUSER root\n');
    write('vendor/Dockerfile', 'FROM node:20\nUSER root\n');
    write('configs/strict.yaml', 'rules:\n  root-user: info\n  eol-image: off\n');
    write('configs/broken.yaml', 'rules:\n  root-user: error\n  not-a-rule: off\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("each file gets its nearest .bulkhead.yaml; ignorePaths leave files out; severities gate the exit code", () => {
    const result = run();
    assert.equal(result.status, 1, 'root-user raised to error fails the audit');
    assert.deepEqual(rulesOf(result.stdout, 'app/Dockerfile'), ['root-user:error']);
    assert.deepEqual(rulesOf(result.stdout, 'legacy/Dockerfile'), []);
    assert.equal(rulesOf(result.stdout, 'vendor/Dockerfile'), undefined);
  });

  it('--config FILE replaces the search', () => {
    const result = run('--config', 'configs/strict.yaml');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(rulesOf(result.stdout, 'legacy/Dockerfile'), ['root-user:info']);
    assert.deepEqual(rulesOf(result.stdout, 'vendor/Dockerfile'), ['root-user:info'], 'ignorePaths come from the config in use');
  });

  it('an invalid --config exits 2 with one line: file:line:col and the problem', () => {
    const result = run('--config', 'configs/broken.yaml');
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'bulkhead: invalid configuration: configs/broken.yaml:3:3: unknown rule id "not-a-rule" in rules\n');
  });

  it('a missing --config file exits 2', () => {
    const result = run('--config', 'configs/none.yaml');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^bulkhead: invalid configuration: configs\/none\.yaml:1:1: cannot be read \(ENOENT\)\n$/);
  });

  it('an invalid config found on the way exits 2 and names it', () => {
    write('bad/.bulkhead.yaml', 'rules: [1]\nextra: true\n');
    write('bad/Dockerfile', 'FROM node:20\n');
    try {
      const result = run();
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'bulkhead: invalid configuration: bad/.bulkhead.yaml:1:8: "rules" must be a mapping of rule id to off, info, warning or error (and 1 more problem)\n');
    } finally {
      rmSync(path.join(dir, 'bad'), { recursive: true, force: true });
    }
  });
});

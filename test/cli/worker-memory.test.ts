import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Audit workers run with a small heap (pool.ts WORKER_HEAP_MB). A worker that runs out of memory
 * hands its batch to the main thread and a new worker takes over: the report is the same as a
 * single-threaded audit's, and nothing is lost or reported twice.
 */
describe('bulkhead audit: workers that run out of memory', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'bulkhead-worker-oom-'));
    for (let i = 0; i < 30; i++) {
      mkdirSync(path.join(root, `svc${i}`));
      writeFileSync(path.join(root, `svc${i}`, 'Dockerfile'), `FROM node:${18 + (i % 3)}\nRUN apt-get install -y curl\nCOPY . .\n`);
      writeFileSync(path.join(root, `svc${i}`, 'deploy.yaml'), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n      env:\n        - name: DB_PASSWORD\n          value: "Zq8vLm2pQr77x${i}"\n`);
    }
    // One manifest of 4,000 documents: far more than a 4 MB worker heap holds.
    const pods = Array.from({ length: 4000 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big${i}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.${i % 30}\n`).join('---\n');
    writeFileSync(path.join(root, 'big.yaml'), pods);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const format of ['json', 'sarif']) {
    it(`a 4 MB worker heap: every batch falls back to the main thread, the ${format} report is byte for byte the single-threaded one`, () => {
      const single = run(['audit', '.', '--format', format, '--fail-on', 'never', '--jobs', '1'], root);
      const starved = run(['audit', '.', '--format', format, '--fail-on', 'never', '--jobs', '2'], root, { BULKHEAD_WORKER_HEAP_MB: '4' });
      assert.equal(single.code, 0, single.stderr);
      assert.equal(starved.code, 0, starved.stderr);
      assert.equal(starved.stderr, single.stderr);
      assert.equal(starved.stdout, single.stdout);
      const report = JSON.parse(single.stdout) as { files?: unknown[]; runs?: { results: unknown[] }[] };
      assert.ok((report.files?.length ?? report.runs?.[0].results.length ?? 0) >= 61, 'every file is in the report');
    });
  }

  it('the default worker heap audits the same tree identically', () => {
    const single = run(['audit', '.', '--format', 'json', '--fail-on', 'never', '--jobs', '1'], root);
    const workers = run(['audit', '.', '--format', 'json', '--fail-on', 'never', '--jobs', '2'], root);
    assert.equal(workers.stdout, single.stdout);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

/**
 * Ctrl-C during `bulkhead audit` and `audit --fix` (issue 10): the built CLI, on a tree large
 * enough to still be working when the signal arrives (the first `--progress` line proves it
 * started), stops promptly with 130 and leaves every file either as it was or fully fixed.
 */
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const base = mkdtempSync(path.join(tmpdir(), 'bulkhead-interrupt-'));
after(() => rmSync(base, { recursive: true, force: true }));

const FILES = 1500;
const DOCKERFILE = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl openssh-server\nADD app.sh /app.sh\nCMD ["/app.sh"]\n';
const FIXED = 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n';

function tree(name: string): string {
  const root = path.join(base, name);
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, `svc-${String(i).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  }
  return root;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Runs the CLI and sends `signal` as soon as its first progress line shows it is working. */
function interrupted(args: string[], cwd: string, signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; stdout: string; stderr: string; msAfterSignal: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, '--progress'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => {
      stderr += String(d);
      if (sentAt === 0 && /bulkhead: (?:fixing )?[1-9]\d*\/\d+ files\n/.test(stderr)) {
        sentAt = Date.now();
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, msAfterSignal: sentAt === 0 ? -1 : Date.now() - sentAt }));
  });
}

describe('interrupting the CLI', () => {
  for (const jobs of ['1', '2']) {
    it(`audit -j ${jobs}: Ctrl-C stops it promptly with 130 and writes no partial report`, async () => {
      const root = tree(`audit-${jobs}`);
      const result = await interrupted(['audit', '.', '-j', jobs, '--format', 'json', '--output', 'report.json'], root);
      assert.ok(result.msAfterSignal >= 0, `never saw progress: ${result.stderr}`);
      assert.equal(result.code, 130, result.stderr);
      const stopped = /bulkhead: interrupted after auditing (\d+) of (\d+) files; no report written\n$/.exec(result.stderr);
      assert.ok(stopped, result.stderr);
      assert.equal(Number(stopped[2]), FILES);
      assert.ok(Number(stopped[1]) < FILES, result.stderr);
      assert.ok(result.msAfterSignal < 5000, `took ${result.msAfterSignal} ms`);
      assert.equal(result.stdout, '');
      assert.ok(!allFiles(root).includes('report.json'), 'no partial report file');
    });
  }

  it('SIGTERM stops an audit the same way, with 143', async () => {
    const root = tree('audit-term');
    const result = await interrupted(['audit', '.', '-j', '1'], root, 'SIGTERM');
    assert.equal(result.code, 143, result.stderr);
    assert.match(result.stderr, /bulkhead: interrupted after auditing \d+ of 1500 files; no report written\n$/);
  });

  it('audit --fix: every file is untouched or fully fixed, no temporary file is left, and the fixed ones are listed', async () => {
    const root = tree('fix');
    const result = await interrupted(['audit', '--fix', '.'], root);
    assert.ok(result.msAfterSignal >= 0, `never saw progress: ${result.stderr}`);
    assert.equal(result.code, 130, result.stderr);
    assert.equal(result.stdout, '', 'no report after an interrupted fix');
    const files = allFiles(root);
    assert.deepEqual(files.filter((f) => !f.endsWith('/Dockerfile')), [], 'no temporary files');
    const fixedOnDisk: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      assert.ok(text === DOCKERFILE || text === FIXED, `${file} is half fixed:\n${text}`);
      if (text === FIXED) fixedOnDisk.push(file);
    }
    const listed = [...result.stderr.matchAll(/^fixed (\S+):$/gm)].map((m) => m[1]);
    assert.deepEqual(listed.sort(), fixedOnDisk.sort());
    assert.ok(fixedOnDisk.length > 0 && fixedOnDisk.length < FILES, `${fixedOnDisk.length} fixed`);
    const summary = new RegExp(`bulkhead: fixed ${fixedOnDisk.length * 4} problems in ${fixedOnDisk.length} files before the interruption; the other files were not checked\\n$`);
    assert.match(result.stderr, summary);
  });
});

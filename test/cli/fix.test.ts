import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const base = mkdtempSync(path.join(tmpdir(), 'bulkhead-fix-'));
after(() => rmSync(base, { recursive: true, force: true }));

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DOCKERFILE = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl openssh-server\nADD app.sh /app.sh\nCMD ["/app.sh"]\n';
const FIXED = 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n';
const CLEAN = 'FROM debian:12\nUSER 10001\n';

function project(name: string): string {
  const root = path.join(base, name);
  mkdirSync(path.join(root, 'svc'), { recursive: true });
  writeFileSync(path.join(root, 'svc', 'Dockerfile'), DOCKERFILE);
  writeFileSync(path.join(root, 'Containerfile'), CLEAN);
  writeFileSync(path.join(root, 'crlf.Dockerfile'), 'FROM debian:12\r\nADD a.sh /a.sh\r\nUSER 10001\r\n');
  return root;
}

describe('bulkhead audit --fix', () => {
  it('--dry-run prints a unified diff that patch applies, writes nothing, exits 1', () => {
    const root = project('dry');
    const { code, stdout, stderr } = run(['audit', '--fix', '--dry-run'], root);
    assert.equal(code, 1);
    assert.equal(readFileSync(path.join(root, 'svc', 'Dockerfile'), 'utf8'), DOCKERFILE, 'nothing written');
    assert.match(stdout, /^--- a\/crlf\.Dockerfile\n\+\+\+ b\/crlf\.Dockerfile\n@@ /);
    assert.ok(stdout.includes('--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ -1,4 +1,4 @@\n FROM debian:12\n-RUN apt-get update && apt-get install -y curl openssh-server\n-ADD app.sh /app.sh\n+RUN apt-get update'), stdout);
    assert.ok(!stdout.includes('Containerfile'), 'clean files have no diff');
    assert.match(stderr, /would fix svc\/Dockerfile:\n {2}2:\d+ {2}\S+: /);
    assert.match(stderr, /bulkhead: would fix 5 problems in 2 files\n$/);
    // The diff is a real patch: applying it gives what --fix writes.
    const copy = path.join(base, 'dry-copy');
    cpSync(root, copy, { recursive: true });
    writeFileSync(path.join(copy, 'fix.patch'), stdout);
    const patched = spawnSync('patch', ['-p1', '-i', 'fix.patch'], { cwd: copy, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stderr);
    assert.equal(readFileSync(path.join(copy, 'svc', 'Dockerfile'), 'utf8'), FIXED);
  });

  it('applies every safe fix, keeps CRLF, reports what it changed and what is left', () => {
    const root = project('write');
    const { code, stdout, stderr } = run(['audit', '--fix', '--format', 'json'], root);
    assert.equal(code, 0, stderr);
    assert.equal(readFileSync(path.join(root, 'svc', 'Dockerfile'), 'utf8'), FIXED);
    assert.equal(readFileSync(path.join(root, 'crlf.Dockerfile'), 'utf8'), 'FROM debian:12\r\nCOPY a.sh /a.sh\r\nUSER 10001\r\n');
    assert.equal(readFileSync(path.join(root, 'Containerfile'), 'utf8'), CLEAN);
    assert.match(stderr, /^fixed crlf\.Dockerfile:\n {2}2:1 {2}add-instead-of-copy: Use COPY instead of ADD\n/);
    assert.match(stderr, /bulkhead: fixed 5 problems in 2 files\n$/);
    // stdout stays the machine-readable report, of what is left: the root-user fix is not safe.
    const report = JSON.parse(stdout);
    const left = report.files.flatMap((f: { path: string; findings: { rule: string }[] }) => f.findings.map((x) => `${f.path}:${x.rule}`));
    assert.deepEqual(left, ['svc/Dockerfile:root-user']);
    // Running it again changes nothing.
    const again = run(['audit', '--fix'], root);
    assert.match(again.stderr, /^bulkhead: nothing to fix\n$/);
    assert.equal(readFileSync(path.join(root, 'svc', 'Dockerfile'), 'utf8'), FIXED);
  });

  it('never writes outside the audited path: a link leaving it is skipped, not followed', () => {
    const root = project('links');
    const outside = path.join(base, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'Dockerfile'), DOCKERFILE);
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(root, 'linked.Dockerfile'));
    const { code, stdout, stderr } = run(['audit', '.', '--fix', '--format', 'json'], root);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /linked\.Dockerfile/, 'never a fix candidate');
    const linked = JSON.parse(stdout).files.find((f: { path: string }) => f.path === 'linked.Dockerfile');
    assert.deepEqual(linked, { path: 'linked.Dockerfile', kind: null, skipped: 'symbolic link to outside the audited folder (not followed)', findings: [] });
    assert.equal(readFileSync(path.join(outside, 'Dockerfile'), 'utf8'), DOCKERFILE, 'the file outside is untouched');
    assert.equal(readFileSync(path.join(root, 'svc', 'Dockerfile'), 'utf8'), FIXED, 'the others are fixed');
  });

  it('--dry-run alone is a usage error', () => {
    const { code, stderr } = run(['audit', '--dry-run'], base);
    assert.equal(code, 2);
    assert.equal(stderr, 'bulkhead: --dry-run only goes with --fix\n');
  });
});

describe('bulkhead --help', () => {
  it('documents --fix and --dry-run', () => {
    const { stdout } = run(['audit', '--help'], base);
    assert.match(stdout, /\n {2}--fix {2,}apply every safe fix/);
    assert.match(stdout, /\n {2}--dry-run {2,}with --fix: print the changes as a unified diff/);
    assert.doesNotMatch(stdout, /<<<<<<<|>>>>>>>/);
  });
});

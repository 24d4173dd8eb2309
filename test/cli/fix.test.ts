import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Every file under a folder with its bytes, to prove a run wrote, created and deleted nothing. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out[path.relative(root, full)] = readFileSync(full, 'latin1');
    }
  };
  visit(root);
  return out;
}

describe('bulkhead audit --fix', () => {
  it('--dry-run writes, creates and deletes nothing, and reports exactly what --fix then reports as done', () => {
    const root = project('dry-same');
    const before = snapshot(root);
    const dry = run(['audit', '--fix', '--dry-run'], root);
    assert.equal(dry.code, 1);
    assert.deepEqual(snapshot(root), before, 'the tree is byte for byte the same');
    const wet = run(['audit', '--fix'], root);
    assert.notEqual(wet.stderr, '');
    assert.equal(dry.stderr.replace(/would fix/g, 'fixed'), wet.stderr.slice(0, dry.stderr.length), 'the same list of changes');
    assert.match(wet.stderr, /^fixed crlf\.Dockerfile:\n {2}2:1 {2}add-instead-of-copy: Use COPY instead of ADD\nfixed svc\/Dockerfile:\n( {2}\d+:\d+ {2}[a-z-]+: .+\n){4}bulkhead: fixed 5 problems in 2 files\n/);
    // What --fix wrote is what the diff showed: the diff of the original against the written file.
    assert.ok(dry.stdout.includes(`+${readFileSync(path.join(root, 'svc', 'Dockerfile'), 'utf8').split('\n')[1]}\n`));
  });

  it('--dry-run with nothing to fix: no diff, exit 0, nothing written', () => {
    const root = path.join(base, 'clean');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'Dockerfile'), CLEAN);
    const before = snapshot(root);
    const { code, stdout, stderr } = run(['audit', '--fix', '--dry-run'], root);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, 'bulkhead: nothing to fix\n');
    assert.deepEqual(snapshot(root), before);
  });

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

  it('never trusts a registry for you: untrusted-registry\'s fix edits .bulkhead.yaml, which --fix leaves alone', () => {
    const root = path.join(base, 'untrusted');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'Dockerfile'), 'FROM bitnami/redis:7.2\nUSER 10001\n');
    const before = snapshot(root);
    const { code, stderr } = run(['audit', '--fix'], root);
    assert.equal(code, 0, 'a warning is left, below the default --fail-on error');
    assert.match(stderr, /^bulkhead: nothing to fix\n/);
    assert.deepEqual(snapshot(root), before, 'no .bulkhead.yaml created');
  });

  it('fixes Compose and Kubernetes files with the safe fixes only; the embedded secret stays for the user', () => {
    const root = path.join(base, 'yaml');
    mkdirSync(root, { recursive: true });
    const compose = 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      DB_PASSWORD: "Tr0ub4dor&3xq9"\n';
    writeFileSync(path.join(root, 'compose.yaml'), compose);
    writeFileSync(path.join(root, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n');
    const { code, stdout, stderr } = run(['audit', '--fix', '.'], root);
    assert.equal(code, 1, 'findings without a safe fix remain');
    assert.equal(
      readFileSync(path.join(root, 'compose.yaml'), 'utf8'),
      'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n          cpus: "0.5"\n          pids: 200\n    environment:\n      DB_PASSWORD: "Tr0ub4dor&3xq9"\n',
    );
    assert.equal(
      readFileSync(path.join(root, 'pod.yaml'), 'utf8'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          cpu: 500m\n          memory: 512Mi\n        requests:\n          cpu: 500m\n          memory: 512Mi\n      securityContext:\n        allowPrivilegeEscalation: false\n',
    );
    assert.match(stderr, /fixed compose\.yaml:\n {2}\d+:\d+ {2}missing-limits: [^\n]+\n {2}\d+:\d+ {2}privilege-escalation: /);
    assert.match(stderr, /fixed pod\.yaml:\n {2}5:1 {2}security-profile: Set seccompProfile type RuntimeDefault\n/);
    assert.match(stderr, /fixed 5 problems in 2 files/);
    assert.match(stdout, /embedded-secret/, 'the secret is still reported');
    assert.ok(!stdout.includes('Tr0ub4dor&3xq9') && !stderr.includes('Tr0ub4dor&3xq9'), 'the secret value is never printed');
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

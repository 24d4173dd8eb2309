import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

/**
 * What the CLI may do to a user's files (issue 10): nothing without --fix; with it, whole-file
 * replacements that keep mode and line endings, and nothing at all where the write fails.
 * Permission checks do not apply to root, so as root the CLI runs as `nobody` (uid 65534).
 */
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const base = mkdtempSync(path.join(tmpdir(), 'bulkhead-fix-safety-'));
after(() => rmSync(base, { recursive: true, force: true }));
const ROOT_USER = process.getuid?.() === 0;
const AS = ROOT_USER ? { uid: 65534, gid: 65534 } : {};

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...AS });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DOCKERFILE = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl openssh-server\nADD app.sh /app.sh\nCMD ["/app.sh"]\n';
const FIXED = 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n';

function write(file: string, text: string, mode = 0o644): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, mode);
}

/** Hands the tree (and the temp folder above it) to the user the CLI runs as. */
function handOver(root: string): void {
  if (!ROOT_USER) return;
  chownSync(base, 65534, 65534);
  chownSync(path.dirname(root), 65534, 65534);
  for (const entry of ['', ...readdirSync(root, { recursive: true }).map(String)]) chownSync(path.join(root, entry), 65534, 65534);
}

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const stat = statSync(full);
    out[path.relative(root, full)] = `${(stat.mode & 0o7777).toString(8)} ${stat.mtimeMs} ${entry.isFile() && stat.mode & 0o400 ? readFileSync(full, 'base64') : '-'}`;
  }
  return out;
}

describe('the CLI and the files it audits', () => {
  it('never modifies anything without --fix, whatever the format', () => {
    const root = path.join(base, 'readonly-audit', 'root');
    write(path.join(root, 'svc', 'Dockerfile'), DOCKERFILE, 0o750);
    write(path.join(root, 'crlf.Dockerfile'), DOCKERFILE.replace(/\n/g, '\r\n'));
    write(path.join(root, 'compose.yaml'), COMPOSE);
    write(path.join(root, 'k8s', 'pod.yaml'), POD, 0o600);
    handOver(root);
    const before = snapshot(root);
    for (const format of ['text', 'json', 'sarif']) {
      const { code, stdout, stderr } = run(['audit', '.', '--format', format], root);
      assert.equal(code, 1, stderr);
      assert.ok(stdout.includes('svc/Dockerfile'), stdout);
    }
    assert.deepEqual(snapshot(root), before);
    const { code } = run(['audit', '.', '--format', 'sarif', '--output', 'out.sarif'], root);
    assert.equal(code, 1);
    const after = snapshot(root);
    assert.ok(after['out.sarif'], 'the report is written');
    delete after['out.sarif'];
    assert.deepEqual(after, before, 'nothing but --output is written');
  });

  it('--fix keeps each file mode and CRLF line endings', () => {
    const root = path.join(base, 'modes', 'root');
    write(path.join(root, 'a', 'Dockerfile'), DOCKERFILE, 0o750);
    write(path.join(root, 'b', 'Dockerfile'), DOCKERFILE.replace(/\n/g, '\r\n'), 0o600);
    handOver(root);
    const { code, stderr } = run(['audit', '--fix', '.'], root);
    assert.equal(code, 0, stderr);
    assert.equal(readFileSync(path.join(root, 'a', 'Dockerfile'), 'utf8'), FIXED);
    assert.equal(readFileSync(path.join(root, 'b', 'Dockerfile'), 'utf8'), FIXED.replace(/\n/g, '\r\n'));
    assert.equal(statSync(path.join(root, 'a', 'Dockerfile')).mode & 0o7777, 0o750);
    assert.equal(statSync(path.join(root, 'b', 'Dockerfile')).mode & 0o7777, 0o600);
    assert.deepEqual(readdirSync(path.join(root, 'a')), ['Dockerfile']);
    assert.deepEqual(readdirSync(path.join(root, 'b')), ['Dockerfile']);
  });

  it('--fix in a read-only folder leaves that file untouched, says why, fixes the rest and exits 2', () => {
    const root = path.join(base, 'ro', 'root');
    write(path.join(root, 'locked', 'Dockerfile'), DOCKERFILE);
    write(path.join(root, 'open', 'Dockerfile'), DOCKERFILE);
    handOver(root);
    chmodSync(path.join(root, 'locked'), 0o555);
    try {
      const { code, stderr } = run(['audit', '--fix', '.'], root);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /^bulkhead: not fixed: locked\/Dockerfile: EACCES: permission denied/m);
      assert.match(stderr, /^fixed open\/Dockerfile:$/m);
      assert.equal(readFileSync(path.join(root, 'locked', 'Dockerfile'), 'utf8'), DOCKERFILE);
      assert.deepEqual(readdirSync(path.join(root, 'locked')), ['Dockerfile'], 'no temporary file');
      assert.equal(readFileSync(path.join(root, 'open', 'Dockerfile'), 'utf8'), FIXED);
    } finally {
      chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('an unreadable file is reported as skipped, not fatal, by audit and left alone by --fix', () => {
    const root = path.join(base, 'unreadable', 'root');
    write(path.join(root, 'secret', 'Dockerfile'), DOCKERFILE, 0o000);
    write(path.join(root, 'svc', 'Dockerfile'), DOCKERFILE);
    handOver(root);
    const audit = run(['audit', '.', '--format', 'json'], root);
    assert.equal(audit.code, 0, audit.stderr); // the Dockerfile's findings are warnings
    const report = JSON.parse(audit.stdout) as { files: { path: string; skipped?: string; findings: unknown[] }[] };
    assert.deepEqual(report.files.find((f) => f.path === 'secret/Dockerfile'), { path: 'secret/Dockerfile', kind: null, skipped: 'unreadable (EACCES)', findings: [] });
    assert.ok((report.files.find((f) => f.path === 'svc/Dockerfile')?.findings.length ?? 0) > 0);
    const fix = run(['audit', '--fix', '.'], root);
    assert.equal(fix.code, 0, fix.stderr);
    assert.match(fix.stderr, /^fixed svc\/Dockerfile:$/m);
    chmodSync(path.join(root, 'secret', 'Dockerfile'), 0o644);
    assert.equal(readFileSync(path.join(root, 'secret', 'Dockerfile'), 'utf8'), DOCKERFILE);
  });
});

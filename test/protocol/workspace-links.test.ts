import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';

const ROOT_DOCKERFILE = 'FROM debian:12\nUSER root\n';
const SECRET_DOCKERFILE = 'FROM debian:12\nUSER root\nADD victim.sh /\n';

describe('language server: the workspace audit and index stay inside the workspace folder', () => {
  let base: string;
  let ws: string;
  let outside: string;
  let client: TestLspClient;

  before(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-links-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(ws, 'svc'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(ws, 'svc', 'Dockerfile'), ROOT_DOCKERFILE);
    writeFileSync(path.join(outside, 'Dockerfile'), SECRET_DOCKERFILE);
    symlinkSync('../outside/Dockerfile', path.join(ws, 'escape.Dockerfile'));
    symlinkSync('../outside', path.join(ws, 'outside-dir'));
    symlinkSync('.', path.join(ws, 'loop'));
    symlinkSync('nowhere', path.join(ws, 'broken.Dockerfile'));
    symlinkSync('b.yaml', path.join(ws, 'a.yaml'));
    symlinkSync('a.yaml', path.join(ws, 'b.yaml'));
    assert.equal(spawnSync('mkfifo', [path.join(ws, 'pipe.Dockerfile')]).status, 0);
    client = new TestLspClient();
    await client.initialize({}, [pathToFileURL(ws).href]);
  });
  after(async () => {
    await client.shutdown();
    rmSync(base, { recursive: true, force: true });
  });

  it('audits the files inside, reports loops, broken and escaping links and FIFOs as skipped, and keeps serving', { timeout: 30_000 }, async () => {
    const result = (await client.connection.sendRequest('bulkhead/auditWorkspace', {})) as { cancelled: boolean; report: { files: { path: string; skipped?: string; findings: { rule: string }[] }[] } };
    assert.equal(result.cancelled, false);
    const summary = result.report.files.map((f) => (f.skipped ? `${f.path}: ${f.skipped}` : `${f.path}: ${f.findings.map((x) => x.rule).join(',')}`));
    assert.deepEqual(summary.sort(), [
      'a.yaml: symbolic link loop',
      'b.yaml: symbolic link loop',
      'broken.Dockerfile: broken symbolic link',
      'escape.Dockerfile: symbolic link to outside the audited folder (not followed)',
      'pipe.Dockerfile: not a regular file',
      'svc/Dockerfile: root-user',
    ]);
    assert.equal(readFileSync(path.join(outside, 'Dockerfile'), 'utf8'), SECRET_DOCKERFILE);
    // The server still answers after the walk.
    const uri = pathToFileURL(path.join(ws, 'svc', 'Dockerfile')).href;
    client.open(uri, 'dockerfile', ROOT_DOCKERFILE);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length > 0, 10_000);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['root-user']);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

const DOCKERFILE = 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.29\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n';

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

describe('language server: cross-file findings follow the other files', () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  };
  const watched = (relative: string, type: 1 | 2 | 3) => void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(relative), type }] });

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-ws-'));
    write('Dockerfile', DOCKERFILE);
    write('k8s/web.yaml', DEPLOYMENT);
    write('k8s/policy.yaml', POLICY);
    write('worker/Dockerfile', DOCKERFILE);
    client = new TestLspClient();
    await client.initialize({ didChangeWatchedFiles: { dynamicRegistration: true } }, [pathToFileURL(dir).href]);
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dockerignore: an open Dockerfile, then a .dockerignore appearing on disk', async () => {
    client.open(uri('Dockerfile'), 'dockerfile', DOCKERFILE);
    const first = await client.waitForDiagnostics((p) => p.uri === uri('Dockerfile'));
    const finding = first.diagnostics.find((d) => d.code === 'dockerignore');
    assert.ok(finding, JSON.stringify(first));
    assert.deepEqual(finding.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } });
    const before = client.publications(uri('Dockerfile')).length;
    write('.dockerignore', '.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n');
    watched('.dockerignore', 1);
    const next = await client.waitForDiagnostics((p) => p.uri === uri('Dockerfile') && client.publications(uri('Dockerfile')).indexOf(p) >= before);
    assert.ok(!codes(next).includes('dockerignore'), JSON.stringify(next));
  });

  it('missing-network-policy: a policy in an unopened file counts; deleting it brings the finding', async () => {
    client.open(uri('k8s/web.yaml'), 'yaml', DEPLOYMENT);
    const first = await client.waitForDiagnostics((p) => p.uri === uri('k8s/web.yaml'));
    assert.ok(!codes(first).includes('missing-network-policy'), JSON.stringify(first));
    unlinkSync(path.join(dir, 'k8s/policy.yaml'));
    watched('k8s/policy.yaml', 3);
    const next = await client.waitForDiagnostics((p) => p.uri === uri('k8s/web.yaml') && codes(p).includes('missing-network-policy'));
    const finding = next.diagnostics.find((d) => d.code === 'missing-network-policy')!;
    assert.equal(finding.severity, 3);
    assert.match(finding.message, /Namespace default has no NetworkPolicy/);
  });

  it('the workspace audit publishes unopened files, exports SARIF, and Clear removes them', async () => {
    const result = (await client.connection.sendRequest('bulkhead/auditWorkspace', {})) as { cancelled: boolean; report: { files: { path: string; findings: { rule: string }[] }[] } };
    assert.equal(result.cancelled, false);
    const worker = result.report.files.find((f) => f.path === 'worker/Dockerfile');
    assert.ok(worker?.findings.some((f) => f.rule === 'dockerignore'), JSON.stringify(result.report.files.map((f) => f.path)));
    const published = await client.waitForDiagnostics((p) => p.uri === uri('worker/Dockerfile') && codes(p).includes('dockerignore'));
    assert.ok(published.diagnostics.length > 0);

    const exported = (await client.connection.sendRequest('bulkhead/exportAudit', { format: 'sarif' })) as { content: string };
    assert.equal(JSON.parse(exported.content).version, '2.1.0');

    await client.connection.sendRequest('bulkhead/clearAudit', {});
    await client.waitForDiagnostics((p) => p.uri === uri('worker/Dockerfile') && p.diagnostics.length === 0);
    // Open documents keep their live diagnostics.
    const open = client.publications(uri('k8s/web.yaml'));
    assert.ok(codes(open[open.length - 1]).includes('missing-network-policy'));
    assert.equal(readFileSync(path.join(dir, 'worker/Dockerfile'), 'utf8'), DOCKERFILE, 'the audit writes nothing');
  });

  it('cancelling the audit stops it promptly and keeps what was found', async () => {
    for (let i = 0; i < 400; i++) write(`many/s${String(i).padStart(3, '0')}/Dockerfile`, DOCKERFILE);
    const progress: number[] = [];
    client.connection.onNotification('bulkhead/auditProgress', (p: { done: number }) => {
      progress.push(p.done);
      if (p.done >= 20) void client.connection.sendNotification('bulkhead/cancelAudit');
    });
    const result = (await client.connection.sendRequest('bulkhead/auditWorkspace', { clientProgress: true })) as { cancelled: boolean; report: { files: { path: string }[] } };
    assert.equal(result.cancelled, true);
    assert.ok(result.report.files.length >= 20 && result.report.files.length < 400, `${result.report.files.length} files`);
    assert.ok(progress.length > 0);
    // What was found is published.
    await client.waitForDiagnostics((p) => p.uri === uri('many/s000/Dockerfile') && codes(p).includes('dockerignore'));
  });
});

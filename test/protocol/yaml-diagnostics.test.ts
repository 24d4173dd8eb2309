import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';

/** What the editor shows for Compose files and Kubernetes manifests (rule tables cover the rules). */
describe('language server over stdio: Compose files and Kubernetes manifests', () => {
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  const codes = (diagnostics: { code?: unknown; range: { start: { line: number; character: number } } }[], ids: string[]) =>
    diagnostics.filter((d) => ids.includes(String(d.code))).map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();

  it('a Compose file (dockercompose language) gets Compose findings, source bulkhead', async () => {
    const uri = 'file:///work/project/compose.yaml';
    const text = 'x-defaults: &defaults\n  privileged: true\nservices:\n  web:\n    <<: *defaults\n    image: ${IMAGE:-nginx:latest}\n    user: root\n    network_mode: host\n';
    client.open(uri, 'dockercompose', text);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(codes(published.diagnostics, ['privileged', 'unpinned-image', 'root-user', 'host-namespaces']), ['host-namespaces@8:19', 'privileged@2:15', 'root-user@7:11', 'unpinned-image@6:12']);
    assert.ok(published.diagnostics.every((d) => d.source === 'bulkhead'));
  });

  it('a multi-document manifest: a broken document does not hide the others, and there is at most one parse note', async () => {
    const uri = 'file:///work/project/k8s/all.yaml';
    const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: ${name}\n      image: nginx:1.27\n${extra}`;
    const text = `${pod('a', '      securityContext:\n        privileged: true\n')}---\napiVersion: v1\nkind: Pod\nspec: {containers: [\n---\n${pod('b', '  hostPID: true\n')}`;
    client.open(uri, 'yaml', text);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(codes(published.diagnostics, ['privileged', 'host-namespaces']), ['host-namespaces@24:12', 'privileged@10:21']);
    const notes = published.diagnostics.filter((d) => d.code === 'parse-error');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 3, 'information, not an error: the YAML extension reports syntax errors');
  });

  it('unrelated YAML gets no diagnostics at all, even when it is broken', async () => {
    const uri = 'file:///work/project/.github/workflows/ci.yml';
    client.open(uri, 'yaml', 'on: push\njobs:\n  build: [\n');
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(published.diagnostics, []);
  });

  it('a Helm template gets one information note', async () => {
    const uri = 'file:///work/project/chart/templates/deployment.yaml';
    client.open(uri, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].severity, 3);
    assert.match(published.diagnostics[0].message, /Helm template/);
  });
});

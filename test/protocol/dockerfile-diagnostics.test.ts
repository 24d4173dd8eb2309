import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';

describe('language server over stdio: Dockerfiles', () => {
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('publishes diagnostics with rule id, source, range and docs link on open', async () => {
    const uri = 'file:///work/project/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\nUSER root\n');
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const summary = published.diagnostics.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepEqual(summary, [
      ['unpinned-image', 'bulkhead', 0, 10, 16],
      ['root-user', 'bulkhead', 1, 5, 9],
    ]);
    for (const d of published.diagnostics) assert.match(d.codeDescription?.href ?? '', new RegExp(`${d.code}\\.md$`));
  });

  it('an edit that fixes the problem clears it', async () => {
    const uri = 'file:///work/project/fix/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:24\nUSER root\n');
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1 && p.diagnostics.some((d) => d.code === 'root-user'));
    client.change(uri, 2, [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }, text: 'node' }]);
    const after = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.deepEqual(after.diagnostics, []);
  });

  it('rapid edits end with diagnostics for the last version, never a stale one after it', async () => {
    const uri = 'file:///work/project/rapid/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:24\nUSER node\n');
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    // Type "root" over "node" one keystroke at a time, then back to "node".
    const steps = ['USER r', 'USER ro', 'USER roo', 'USER root', 'USER roo', 'USER ro', 'USER r', 'USER ', 'USER n', 'USER no', 'USER nod', 'USER node'];
    steps.forEach((line, i) => client.change(uri, i + 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 100 } }, text: line }]));
    const last = steps.length + 1;
    const final = await client.waitForDiagnostics((p) => p.uri === uri && p.version === last);
    assert.deepEqual(final.diagnostics, []);
    const versions = client.publications(uri).map((p) => p.version ?? 0);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'publications arrive in version order');
    assert.ok(versions.length < steps.length + 1, `edits were coalesced (${versions.length} publications for ${steps.length + 1} versions)`);
  });

  it('documents edited in turn, more than keep an incremental cache, each get diagnostics for their latest text', async () => {
    // The server keeps incremental caches for the 16 most recently edited documents only; a
    // document that lost its cache is analysed in full on its next edit and must find the same.
    const uris = Array.from({ length: 20 }, (_, i) => `file:///work/project/many/${i}/Dockerfile`);
    for (const uri of uris) client.open(uri, 'dockerfile', 'FROM node:24\nRUN echo build\nUSER node\n');
    for (const uri of uris) await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    for (const uri of uris) {
      client.change(uri, 2, [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, text: 'root' }]);
      const edited = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
      assert.deepEqual(edited.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [['root-user', 2, 5, 9]]);
    }
    // The first document's cache was dropped long ago: a second edit is still right.
    client.change(uris[0], 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'RUN apt-get install -y openssh-server\n' }]);
    const again = await client.waitForDiagnostics((p) => p.uri === uris[0] && p.version === 3);
    assert.deepEqual(again.diagnostics.map((d) => [d.code, d.range.start.line]).sort(), [['package-hygiene', 1], ['root-user', 3], ['ssh-server', 1]]);
    // ...and the same as a fresh analysis of that text.
    const fresh = 'file:///work/project/many/fresh/Dockerfile';
    client.open(fresh, 'dockerfile', 'FROM node:24\nRUN apt-get install -y openssh-server\nRUN echo build\nUSER root\n');
    const reference = await client.waitForDiagnostics((p) => p.uri === fresh && p.version === 1);
    assert.deepEqual(again.diagnostics, reference.diagnostics);
  });

  it('hover on a flagged range explains the rule and the fix', async () => {
    const uri = 'file:///work/project/hover/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:24\nUSER root\n');
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /root-user/);
    assert.match(hover.contents.value, /How to fix/);
  });

  it('settings from the client change severities and turn rules off', async () => {
    client.settings = { rules: { 'unpinned-image': 'off', 'root-user': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///work/project/settings/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node\nUSER 0\n');
    // Settings are pulled asynchronously; the document is re-checked when they arrive.
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1 && p.diagnostics.length === 1);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['root-user', 1]]);
    client.settings = {};
  });

  it('files that are not ours get no diagnostics', async () => {
    const uri = 'file:///work/project/.github/workflows/ci.yaml';
    client.open(uri, 'yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    const published = await client.waitForDiagnostics((p) => p.uri === uri);
    assert.deepEqual(published.diagnostics, []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';

/**
 * A misbehaving or racing client (issue 10): edits out of order or out of range, edits to
 * documents that are not open, closing a document while it waits for analysis, configuration
 * changing mid-stream, unknown requests. The server must not crash and must keep publishing
 * correct diagnostics for the documents that are open.
 */
describe('the server survives a misbehaving client', () => {
  it('keeps serving after out-of-order, out-of-range and unknown-document edits', async (t) => {
    const client = new TestLspClient();
    t.after(() => client.process.kill());
    await client.initialize();
    const uri = 'file:///w/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\n', 5);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 5);
    client.change(uri, 3, [{ text: 'FROM alpine:3.20\nUSER app\n' }]); // an older version number
    client.change(uri, 6, [{ range: { start: { line: 999, character: 999 }, end: { line: 1000, character: 0 } }, text: 'USER root\n' }]);
    client.change(uri, 7, [{ range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]); // end before start
    client.change('file:///w/never-opened/Dockerfile', 1, [{ text: 'FROM x\n' }]);
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///w/never-opened.yaml' } });
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///w/bad', languageId: 'dockerfile', version: 1, text: null } });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///w/unknown' }, position: { line: -1, character: -1 } });
    await assert.rejects(client.connection.sendRequest('bulkhead/noSuchMethod', {}));

    // A final, well-formed edit is analysed at its version.
    client.change(uri, 8, [{ text: 'FROM node:latest\nUSER root\n' }]);
    const last = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 8);
    assert.deepEqual(last.diagnostics.map((d) => d.code).sort(), ['root-user', 'unpinned-image']);
    assert.equal(client.process.exitCode, null, `server still running; stderr: ${client.stderr}`);
    assert.equal(await client.shutdown(), 0);
  });

  it('a document closed while waiting for analysis is cleared, not published late', async (t) => {
    const client = new TestLspClient();
    t.after(() => client.process.kill());
    await client.initialize();
    const uri = 'file:///w/compose.yaml';
    client.open(uri, 'dockercompose', 'services:\n  web:\n    image: nginx:latest\n');
    for (let v = 2; v < 40; v++) client.change(uri, v, [{ text: `services:\n  web:\n    image: nginx:latest\n    # ${v}\n` }]);
    client.close(uri);
    client.open('file:///w/other/compose.yaml', 'dockercompose', 'services:\n  db:\n    image: postgres:latest\n');
    await client.waitForDiagnostics((p) => p.uri === 'file:///w/other/compose.yaml');
    const published = client.publications(uri);
    assert.ok(published.length > 0, 'the close clears the diagnostics');
    assert.deepEqual(published[published.length - 1].diagnostics, [], 'the last word on a closed document is "no diagnostics"');
    assert.equal(await client.shutdown(), 0);
  });

  it('configuration changing in the middle of a stream of edits applies to what follows', async (t) => {
    const client = new TestLspClient();
    t.after(() => client.process.kill());
    await client.initialize();
    const uri = 'file:///w/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\n');
    for (let v = 2; v < 20; v++) {
      client.change(uri, v, [{ text: `FROM node:latest\n# ${v}\n` }]);
      if (v === 10) {
        client.settings = { rules: { 'unpinned-image': 'off' } };
        void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      }
    }
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 19 && !p.diagnostics.some((d) => d.code === 'unpinned-image'));
    assert.equal(await client.shutdown(), 0);
  });
});

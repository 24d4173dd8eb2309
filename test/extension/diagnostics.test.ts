import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, codeOf, find, hasCodes, lacksCode, openFile, replaceText, summarize, waitForDiagnostics } from './helpers';

describe('diagnostics in the editor and the Problems panel', () => {
  before(activate);

  it('a Dockerfile gets its findings with codes, ranges, severities, source and docs links', async () => {
    const editor = await openFile('Dockerfile');
    assert.equal(editor.document.languageId, 'dockerfile');
    const ds = await waitForDiagnostics(editor.document.uri, hasCodes('unpinned-image', 'root-user'));
    assert.deepEqual(summarize(ds), [
      ['unpinned-image', 0, 10, 0, 16, 'Warning'],
      ['root-user', 3, 5, 3, 9, 'Warning'],
    ]);
    for (const d of ds) {
      assert.equal(d.source, 'bulkhead');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), new RegExp(`${codeOf(d)}\\.md$`), 'the code links to the rule page');
    }
    assert.match(find(ds, 'root-user').message, /runs as USER root/);
  });

  it('a Compose file gets its findings', async () => {
    const editor = await openFile('compose.yaml');
    const ds = await waitForDiagnostics(editor.document.uri, hasCodes('embedded-secret', 'privileged', 'missing-limits'));
    const secret = find(ds, 'embedded-secret');
    assert.deepEqual(summarize([secret, find(ds, 'privileged'), find(ds, 'missing-limits')]), [
      ['embedded-secret', 5, 25, 5, 33, 'Warning'],
      ['privileged', 6, 16, 6, 20, 'Error'],
      ['missing-limits', 1, 2, 1, 4, 'Warning'],
    ]);
    assert.match(secret.message, /POSTGRES_PASSWORD/);
    assert.doesNotMatch(secret.message, /changeme/, 'the secret itself is never shown');
  });

  it('a multi-document Kubernetes manifest gets findings in each document', async () => {
    const editor = await openFile('k8s/app.yaml');
    const ds = await waitForDiagnostics(editor.document.uri, hasCodes('secret-in-manifest', 'host-namespaces', 'privileged'));
    assert.deepEqual(summarize([find(ds, 'secret-in-manifest'), find(ds, 'host-namespaces'), find(ds, 'privileged')]), [
      ['secret-in-manifest', 11, 2, 11, 10, 'Warning'],
      ['host-namespaces', 27, 19, 27, 23, 'Error'],
      ['privileged', 32, 24, 32, 28, 'Error'],
    ]);
    for (const d of ds) assert.ok(d.range.start.line >= 5, `nothing in the Namespace document (${d.code})`);
  });

  it('diagnostics follow edits: a new problem appears, a fixed one clears', async () => {
    const editor = await openFile('edit/Dockerfile', 'FROM node:24.11.1\nUSER node\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics for a clean Dockerfile');
    // Diagnostics for the clean file may already be published before the first wait; prove the
    // server sees edits by introducing a problem and then removing it.
    await replaceText(uri, 'USER node', 'USER root');
    const bad = await waitForDiagnostics(uri, hasCodes('root-user'), 'root-user after the edit');
    assert.deepEqual(summarize(bad), [['root-user', 1, 5, 1, 9, 'Warning']]);
    await replaceText(uri, 'USER root', 'USER node');
    await waitForDiagnostics(uri, lacksCode('root-user'), 'root-user to clear after the fix');
    assert.deepEqual(summarize(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead')), []);
  });
});

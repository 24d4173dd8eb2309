import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, fileUri, find, hasCodes, openFile, setSetting, summarize, waitForDiagnostics } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('.bulkhead.yaml in the workspace', () => {
  const restore: (() => Promise<void>)[] = [];
  const written: vscode.Uri[] = [];
  before(activate);
  afterEach(async () => {
    while (restore.length > 0) await restore.pop()!();
    while (written.length > 0) await vscode.workspace.fs.delete(written.pop()!, { useTrash: false });
  });

  it('writing the file changes the diagnostics of an open document without a restart, and deleting it brings them back', async () => {
    const editor = await openFile('config/live/Dockerfile', 'FROM node:latest\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('unpinned-image', 'root-user'));

    const config = fileUri('config/live/.bulkhead.yaml');
    written.push(config);
    await vscode.workspace.fs.writeFile(config, encode('rules:\n  unpinned-image: off\n  root-user: error\n'));
    const configured = await waitForDiagnostics(uri, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Error, 'unpinned-image off and root-user an error');
    assert.deepEqual(summarize(configured), [['root-user', 1, 5, 1, 9, 'Error']]);

    await vscode.workspace.fs.delete(written.pop()!, { useTrash: false });
    const back = await waitForDiagnostics(uri, (ds) => hasCodes('unpinned-image', 'root-user')(ds) && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'the defaults once the file is gone');
    assert.equal(back.length, 2);
  });

  it('is merged over the bulkhead.rules setting, the file winning where both set a rule', async () => {
    const editor = await openFile('config/merge/Dockerfile', 'FROM node:latest\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('unpinned-image', 'root-user'));

    restore.push(await setSetting('rules', { 'root-user': 'error', 'unpinned-image': 'error' }));
    await waitForDiagnostics(uri, (ds) => ds.length === 2 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'both rules raised to error by the setting');

    const config = fileUri('config/merge/.bulkhead.yaml');
    written.push(config);
    await vscode.workspace.fs.writeFile(config, encode('rules:\n  root-user: info\n'));
    const merged = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Information), 'root-user at information from the file', 20_000);
    assert.equal(find(merged, 'root-user').severity, vscode.DiagnosticSeverity.Information, 'the file wins over the setting');
    assert.equal(find(merged, 'unpinned-image').severity, vscode.DiagnosticSeverity.Error, 'the setting still applies where the file says nothing');
    assert.equal(merged.length, 2);
  });
});

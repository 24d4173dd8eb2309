import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, find, hasCodes, lacksCode, openFile, setSetting, waitForDiagnostics } from './helpers';

describe('settings take effect without a reload', () => {
  const restore: (() => Promise<void>)[] = [];
  before(activate);
  afterEach(async () => {
    while (restore.length > 0) await restore.pop()!();
  });

  it('bulkhead.rules turns a rule off and raises another to error, and undoing it brings them back', async () => {
    const editor = await openFile('settings/Dockerfile', 'FROM node:latest\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('unpinned-image', 'root-user'));

    restore.push(await setSetting('rules', { 'unpinned-image': 'off', 'root-user': 'error' }));
    const changed = await waitForDiagnostics(uri, (ds) => lacksCode('unpinned-image')(ds) && ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'unpinned-image off and root-user as error');
    assert.equal(find(changed, 'root-user').severity, vscode.DiagnosticSeverity.Error);
    assert.equal(changed.length, 1);

    await restore.pop()!();
    const back = await waitForDiagnostics(uri, (ds) => hasCodes('unpinned-image')(ds) && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'the defaults back');
    assert.equal(back.length, 2);
  });

  it('bulkhead.enable false clears every diagnostic, true brings them back', async () => {
    const editor = await openFile('settings/Dockerfile', 'FROM node:latest\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('root-user'));
    restore.push(await setSetting('enable', false));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics while disabled');
    await restore.pop()!();
    await waitForDiagnostics(uri, hasCodes('root-user'), 'diagnostics after re-enabling');
  });

  it('bulkhead.trustedRegistries makes an image from that registry trusted', async () => {
    const editor = await openFile('settings/registry/Dockerfile', 'FROM registry.example.com/team/base:1.2.3\nUSER app\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('untrusted-registry'));
    restore.push(await setSetting('trustedRegistries', ['registry.example.com/team/*']));
    await waitForDiagnostics(uri, lacksCode('untrusted-registry'), 'untrusted-registry to clear once the registry is trusted');
  });
});

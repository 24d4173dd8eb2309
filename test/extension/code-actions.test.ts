import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, find, hasCodes, lacksCode, openFile, waitForDiagnostics } from './helpers';

const DOCKERFILE = 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nADD app.sh /app.sh\nCMD ["/app.sh"]\n';

describe('quick fixes and fix-all', () => {
  before(activate);

  it('the lightbulb offers the quick fix for a finding, and applying it changes exactly that text', async () => {
    const editor = await openFile('actions/Dockerfile', DOCKERFILE);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, hasCodes('ssh-server', 'add-instead-of-copy'));
    const ssh = find(ds, 'ssh-server');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, ssh.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Remove openssh-server from the install list');
    assert.ok(fix, `the quick fix is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(editor.document.getText(), DOCKERFILE.replace(' openssh-server', ''));
    await waitForDiagnostics(uri, lacksCode('ssh-server'), 'ssh-server to clear after the fix');
  });

  it('source.fixAll.bulkhead ("Fix all safe Bulkhead problems") applies every safe fix and leaves behaviour-changing ones', async () => {
    const editor = await openFile('fixall/Dockerfile', DOCKERFILE);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('ssh-server', 'add-instead-of-copy', 'root-user'));
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.bulkhead');
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [['Fix all safe Bulkhead problems (3)', 'source.fixAll.bulkhead']]);
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.equal(editor.document.getText(), 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n');
    const after = await waitForDiagnostics(uri, lacksCode('add-instead-of-copy'), 'fixed findings to clear');
    assert.ok(hasCodes('root-user')(after), 'root-user changes behaviour, so fix-all leaves it to the person');
  });
});

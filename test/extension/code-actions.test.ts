import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, fileUri, find, hasCodes, lacksCode, openFile, waitForDiagnostics } from './helpers';

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

  it('dockerignore: the lightbulb creates .dockerignore next to the Dockerfile; saved, the finding clears', async () => {
    const text = 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\n';
    const editor = await openFile('ignorefix/Dockerfile', text);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, hasCodes('dockerignore'));
    const finding = find(ds, 'dockerignore');
    assert.deepEqual([finding.range.start.line, finding.range.start.character, finding.range.end.character], [2, 5, 6]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Create .dockerignore excluding .git, .env and key files');
    assert.ok(fix?.edit, `the fix is offered with its edit; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const ignoreUri = fileUri('ignorefix/.dockerignore');
    const created = vscode.workspace.textDocuments.find((d) => d.uri.toString() === ignoreUri.toString());
    assert.ok(created, 'VS Code opened the new file with the inserted text');
    assert.equal(await created.save(), true);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(ignoreUri));
    assert.equal(written, '# Keep VCS data, local environment files and keys out of the build context (bulkhead dockerignore).\n.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n');
    assert.equal(editor.document.getText(), text, 'the Dockerfile itself is untouched');
    await waitForDiagnostics(uri, lacksCode('dockerignore'), 'dockerignore to clear once .dockerignore is saved');
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

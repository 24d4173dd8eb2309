import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, hasCodes, lacksCode, openFile, replaceText, waitForDiagnostics } from './helpers';

describe('fix-all on save (editor.codeActionsOnSave)', () => {
  let restore: (() => Thenable<void>) | undefined;
  before(activate);
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  it('"source.fixAll.bulkhead": "explicit" for Dockerfiles applies every safe fix when the file is saved', async () => {
    const editor = await openFile('save/Dockerfile', 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nCMD ["/app.sh"]\n');
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'dockerfile');
    await waitForDiagnostics(uri, hasCodes('ssh-server', 'package-hygiene'));

    const config = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    const before = config.inspect('codeActionsOnSave')?.workspaceLanguageValue;
    await config.update('codeActionsOnSave', { 'source.fixAll.bulkhead': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    restore = () => vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' }).update('codeActionsOnSave', before, vscode.ConfigurationTarget.Workspace, true);

    // The person adds a line with another fixable finding, then saves.
    await replaceText(uri, 'CMD', 'ADD app.sh /app.sh\nCMD');
    assert.equal(editor.document.isDirty, true);
    assert.equal(await editor.document.save(), true, 'the save went through');

    const expected = 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n';
    assert.equal(editor.document.getText(), expected);
    assert.equal(editor.document.isDirty, false, 'the fixes are part of what was saved');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), expected);
    const after = await waitForDiagnostics(uri, (ds) => lacksCode('ssh-server')(ds) && lacksCode('add-instead-of-copy')(ds) && lacksCode('package-hygiene')(ds), 'the fixed findings to clear');
    assert.ok(hasCodes('root-user')(after), 'root-user changes behaviour, so it is left to the person');
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, find, hasCodes, openFile, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('hover', () => {
  before(activate);

  it('hovering a finding shows the rule, why it matters, the fix and a docs link', async () => {
    const editor = await openFile('hover/Dockerfile', 'FROM node:24.11.1\nUSER root\n');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, hasCodes('root-user'));
    const position = find(ds, 'root-user').range.start.translate(0, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Bulkhead `root-user`/);
    assert.match(text, /How to fix:/);
    assert.match(text, /\[Rule documentation\]\([^)]*root-user\.md\)/);
  });

  it('hovering text without a finding shows nothing from Bulkhead', async () => {
    const editor = await openFile('hover/Dockerfile', 'FROM node:24.11.1\nUSER root\n');
    await waitForDiagnostics(editor.document.uri, hasCodes('root-user'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 2));
    assert.doesNotMatch(hoverText(hovers), /Bulkhead/);
  });
});

/** What the extension-host tests share: the workspace, opening files, and waiting for diagnostics by event. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bulkhead.bulkhead';
const TIMEOUT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (the launcher opens test/extension/workspace copied to a temp dir)');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

/** Creates (or overwrites) a file in the workspace and opens it in an editor. */
export async function openFile(relative: string, text?: string): Promise<vscode.TextEditor> {
  const uri = fileUri(relative);
  if (text !== undefined) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export type DiagnosticsCheck = (diagnostics: readonly vscode.Diagnostic[]) => boolean;

/** Bulkhead's diagnostics for a URI (other extensions may add their own). */
export function bulkheadDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead');
}

/**
 * Resolves with Bulkhead's diagnostics for `uri` once `check` accepts them: immediately when the
 * current ones already do, otherwise on the `onDidChangeDiagnostics` event that makes it so.
 * Rejects after a timeout, saying what was last seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, check: DiagnosticsCheck, what = 'the expected diagnostics', timeoutMs = TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = bulkheadDiagnostics(uri);
    if (check(current)) return resolve(current);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last seen: ${JSON.stringify(summarize(bulkheadDiagnostics(uri)))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = bulkheadDiagnostics(uri);
      if (!check(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function hasCodes(...codes: string[]): DiagnosticsCheck {
  return (ds) => codes.every((c) => ds.some((d) => codeOf(d) === c));
}

export function lacksCode(code: string): DiagnosticsCheck {
  return (ds) => !ds.some((d) => codeOf(d) === code);
}

/** `[code, startLine, startChar, endLine, endChar, severity]`, 0-based, for deepEqual. */
export function summarize(ds: readonly vscode.Diagnostic[]): [string, number, number, number, number, string][] {
  return ds.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, vscode.DiagnosticSeverity[d.severity]]);
}

export function find(ds: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  if (!d) throw new Error(`no ${code} diagnostic among ${JSON.stringify(summarize(ds))}`);
  return d;
}

/** Replaces the whole text of an open document through a WorkspaceEdit, as an extension or a paste would. */
export async function replaceText(uri: vscode.Uri, search: string, replacement: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().indexOf(search);
  if (offset < 0) throw new Error(`"${search}" not found in ${uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit to ${uri.path} was not applied`);
}

/** Sets a `bulkhead.*` setting in the workspace and returns a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('bulkhead');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return () => vscode.workspace.getConfiguration('bulkhead').update(key, before, vscode.ConfigurationTarget.Workspace) as Promise<void>;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

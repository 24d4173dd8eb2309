import { existsSync, lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { FileEdit } from '../engine';
import { isInside } from '../cli/atomic-write';
import { readSmallText } from '../fs/node-workspace-fs';

/** What the server knows that an edit of another file needs. */
export interface FileEditHost {
  /** The workspace folder that holds this absolute path, or undefined when none does. */
  rootOf(filePath: string): string | undefined;
  /** The text and version of the file when the editor has it open (its unsaved text wins over the disk). */
  openDocument(filePath: string): { text: string; version: number } | undefined;
  /** The client applies `documentChanges` (versioned edits). */
  versionedEdits: boolean;
  /** The client applies `create` resource operations. */
  canCreateFiles: boolean;
}

/** A `.dockerignore` bigger than this is not edited by a quick fix (it is not a hand-written one). */
const MAX_APPENDED_FILE = 1024 * 1024;

/**
 * A rule's edit of a file next to the document (dockerignore's "create / append .dockerignore"),
 * as an LSP WorkspaceEdit. Security habits: the file must lie inside a workspace folder once
 * symlinks are resolved, so a fix never writes outside the workspace; and an edit whose premise no
 * longer holds (the file to create now exists, the file to append to is gone) is not offered.
 */
export function siblingFileEdit(documentPath: string, edit: FileEdit, host: FileEditHost): WorkspaceEdit | undefined {
  if (edit.create === undefined && edit.append === undefined) return undefined;
  const target = path.resolve(path.dirname(documentPath), edit.relativePath);
  const root = host.rootOf(target);
  if (!root || !insideAfterLinks(target, root)) return undefined;
  const uri = pathToFileURL(target).href;
  const open = host.openDocument(target);

  if (edit.create !== undefined) {
    if (open || existsSync(target) || !host.canCreateFiles) return undefined;
    const start = { line: 0, character: 0 };
    return { documentChanges: [{ kind: 'create', uri }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: edit.create }] }] };
  }

  const text = open?.text ?? readSmallText(target, MAX_APPENDED_FILE);
  if (text === undefined) return undefined;
  // The rule computed the text from the file as it was; join it to the file as it is now.
  const body = edit.append!.replace(/^\n/, '');
  const newText = text === '' || /[\r\n]$/.test(text) ? body : `\n${body}`;
  const end = endOf(text);
  const edits = [{ range: { start: end, end }, newText }];
  if (host.versionedEdits) return { documentChanges: [{ textDocument: { uri, version: open?.version ?? null }, edits }] };
  return { changes: { [uri]: edits } };
}

/** True when `target` (or, for a file still to be created, its folder) resolves to a path inside `root`. */
function insideAfterLinks(target: string, root: string): boolean {
  try {
    const realRoot = realpathSync(root);
    const existing = existsSync(target) ? target : path.dirname(target);
    if (existing === target && lstatSync(target).isSymbolicLink()) return false;
    const real = realpathSync(existing);
    return real === realRoot || isInside(realRoot, real);
  } catch {
    return false;
  }
}

/** The LSP position just after the last character (UTF-16 units, as JavaScript strings count). */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

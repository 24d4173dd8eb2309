import type { PublishedDiagnostics } from './lsp-client';

/** The shapes of code actions and workspace edits as they arrive over the wire, for protocol tests. */
export interface WireTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export type WireChange = { kind: 'create'; uri: string } | { textDocument: { uri: string; version: number | null }; edits: WireTextEdit[] };

export interface WireCodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: PublishedDiagnostics['diagnostics'];
  edit?: { changes?: Record<string, WireTextEdit[]>; documentChanges?: WireChange[] };
}

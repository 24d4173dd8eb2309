/**
 * Core vocabulary of the analysis engine. Nothing here knows about LSP transport, VS Code or
 * the file system: the engine takes text and returns findings.
 */

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes';
export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'kubernetes'];

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Zero-based line and UTF-16 column, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text replacement inside the analysed document (positions as in `Range`). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A change to another file of the workspace (e.g. creating `.bulkhead.yaml` or `.dockerignore`). */
export interface FileEdit {
  /** Path relative to the analysed document's directory, forward slashes. */
  relativePath: string;
  /** Full new content when the file is created, or text appended when it exists. */
  create?: string;
  append?: string;
  /**
   * Add this pattern to `trustedRegistries` of the workspace configuration: the host edits the
   * nearest `.bulkhead.yaml` (engine/fixes/trust-registry.ts) or creates one at the workspace root.
   */
  trustedRegistry?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  fileEdits?: FileEdit[];
  /** Safe fixes are applied by fix-all; behaviour-changing ones are offered one by one. */
  safe: boolean;
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}

/** Where a rule comes from in the peers' catalogues; used for docs, SARIF tags and suppressions. */
export interface PeerIds {
  hadolint?: string[];
  checkov?: string[];
  kics?: string[];
  trivy?: string[];
  kubeLinter?: string[];
  polaris?: string[];
}

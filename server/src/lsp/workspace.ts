import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type CancellationToken, type Connection, type Diagnostic, type InitializeParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeWorkspace, classifyPath, suppressFindings, type AnalysisResult, type EngineConfig, type Finding, type WorkspaceFile } from '../engine';
import { nodeWorkspaceFs, toWorkspacePath } from '../fs/node-workspace-fs';
import { auditOne, readText, type FileOutcome } from '../cli/audit-file';
import { finishAudit } from '../cli/audit';
import { formatJson } from '../cli/format/json';
import { formatSarif } from '../cli/format/sarif';
import type { AuditReport } from '../cli/report';
import { walk } from '../cli/walk';
import { toDiagnostic } from './convert';

/** Custom requests of the workspace audit (the VS Code extension's commands use them). */
export const AUDIT_WORKSPACE = 'bulkhead/auditWorkspace';
export const CLEAR_AUDIT = 'bulkhead/clearAudit';
export const EXPORT_AUDIT = 'bulkhead/exportAudit';
/** Notification: stop the running audit and answer with what was found so far. */
export const CANCEL_AUDIT = 'bulkhead/cancelAudit';

export interface AuditWorkspaceParams {
  /** Extra gitignore-style patterns to skip (`files.exclude`, `ignorePaths`). */
  exclude?: string[];
  /** The client shows its own progress from `bulkhead/auditProgress` notifications ({done, total}). */
  clientProgress?: boolean;
}

export interface AuditWorkspaceResult {
  cancelled: boolean;
  /** Directory the report's paths are relative to. */
  baseDir: string;
  /** The CLI's JSON report (`bulkhead audit --format json`). */
  report: unknown;
}

/** Files read to learn the workspace's facts before any audit (Compose files, manifests, Dockerfiles). */
const MAX_INDEXED_FILES = 3000;

const WATCHED = ['**/*.{yaml,yml,json}', '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*}', '**/*.{dockerfile,Dockerfile,containerfile}', '**/.dockerignore', '**/*.dockerignore'];

/**
 * Cross-file analysis in the language server: an index of every file's facts (from open
 * documents, a first walk of the workspace folders and file-watch events), cross-file findings
 * for open documents, and the workspace audit that publishes findings of unopened files too.
 */
export class WorkspaceSupport {
  private roots: string[] = [];
  private readonly index = new Map<string, WorkspaceFile>();
  private scanned = false;
  private canWatch = false;
  private canShowProgress = false;
  private lastAudit?: { report: AuditReport; baseDir: string };
  /** URIs of unopened files that have audit diagnostics published. */
  private readonly auditUris = new Set<string>();
  private cancelRequested = false;
  docsUrl: (id: string) => string = (id) => id;

  /** The workspace folder holding a file (the deepest), if any. */
  rootOf(filePath: string): string | undefined {
    return this.roots.filter((r) => filePath === r || filePath.startsWith(r.endsWith(path.sep) ? r : r + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly config: () => EngineConfig,
    private readonly requeue: (except?: string) => void,
  ) {}

  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canShowProgress = params.capabilities.window?.workDoneProgress === true;
    this.connection.onDidChangeWatchedFiles((event) => {
      this.filesChanged(event.changes);
      this.onWatchedFiles?.(event.changes);
    });
    this.connection.onRequest(AUDIT_WORKSPACE, (p: AuditWorkspaceParams | undefined, token: CancellationToken) => this.audit(p ?? {}, token));
    this.connection.onRequest(CLEAR_AUDIT, () => this.clearAudit());
    this.connection.onNotification(CANCEL_AUDIT, () => {
      this.cancelRequested = true;
    });
    this.connection.onRequest(EXPORT_AUDIT, (p: { format?: string }) => this.exportAudit(p?.format === 'sarif' ? 'sarif' : 'json'));
  }

  /** The workspace folders' paths. */
  get folders(): readonly string[] {
    return this.roots;
  }

  /** Other listeners of file-watch events (the connection takes one handler: this class's). */
  onWatchedFiles?: (changes: FileEvent[]) => void;

  async registerWatchers(): Promise<void> {
    if (!this.canWatch) return;
    await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
  }

  /** The document's own findings plus its cross-file findings (passed through its suppressions). */
  withCrossFile(uri: string, text: string, result: AnalysisResult): AnalysisResult {
    if (!uri.startsWith('file:') || !result.kind) return result;
    this.ensureScanned();
    const path = toWorkspacePath(fileURLToPath(uri));
    const facts = result.facts ?? {};
    const previous = this.index.get(path);
    this.index.set(path, { path, kind: result.kind, facts });
    // Another open document's cross-file findings may depend on what this one says.
    if (JSON.stringify(previous?.facts ?? {}) !== JSON.stringify(facts)) this.requeue(uri);
    const config = this.config();
    const workspace = analyzeWorkspace([...this.index.values()], nodeWorkspaceFs, config, new Set([path]));
    for (const failure of workspace.failures) this.connection.console.error(`Bulkhead: cross-file rule ${failure.ruleId} failed: ${String(failure.error)}`);
    const mine = workspace.findings.get(path) ?? [];
    if (mine.length === 0) return result;
    const split = suppressFindings(text, result.kind, mine, { config, reportUnused: false });
    return { ...result, findings: sortFindings([...result.findings, ...split.findings]), suppressed: [...(result.suppressed ?? []), ...split.suppressed] };
  }

  /**
   * A closed document goes back to what is on disk; after an audit, its diagnostics stay in the
   * Problems panel as the audit would find them now. Returns false when it should be cleared.
   */
  closed(uri: string, publish: (uri: string, diagnostics: Diagnostic[]) => void, docsUrl: (id: string) => string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    this.refreshFromDisk(toWorkspacePath(path));
    if (!this.lastAudit || !this.auditFile(path)) return false;
    const read = readText(path);
    if ('skipped' in read) return false;
    const result = this.withCrossFile(uri, read.text, analyze(read.text, { path, config: this.config() }));
    publish(uri, result.findings.map((f) => toDiagnostic(f, docsUrl)));
    this.auditUris.add(uri);
    return true;
  }

  private ensureScanned(): void {
    if (this.scanned) return;
    this.scanned = true;
    if (this.roots.length === 0) return;
    const { files } = walk(this.roots, this.roots[0]);
    for (const file of files.slice(0, MAX_INDEXED_FILES)) this.refreshFromDisk(toWorkspacePath(file.absolute));
  }

  private refreshFromDisk(path: string): void {
    const read = readText(path);
    if ('skipped' in read) {
      this.index.delete(path);
      return;
    }
    try {
      const result = analyze(read.text, { path, config: this.config() });
      if (result.kind) this.index.set(path, { path, kind: result.kind, facts: result.facts ?? {} });
      else this.index.delete(path);
    } catch {
      this.index.delete(path);
    }
  }

  private filesChanged(changes: { uri: string; type: number }[]): void {
    let relevant = false;
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const path = toWorkspacePath(fileURLToPath(change.uri));
      const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
      if (base === '.dockerignore' || base.endsWith('.dockerignore')) {
        relevant = true;
        continue;
      }
      if (!classifyPath(path)) continue;
      relevant = true;
      if (this.documents.get(change.uri)) continue; // the open document is the truth
      if (change.type === FileChangeType.Deleted) this.index.delete(path);
      else if (this.scanned) this.refreshFromDisk(path);
    }
    if (relevant) this.requeue();
  }

  private async audit(params: AuditWorkspaceParams, token: CancellationToken): Promise<AuditWorkspaceResult> {
    const baseDir = this.roots[0] ?? process.cwd();
    const config = { ...this.config(), now: this.config().now ?? new Date() };
    const { files, problems } = walk(this.roots.length > 0 ? this.roots : [baseDir], baseDir, params.exclude ?? []);
    const progress = this.canShowProgress && !params.clientProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Bulkhead: auditing the workspace', 0, `0/${files.length} files`, true);
    const outcomes: FileOutcome[] = [];
    this.cancelRequested = false;
    const listings = new Map<string, string[]>();
    let cancelled = false;
    for (let i = 0; i < files.length; i++) {
      if (this.cancelRequested || token.isCancellationRequested || progress?.token.isCancellationRequested) {
        cancelled = true;
        break;
      }
      outcomes.push(auditOne(files[i], config, listings));
      if (i % 10 === 9 || i === files.length - 1) {
        progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} files`);
        if (params.clientProgress) void this.connection.sendNotification('bulkhead/auditProgress', { done: i + 1, total: files.length });
        // Let edits, hovers and the cancellation through between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    progress?.done();
    const report = finishAudit(outcomes, problems, config);
    this.publishAudit(report);
    this.lastAudit = { report, baseDir };
    return { cancelled, baseDir, report: JSON.parse(formatJson(report)) };
  }

  private publishAudit(report: AuditReport): void {
    const previous = new Set(this.auditUris);
    this.auditUris.clear();
    for (const file of report.files) {
      const uri = pathToFileURL(file.absolute).href;
      if (this.documents.get(uri)) continue; // open documents keep their live results
      previous.delete(uri);
      this.auditUris.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: file.findings.map((f) => toDiagnostic(f, this.docsUrl)) });
    }
    for (const uri of previous) if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private clearAudit(): { cleared: number } {
    let cleared = 0;
    for (const uri of this.auditUris) {
      if (this.documents.get(uri)) continue;
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      cleared++;
    }
    this.auditUris.clear();
    this.lastAudit = undefined;
    return { cleared };
  }

  private exportAudit(format: 'json' | 'sarif'): { content: string | null } {
    if (!this.lastAudit) return { content: null };
    return { content: format === 'sarif' ? formatSarif(this.lastAudit.report) : formatJson(this.lastAudit.report) };
  }

  private auditFile(path: string) {
    return this.lastAudit?.report.files.find((f) => f.absolute === path);
  }
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}

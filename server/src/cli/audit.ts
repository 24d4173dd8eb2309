import * as path from 'node:path';
import { analyzeWorkspace, suppressFindings, type EngineConfig, type Finding, type WorkspaceFile } from '../engine';
import { nodeWorkspaceFs, toWorkspacePath } from '../fs/node-workspace-fs';
import { auditOne, fingerprintsOf, readText, type FileOutcome } from './audit-file';
import { AuditCancelled, auditInWorkers, workersAvailable } from './pool';
import { packOutcome, unpackLazily } from './packed-findings';
import type { AuditedFile, AuditReport } from './report';
import { walk, type WalkedFile } from './walk';

export { fingerprintsOf, readText } from './audit-file';
export { AuditCancelled } from './pool';

export interface AuditOptions {
  paths: string[];
  baseDir: string;
  config: EngineConfig;
  /** Per-file configuration (nearest `.bulkhead.yaml`); `ignored` files are left out. Default: `config`. */
  configFor?: (absolute: string) => { config: EngineConfig; ignored: boolean };
  /** Worker threads (1 = analyse on the main thread). */
  jobs?: number;
  /** Called as files finish (for a progress line). */
  onProgress?: (done: number, total: number) => void;
  /** `runAuditParallel` only: aborting it (Ctrl-C) stops the audit between files with `AuditCancelled`. */
  signal?: AbortSignal;
}

/** A single-threaded audit (the language server and tests use it; the CLI uses `runAuditParallel`). */
export function runAudit(options: AuditOptions): AuditReport {
  const { files, problems } = discover(options);
  const config = pinToday(options.config);
  const listings = new Map<string, string[]>();
  const outcomes = files.map((file, i) => {
    const outcome = auditOne(file, config, listings);
    options.onProgress?.(i + 1, files.length);
    return outcome;
  });
  return finishAudit(outcomes, problems, config);
}

/** The CLI's audit: files spread over `jobs` worker threads, with output identical to `runAudit`. */
export async function runAuditParallel(options: AuditOptions): Promise<AuditReport> {
  const jobs = options.jobs ?? 1;
  const { files, problems } = discover(options);
  const config = pinToday(options.config);
  const progress = (done: number) => options.onProgress?.(done, files.length);
  const outcomes = jobs > 1 && workersAvailable() ? await auditInWorkers(files, config, jobs, progress, options.signal) : await auditOnThisThread(files, config, progress, options.signal);
  return finishAudit(outcomes, problems, config);
}

/** One file after another, letting signals (Ctrl-C) through between files. */
async function auditOnThisThread(files: WalkedFile[], config: EngineConfig, onProgress: (done: number) => void, signal?: AbortSignal): Promise<FileOutcome[]> {
  const listings = new Map<string, string[]>();
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new AuditCancelled(outcomes.length, files.length);
    outcomes.push(packOutcome(auditOne(file, config, listings)));
    onProgress(outcomes.length);
  }
  return outcomes;
}

/** Walks the paths; each file takes its own configuration along (plain data, so it reaches workers too). */
function discover(options: AuditOptions) {
  const walked = walk(options.paths.length > 0 ? options.paths : ['.'], options.baseDir);
  if (!options.configFor) return walked;
  const now = options.config.now ?? new Date();
  const files: WalkedFile[] = [];
  for (const file of walked.files) {
    const configured = options.configFor(file.absolute);
    if (!configured.ignored) files.push({ ...file, config: { ...configured.config, now: configured.config.now ?? now } });
  }
  return { ...walked, files };
}

/** Every thread must judge dates (eol-image) against the same day. */
function pinToday(config: EngineConfig): EngineConfig {
  return config.now ? config : { ...config, now: new Date() };
}

/** Collects outcomes in walk order, then runs the cross-file rules over every file's facts. */
export function finishAudit(outcomes: FileOutcome[], problems: AuditReport['problems'], config: EngineConfig): AuditReport {
  const audited: AuditedFile[] = [];
  const workspaceFiles: WorkspaceFile[] = [];
  const byPath = new Map<string, AuditedFile>();
  for (const outcome of outcomes) {
    if (outcome.type === 'problem') problems.push({ relative: outcome.relative, reason: outcome.reason });
    if (outcome.type !== 'file' && outcome.type !== 'packed') continue;
    for (const error of outcome.errors) process.stderr.write(error);
    const file = outcome.type === 'packed' ? unpackLazily(outcome.file) : outcome.file;
    audited.push(file);
    const workspacePath = toWorkspacePath(file.absolute);
    byPath.set(workspacePath, file);
    workspaceFiles.push({ path: workspacePath, kind: file.kind, facts: outcome.facts });
  }
  const workspace = analyzeWorkspace(workspaceFiles, nodeWorkspaceFs, config);
  for (const failure of workspace.failures) {
    process.stderr.write(`bulkhead: cross-file rule ${failure.ruleId} failed; its findings are missing: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}\n`);
  }
  for (const [workspacePath, findings] of workspace.findings) {
    const file = byPath.get(workspacePath);
    if (file) addCrossFileFindings(file, findings, config);
  }
  return { files: audited, problems };
}

/** Cross-file findings join the file's own (fingerprinted from the file's text like the others). */
function addCrossFileFindings(file: AuditedFile, crossFile: Finding[], config: EngineConfig): void {
  const read = readText(file.absolute);
  if ('skipped' in read) return;
  // The file's own suppression comments apply to cross-file findings too.
  const { findings, suppressed } = suppressFindings(read.text, file.kind, crossFile, { config, reportUnused: false });
  if (suppressed.length > 0) file.suppressed = [...(file.suppressed ?? []), ...suppressed];
  file.findings = [...file.findings, ...findings].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
  );
  file.fingerprints = fingerprintsOf(file.relative, read.text, file.findings);
}

export function relativeTo(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}

export type { WalkedFile };

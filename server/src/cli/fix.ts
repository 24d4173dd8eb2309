import * as path from 'node:path';
import { fixAll, type AppliedFix, type EngineConfig } from '../engine';
import { AtomicWriteError, isInside, writeFileAtomic } from './atomic-write';
import { readText } from './audit';
import { buildContextFor } from './build-context';
import { unifiedDiff } from './diff';
import { walk } from './walk';

export interface FixOptions {
  paths: string[];
  baseDir: string;
  config: EngineConfig;
  /** Per-file configuration (nearest `.bulkhead.yaml`); `ignored` files are left alone. Default: `config`. */
  configFor?: (absolute: string) => { config: EngineConfig; ignored: boolean };
  /** Compute the changes and their diff, write nothing. */
  dryRun: boolean;
  /** Aborting it (Ctrl-C) stops between files: every file is either untouched or fully fixed. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface FixRun {
  fixed: FixedFile[];
  /** Stopped by the signal before every file was checked. */
  cancelled: boolean;
}

export interface FixedFile {
  relative: string;
  applied: AppliedFix[];
  /** Unified diff of the change (dry runs). */
  diff?: string;
  /** Why the fixed text was not written. */
  error?: string;
}

/**
 * `bulkhead audit --fix`: the same fix-all as the editor's `source.fixAll.bulkhead`, on the files
 * the audit finds. Files are written atomically and only inside the audited path they were found
 * under (never through a symbolic link, never a file that changed meanwhile).
 */
export async function runFixes(options: FixOptions): Promise<FixRun> {
  const inputs = options.paths.length > 0 ? options.paths : ['.'];
  const { files } = walk(inputs, options.baseDir);
  const roots = inputs.map((input) => path.resolve(options.baseDir, input));
  const contextListings = new Map<string, string[]>();
  const fixed: FixedFile[] = [];
  let done = 0;
  for (const file of files) {
    // Writes are synchronous, so a signal handled here never finds a file half written.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) return { fixed, cancelled: true };
    options.onProgress?.(done++, files.length);
    const configured = options.configFor?.(file.absolute);
    if (configured?.ignored) continue;
    const read = readText(file.absolute);
    if ('skipped' in read) continue;
    const result = fixAll(read.text, { path: file.absolute, config: configured?.config ?? options.config, buildContext: buildContextFor(file.absolute, contextListings) });
    if (result.applied.length === 0 || result.text === read.text) continue;
    const entry: FixedFile = { relative: file.relative, applied: result.applied };
    if (options.dryRun) {
      entry.diff = unifiedDiff(file.relative, read.text, result.text);
    } else {
      const root = rootOf(file.absolute, roots);
      try {
        if (!root) throw new AtomicWriteError(`refusing to write ${file.relative}: it is outside the audited paths`);
        writeFileAtomic({ root, file: file.absolute, content: result.text, expected: read.text });
      } catch (error) {
        // Our own refusals name the file; a failed system call names only the temporary file.
        entry.error = error instanceof AtomicWriteError ? error.message : `${file.relative}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    fixed.push(entry);
  }
  options.onProgress?.(files.length, files.length);
  return { fixed, cancelled: false };
}

/** The audited path a file was found under (a file given by name: its directory). */
function rootOf(file: string, roots: string[]): string | undefined {
  for (const root of roots) {
    if (root === file) return path.dirname(file);
    if (isInside(root, file)) return root;
  }
  return undefined;
}

/** One line per file, then one per fix, for the terminal (stderr). */
export function describeFixes(fixed: FixedFile[], dryRun: boolean, cancelled = false): string {
  const ok = fixed.filter((f) => !f.error);
  const count = ok.reduce((n, f) => n + f.applied.length, 0);
  const lines: string[] = [];
  for (const file of fixed) {
    lines.push(file.error ? `bulkhead: not fixed: ${file.error}` : `${dryRun ? 'would fix' : 'fixed'} ${file.relative}:`);
    if (file.error) continue;
    for (const a of file.applied) lines.push(`  ${a.range.start.line + 1}:${a.range.start.character + 1}  ${a.ruleId}: ${a.title}`);
  }
  const verb = dryRun ? 'would fix' : 'fixed';
  const summary = count === 0 ? (cancelled ? `bulkhead: ${verb} nothing` : `bulkhead: nothing to fix`) : `bulkhead: ${verb} ${count} problem${count === 1 ? '' : 's'} in ${ok.length} file${ok.length === 1 ? '' : 's'}`;
  lines.push(cancelled ? `${summary} before the interruption; the other files were not checked` : summary);
  return `${lines.join('\n')}\n`;
}

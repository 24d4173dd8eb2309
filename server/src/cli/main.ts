#!/usr/bin/env node
/**
 * bulkhead: the command-line entry point (`bulkhead audit`). A thin shell around the engine:
 * argument parsing, file discovery, output formats and exit codes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type EngineConfig, type Severity } from '../engine';
import { availableParallelism } from 'node:os';
import { AuditCancelled, runAuditParallel } from './audit';
import { cliConfig, ConfigError } from './config';
import { progressLine } from './progress';
import { describeFixes, runFixes } from './fix';
import { jsonChunks } from './format/json';
import { sarifChunks } from './format/sarif';
import { textChunks } from './format/text';
import { countBySeverity, SEVERITY_RANK, type AuditReport } from './report';
import { VERSION } from '../version';

const USAGE = `Usage: bulkhead audit [paths...] [options]

Finds security problems in Dockerfiles, Docker Compose files and Kubernetes manifests.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of stdout
  --fail-on error|warning|info|never
                             exit 1 when a finding is at least this severe (default: error)
  --max-warnings N           also exit 1 when there are more than N warnings
  --no-color                 plain text output even on a terminal
  --fix                      apply every safe fix to the files, then report what is left
  --dry-run                  with --fix: print the changes as a unified diff, write nothing
                             (exit 1 when there is something to fix, 0 when not)
  --config FILE              use this configuration file instead of the nearest .bulkhead.yaml
  --report-unused-suppressions
                             report suppression comments that silence nothing (unused-suppression)
  -j, --jobs N               worker threads (default: one per core; 1 = no workers)
  --progress                 print progress lines on stderr even when it is not a terminal
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or configuration error,
130 interrupted (Ctrl-C; with --fix every file is either untouched or fully fixed).
`;

class UsageError extends Error {}

interface AuditArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  output?: string;
  failOn: 'error' | 'warning' | 'info' | 'never';
  maxWarnings?: number;
  color: boolean;
  reportUnusedSuppressions: boolean;
  config?: string;
  fix: boolean;
  dryRun: boolean;
  jobs: number;
  progress: boolean;
}

function parseAuditArgs(args: string[]): AuditArgs {
  const parsed: AuditArgs = { paths: [], format: 'text', failOn: 'error', color: process.stdout.isTTY === true && !process.env.NO_COLOR, reportUnusedSuppressions: false, fix: false, dryRun: false, jobs: availableParallelism(), progress: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format "${v}" (expected text, json or sarif)`);
        parsed.format = v;
        break;
      }
      case '--output':
      case '-o':
        parsed.output = value();
        break;
      case '--fail-on': {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'info' && v !== 'never') throw new UsageError(`unknown --fail-on level "${v}" (expected error, warning, info or never)`);
        parsed.failOn = v;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, got "${v}"`);
        parsed.maxWarnings = Number(v);
        break;
      }
      case '--fix':
        parsed.fix = true;
        break;
      case '--dry-run':
        parsed.dryRun = true;
        break;
      case '--progress':
        parsed.progress = true;
        break;
      case '--no-color':
        parsed.color = false;
        break;
      case '--color':
        parsed.color = true;
        break;
      case '--jobs':
      case '-j': {
        const v = value();
        if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--jobs needs a whole number of at least 1, got "${v}"`);
        parsed.jobs = Number(v);
        break;
      }
      case '--config':
        parsed.config = value();
        break;
      case '--report-unused-suppressions':
        parsed.reportUnusedSuppressions = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        parsed.paths.push(arg);
    }
  }
  if (parsed.dryRun && !parsed.fix) throw new UsageError('--dry-run only goes with --fix');
  return parsed;
}

export function exitCodeFor(report: AuditReport, failOn: AuditArgs['failOn'], maxWarnings?: number): number {
  // Counted from the totals: findings are kept packed (packed-findings.ts), never all decoded at once.
  const counts = countBySeverity(report);
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return 1;
  if (failOn === 'never') return 0;
  return (Object.keys(counts) as Severity[]).some((severity) => counts[severity] > 0 && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command !== 'audit') throw new UsageError(`unknown command "${command}" (try: bulkhead audit .)`);
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseAuditArgs(rest);
  const baseDir = process.cwd();
  const configuration = cliConfig({ configFile: args.config && path.resolve(baseDir, args.config), reportUnusedSuppressions: args.reportUnusedSuppressions, baseDir });
  const config: EngineConfig = configuration.defaults;
  const configFor = configuration.configFor;
  // Ctrl-C (SIGINT) or SIGTERM stops the run between files: fix writes are synchronous and
  // atomic, so no file is ever left half written and no temporary file is left behind.
  const interrupt = new AbortController();
  let interruptedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) process.exit(exitCodeForSignal(signal)); // a second Ctrl-C: stop now
    interruptedBy = signal;
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = progressLine(process.stderr, { always: args.progress });
  let writeFailed = false;
  if (args.fix) {
    const { fixed, cancelled } = await runFixes({ paths: args.paths, baseDir, config, configFor, dryRun: args.dryRun, signal: interrupt.signal, onProgress: (done, total) => progress.update(done, total, 'fixing') });
    progress.done();
    if (cancelled) {
      // Report what was written: those files are complete, the others untouched.
      process.stderr.write(describeFixes(fixed, args.dryRun, true));
      return exitCodeForSignal(interruptedBy);
    }
    configuration.check();
    process.stderr.write(describeFixes(fixed, args.dryRun));
    if (args.dryRun) {
      process.stdout.write(fixed.map((f) => f.diff ?? '').join(''));
      return fixed.some((f) => f.diff) ? 1 : 0;
    }
    writeFailed = fixed.some((f) => f.error);
  }
  let report: AuditReport;
  try {
    report = await runAuditParallel({ paths: args.paths, baseDir, config, configFor, jobs: args.jobs, onProgress: progress.update, signal: interrupt.signal });
  } catch (error) {
    if (!(error instanceof AuditCancelled)) throw error;
    progress.done();
    // A partial report could pass a CI gate that the full one fails: none is written.
    process.stderr.write(`bulkhead: interrupted after auditing ${error.done} of ${error.total} files; no report written\n`);
    return exitCodeForSignal(interruptedBy);
  }
  progress.done();
  configuration.check();
  // Written piece by piece: a report of 100,000 findings never exists as one string.
  const chunks = args.format === 'json' ? jsonChunks(report) : args.format === 'sarif' ? sarifChunks(report) : textChunks(report, args.color && !args.output);
  writeChunks(chunks, args.output ? path.resolve(baseDir, args.output) : undefined);
  return writeFailed ? 2 : exitCodeFor(report, args.failOn, args.maxWarnings);
}

/**
 * Writes the report to a file (created or truncated, as writeFileSync did) or to stdout, in
 * blocks of about 64 KB. Synchronous, like the single write it replaces: files and pipes are
 * written synchronously by Node on POSIX, so the process exits only after the report is out.
 */
function writeChunks(chunks: Iterable<string>, file: string | undefined): void {
  const fd = file === undefined ? 1 : openSync(file, 'w');
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 65536) {
        if (!writeAll(fd, pending)) return;
        pending = '';
      }
    }
    if (pending) writeAll(fd, pending);
  } finally {
    if (file !== undefined) closeSync(fd);
  }
}

/** False when the reader went away (`bulkhead audit | head`): the rest is not wanted. */
function writeAll(fd: number, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      // A non-blocking stdout (a pipe set O_NONBLOCK by the reader) can refuse a write for a moment.
      if (code !== 'EAGAIN') throw error;
    }
  }
  return true;
}

/** The shell's convention: 128 + the signal number (130 for Ctrl-C). */
function exitCodeForSignal(signal: NodeJS.Signals | undefined): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`bulkhead: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bulkhead: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
});

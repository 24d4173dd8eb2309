import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, LIMITS, type EngineConfig } from '../engine';
import { LineIndex } from '../engine/text/line-index';
import { buildContextFor } from './build-context';
import { fingerprints } from './fingerprint';
import type { AuditedFile, AuditReport } from './report';
import { walk } from './walk';

export interface AuditOptions {
  paths: string[];
  baseDir: string;
  config: EngineConfig;
}

export function runAudit(options: AuditOptions): AuditReport {
  const { files, problems } = walk(options.paths.length > 0 ? options.paths : ['.'], options.baseDir);
  const audited: AuditedFile[] = [];
  const contextListings = new Map<string, string[]>();
  for (const file of files) {
    const read = readText(file.absolute);
    if ('skipped' in read) {
      problems.push({ relative: file.relative, reason: read.skipped });
      continue;
    }
    let result: ReturnType<typeof analyze>;
    try {
      result = analyze(read.text, { path: file.absolute, config: options.config, buildContext: buildContextFor(file.absolute, contextListings) });
    } catch (error) {
      // A parser bug on one file must not lose the report for all the others.
      problems.push({ relative: file.relative, reason: `internal error while analysing (${error instanceof Error ? error.name : 'error'}); please report it` });
      continue;
    }
    if (!result.kind) continue;
    for (const failure of result.failures) {
      process.stderr.write(`bulkhead: rule ${failure.ruleId} failed on ${file.relative}; its findings are missing: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}\n`);
    }
    audited.push({
      relative: file.relative,
      absolute: file.absolute,
      kind: result.kind,
      findings: result.findings,
      suppressed: result.suppressed,
      notes: result.notices.map((n) => n.message),
      skipped: result.skipped,
      fingerprints: fingerprintsOf(file.relative, read.text, result.findings),
    });
  }
  return { files: audited, problems };
}

function fingerprintsOf(relative: string, text: string, findings: AuditedFile['findings']): string[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return fingerprints(relative, text, findings, (line, character) => lines.offsetAt({ line, character }));
}

/** Reads a file as UTF-8, refusing huge or unreadable ones before loading them whole. */
export function readText(file: string): { text: string } | { skipped: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > LIMITS.maxFileBytes) return { skipped: `larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB` };
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.subarray(0, read).toString('utf8') };
  } catch (error) {
    return { skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function relativeTo(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}

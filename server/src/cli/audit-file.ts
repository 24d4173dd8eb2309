import { analyze, LIMITS, type EngineConfig, type FileFacts, type Finding } from '../engine';
import { LineIndex } from '../engine/text/line-index';
import { readRegularFile } from '../fs/node-workspace-fs';
import { buildContextFor } from './build-context';
import { fingerprints } from './fingerprint';
import type { AuditedFile } from './report';
import type { PackedAuditedFile } from './packed-findings';
import type { WalkedFile } from './walk';

/** What auditing one file produced: plain data, so it crosses worker-thread boundaries. */
export type FileOutcome =
  | { type: 'problem'; relative: string; reason: string }
  | { type: 'none' }
  | { type: 'file'; file: AuditedFile; facts: FileFacts; errors: string[] }
  /** The CLI's form: findings held as text until the report is written (packed-findings.ts). */
  | { type: 'packed'; file: PackedAuditedFile; facts: FileFacts; errors: string[] };

/**
 * Reads and analyses one file. Nothing of the parse is kept: only findings and the small facts
 * cross-file rules need, so memory stays flat however many files an audit covers.
 */
export function auditOne(file: WalkedFile, config: EngineConfig, contextListings: Map<string, string[]>): FileOutcome {
  const read = readText(file.absolute);
  if ('skipped' in read) return { type: 'problem', relative: file.relative, reason: read.skipped };
  let result: ReturnType<typeof analyze>;
  try {
    result = analyze(read.text, { path: file.absolute, config: file.config ?? config, buildContext: buildContextFor(file.absolute, contextListings) });
  } catch (error) {
    // A parser bug on one file must not lose the report for all the others.
    return { type: 'problem', relative: file.relative, reason: `internal error while analysing (${error instanceof Error ? error.name : 'error'}); please report it` };
  }
  if (!result.kind) return { type: 'none' };
  const errors = result.failures.map((failure) => `bulkhead: rule ${failure.ruleId} failed on ${file.relative}; its findings are missing: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}\n`);
  return {
    type: 'file',
    errors,
    facts: result.facts ?? {},
    file: {
      relative: file.relative,
      absolute: file.absolute,
      kind: result.kind,
      // The report needs no fix edits (--fix computes its own): dropping them keeps a large audit's
      // memory and the worker-to-main-thread messages small.
      findings: result.findings.map(withoutFixes),
      suppressed: result.suppressed,
      notes: result.notices.map((n) => n.message),
      skipped: result.skipped,
      fingerprints: fingerprintsOf(file.relative, read.text, result.findings),
    },
  };
}

/** auditOne for a thread that must go on: an engine bug on one file becomes that file's problem. */
export function auditOneSafely(file: WalkedFile, config: EngineConfig, contextListings: Map<string, string[]>): FileOutcome {
  try {
    return auditOne(file, config, contextListings);
  } catch (error) {
    return { type: 'problem', relative: file.relative, reason: `internal error while analysing (${error instanceof Error ? error.message : String(error)})` };
  }
}

function withoutFixes(finding: Finding): Finding {
  if (!finding.fixes) return finding;
  const { fixes: _fixes, ...rest } = finding;
  return rest;
}

export function fingerprintsOf(relative: string, text: string, findings: AuditedFile['findings']): string[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return fingerprints(relative, text, findings, (line, character) => lines.offsetAt({ line, character }));
}

/** Reads a file as UTF-8, refusing huge, unreadable or non-regular ones before loading them whole. */
export function readText(file: string): { text: string } | { skipped: string } {
  const read = readRegularFile(file, LIMITS.maxFileBytes, { oftenMissing: false });
  return 'bytes' in read ? { text: read.bytes.toString('utf8') } : { skipped: read.refused };
}

import type { FileKind, Finding, Severity, SuppressedFinding } from '../engine';

/** One audited file, with the engine's findings in 0-based positions. */
export interface AuditedFile {
  relative: string;
  absolute: string;
  kind: FileKind;
  findings: Finding[];
  /** Findings silenced by suppression comments/annotations: reported apart, never counted or gated on. */
  suppressed?: SuppressedFinding[];
  /** Information notes (parse errors, skipped documents). */
  notes: string[];
  skipped?: string;
  /** Stable per-finding fingerprints (see fingerprint.ts), parallel to `findings`. */
  fingerprints?: string[];
}

export interface AuditReport {
  files: AuditedFile[];
  /** Files that could not be read or were rejected before analysis. */
  problems: { relative: string; reason: string }[];
}

export function countBySeverity(report: AuditReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of report.files) for (const f of file.findings) counts[f.severity]++;
  return counts;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

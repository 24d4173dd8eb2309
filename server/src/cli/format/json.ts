import type { AuditReport } from '../report';
import { countBySeverity } from '../report';
import { VERSION } from '../../version';
import { findRule, type Finding } from '../../engine';
import { joinChunks, streamJson, StreamedArray } from './json-stream';

function jsonFinding(f: Finding) {
  return {
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: {
      start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
      end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
    },
    // The audit drops fix edits from its findings; a rule that offers fixes says so in its metadata.
    fixable: (f.fixes?.length ?? 0) > 0 || (findRule(f.ruleId)?.fixable ?? false),
  };
}

/** The CLI's JSON contract (1-based lines and columns; see README "JSON output"). */
export function formatJson(report: AuditReport): string {
  return joinChunks(jsonChunks(report));
}

/** The same JSON, one file at a time (json-stream.ts): what the CLI writes. */
export function* jsonChunks(report: AuditReport): Generator<string> {
  const files = new StreamedArray(function* () {
    for (const file of report.files) {
      yield {
        path: file.relative,
        kind: file.kind,
        ...(file.skipped ? { skipped: file.skipped } : {}),
        findings: file.findings.map(jsonFinding),
        // Suppressed findings, apart, so audits can count what teams silenced and why.
        suppressed: (file.suppressed ?? []).map((f) => ({
          ...jsonFinding(f),
          suppression: { source: f.suppression.source, form: f.suppression.form, ...(f.suppression.reason ? { reason: f.suppression.reason } : {}), line: f.suppression.range.start.line + 1 },
        })),
      };
    }
    for (const p of report.problems) yield { path: p.relative, kind: null, skipped: p.reason, findings: [] };
  });
  const bySeverity = countBySeverity(report);
  const findings = bySeverity.error + bySeverity.warning + bySeverity.info;
  yield* streamJson({ tool: { name: 'bulkhead', version: VERSION }, files, summary: { files: report.files.length, findings, bySeverity } });
  yield '\n';
}

import type { AuditReport } from '../report';
import { countBySeverity } from '../report';
import { joinChunks } from './json-stream';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Human-readable report grouped by file; colours only when writing to a terminal. */
export function formatText(report: AuditReport, color: boolean): string {
  return joinChunks(textChunks(report, color));
}

/** The same text, line by line: what the CLI writes. */
export function* textChunks(report: AuditReport, color: boolean): Generator<string> {
  const c = (name: keyof typeof COLORS, text: string) => (color ? `${COLORS[name]}${text}${COLORS.reset}` : text);
  // Every line ends with a newline; one file's lines are yielded together.
  let out: string[] = [];
  const flush = () => {
    const chunk = out.length > 0 ? `${out.join('\n')}\n` : '';
    out = [];
    return chunk;
  };
  for (const file of report.files) {
    if (file.findings.length === 0 && !file.skipped && file.notes.length === 0) continue;
    out.push(c('bold', `${file.relative}`) + c('dim', ` (${file.kind})`));
    if (file.skipped) out.push(`  ${c('dim', `skipped: ${file.skipped}`)}`);
    for (const note of file.notes) if (!file.skipped) out.push(`  ${c('dim', `note: ${note}`)}`);
    for (const f of file.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      out.push(`  ${c('dim', where)}${c(f.severity, f.severity.padEnd(8))}${f.message}  ${c('dim', f.ruleId)}`);
    }
    out.push('');
    yield flush();
  }
  for (const problem of report.problems) out.push(`${problem.relative}: ${c('dim', `skipped: ${problem.reason}`)}`);
  if (report.problems.length > 0) out.push('');
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.info;
  const summary = `${total} finding${total === 1 ? '' : 's'} in ${report.files.length} file${report.files.length === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info)`;
  out.push(total === 0 ? c('bold', `No problems found in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.`) : c('bold', summary));
  yield flush();
}

/**
 * The audit summary as Markdown (shown in the Markdown preview): counts by severity, rule and
 * file kind, the worst files first, and every finding linking to its location. Pure: no
 * `vscode` import, so it is unit-tested directly.
 */
export interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  range: { start: { line: number; column: number } };
}

export interface JsonReport {
  tool: { version: string };
  files: { path: string; kind: string | null; skipped?: string; findings: JsonFinding[] }[];
  summary: { files: number; findings: number; bySeverity: Record<string, number> };
}

const WEIGHT: Record<string, number> = { error: 100, warning: 10, info: 1 };

export function renderAuditMarkdown(report: JsonReport, fileUri: (relative: string) => string, options: { cancelled?: boolean; date?: Date } = {}): string {
  const out: string[] = [];
  const { bySeverity } = report.summary;
  out.push('# Bulkhead workspace audit', '');
  if (options.cancelled) out.push('> The audit was cancelled: these are the results of the files done so far.', '');
  out.push(`${report.summary.findings} findings in ${report.summary.files} files — bulkhead ${report.tool.version}${options.date ? `, ${options.date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`, '');
  out.push('| error | warning | info |', '|---:|---:|---:|', `| ${bySeverity.error ?? 0} | ${bySeverity.warning ?? 0} | ${bySeverity.info ?? 0} |`, '');

  const byRule = new Map<string, { count: number; severity: string }>();
  const byKind = new Map<string, { files: number; findings: number }>();
  for (const file of report.files) {
    if (!file.kind) continue;
    const kind = byKind.get(file.kind) ?? { files: 0, findings: 0 };
    kind.files++;
    kind.findings += file.findings.length;
    byKind.set(file.kind, kind);
    for (const f of file.findings) {
      const rule = byRule.get(f.rule) ?? { count: 0, severity: f.severity };
      rule.count++;
      byRule.set(f.rule, rule);
    }
  }
  if (byRule.size > 0) {
    out.push('## By rule', '', '| rule | severity | findings |', '|---|---|---:|');
    for (const [rule, { count, severity }] of [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))) out.push(`| \`${rule}\` | ${severity} | ${count} |`);
    out.push('');
  }
  out.push('## By file kind', '', '| kind | files | findings |', '|---|---:|---:|');
  for (const [kind, { files, findings }] of [...byKind].sort((a, b) => a[0].localeCompare(b[0]))) out.push(`| ${kind} | ${files} | ${findings} |`);
  out.push('');

  const worst = report.files
    .filter((f) => f.findings.length > 0)
    .map((f) => ({ file: f, score: f.findings.reduce((sum, x) => sum + (WEIGHT[x.severity] ?? 0), 0) }))
    .sort((a, b) => b.score - a.score || a.file.path.localeCompare(b.file.path));
  out.push('## Files, worst first', '');
  if (worst.length === 0) out.push('No findings.', '');
  for (const { file } of worst) {
    out.push(`### [${escape(file.path)}](${fileUri(file.path)}) (${file.kind})`, '');
    for (const f of file.findings) {
      const where = `${f.range.start.line}:${f.range.start.column}`;
      out.push(`- **${f.severity}** [${where}](${fileUri(file.path)}#L${f.range.start.line}) ${escape(f.message)} \`${f.rule}\``);
    }
    out.push('');
  }
  const skipped = report.files.filter((f) => f.skipped);
  if (skipped.length > 0) {
    out.push('## Skipped', '');
    for (const f of skipped) out.push(`- ${escape(f.path)}: ${escape(f.skipped!)}`);
    out.push('');
  }
  return out.join('\n');
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

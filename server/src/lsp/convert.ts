import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Notice, Severity } from '../engine';

export const SOURCE = 'bulkhead';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding, docsUrl: (id: string) => string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
  };
}

export function noticeToDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: DiagnosticSeverity.Information, source: SOURCE, code: notice.code, message: notice.message };
}

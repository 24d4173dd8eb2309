import { DEFAULT_CONFIG, type EngineConfig } from '../config';
import type { RuleFailure } from '../analyze';
import { RULES } from '../rules';
import type { Finding, Severity } from '../types';
import type { WorkspaceFile } from './facts';
import type { WorkspaceFs } from './fs';

export interface WorkspaceAnalysis {
  /** Findings of cross-file rules by file path, sorted by position. */
  findings: Map<string, Finding[]>;
  failures: RuleFailure[];
}

/**
 * Runs the cross-file (`workspace`) checks over the facts of a set of files. `only` limits the
 * reported findings to some paths (the editor asks for one open document's).
 */
export function analyzeWorkspace(files: readonly WorkspaceFile[], fs: WorkspaceFs, config: EngineConfig = DEFAULT_CONFIG, only?: ReadonlySet<string>): WorkspaceAnalysis {
  const findings = new Map<string, Finding[]>();
  const failures: RuleFailure[] = [];
  // The editor asks for one file's findings per analysis, with every open and indexed file as
  // context; build the set of reportable paths from `only` so that costs no O(files) allocation.
  const known = only ? new Set([...only].filter((path) => files.some((f) => f.path === path))) : new Set(files.map((f) => f.path));
  for (const rule of RULES) {
    const check = rule.check.workspace;
    const setting = config.rules[rule.id];
    if (!check || setting === 'off') continue;
    const reported: [string, Finding][] = [];
    try {
      check({
        files,
        fs,
        config,
        wants: (path) => known.has(path),
        report: (path, r) => {
          if (!known.has(path)) return;
          const severity: Severity = setting === 'error' || setting === 'warning' || setting === 'info' ? setting : (r.severity ?? rule.severity);
          reported.push([path, { ruleId: rule.id, severity, message: r.message, range: r.range, fixes: r.fixes }]);
        },
      });
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
      continue;
    }
    for (const [path, finding] of reported) {
      const list = findings.get(path) ?? [];
      list.push(finding);
      findings.set(path, list);
    }
  }
  for (const list of findings.values()) {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  }
  return { findings, failures };
}

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_CONFIG, suppressFindings, type EngineConfig, type FileKind, type Finding, type Rule } from '../../../server/src/engine';

/**
 * Table cases for the suppression layer, independent of what the rules find: each case places
 * findings of real rule ids at 1-based lines and says which stay, which are suppressed (by which
 * source) and which `unused-suppression` findings appear, with exact 1-based ranges.
 */
export interface SuppressionCase {
  name: string;
  code: string;
  /** `rule@line` findings the rules would have reported (column 1-2 of that line). */
  findings: string[];
  kept?: string[];
  /** `rule@line by source` */
  suppressed?: string[];
  /** `line:col-endLine:endCol message-substring` */
  unused?: string[];
  config?: Partial<EngineConfig>;
  reportUnused?: boolean;
}

export function finding(spec: string): Finding {
  const [ruleId, line] = spec.split('@');
  const l = Number(line) - 1;
  return { ruleId, severity: 'warning', message: `${ruleId} here`, range: { start: { line: l, character: 0 }, end: { line: l, character: 1 } } };
}

/** `rules`: the catalogue to resolve ids against (default: the registered rules). */
export function runCases(kind: FileKind, cases: SuppressionCase[], rules?: readonly Rule[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const config = { ...DEFAULT_CONFIG, now: new Date('2026-06-01'), ...c.config } as EngineConfig;
      const out = suppressFindings(c.code, kind, c.findings.map(finding), { config, reportUnused: c.reportUnused, rules });
      const kept = out.findings.filter((f) => f.ruleId !== 'unused-suppression').map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
      const unused = out.findings.filter((f) => f.ruleId === 'unused-suppression');
      assert.deepEqual(kept, c.kept ?? [], 'kept findings');
      assert.deepEqual(out.suppressed.map((f) => `${f.ruleId}@${f.range.start.line + 1} by ${f.suppression.source}`), c.suppressed ?? [], 'suppressed findings');
      const expected = c.unused ?? [];
      assert.deepEqual(unused.map(rangeText), expected.map((u) => u.split(' ')[0]), `unused-suppression findings: ${unused.map((u) => u.message).join(' | ')}`);
      expected.forEach((u, i) => {
        const text = u.slice(u.indexOf(' ') + 1);
        assert.ok(unused[i].message.includes(text), `"${unused[i].message}" lacks "${text}"`);
        assert.equal(unused[i].severity, 'info');
      });
    });
  }
}

function rangeText(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

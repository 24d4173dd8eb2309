import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeWorkspace, DEFAULT_CONFIG, memoryWorkspaceFs, type EngineConfig, type Finding, type Rule, type WorkspaceFile } from '../../server/src/engine';
import type { ExpectedFinding } from './rule-tester';

/**
 * Table tests for cross-file rules: a workspace is a map of relative paths to file contents
 * (under `/ws`); every file is analysed as a host would, then the workspace checks run over the
 * facts with an in-memory file system. Positions are 1-based, `end` exclusive.
 */
export interface WorkspaceCase {
  name: string;
  files: Record<string, string>;
  config?: Partial<EngineConfig>;
}

export interface InvalidWorkspaceCase extends WorkspaceCase {
  /** Expected findings by relative path; files not listed must have none. */
  errors: Record<string, ExpectedFinding[]>;
}

export const ROOT = '/ws';

export function runWorkspace(rule: Rule, c: WorkspaceCase): Map<string, Finding[]> {
  const config = { ...DEFAULT_CONFIG, ...c.config } as EngineConfig;
  const absolute = Object.fromEntries(Object.entries(c.files).map(([p, t]) => [`${ROOT}/${p}`, t]));
  const files: WorkspaceFile[] = [];
  for (const [path, text] of Object.entries(absolute)) {
    const result = analyze(text, { path, config });
    assert.deepEqual(result.failures, []);
    if (result.kind) files.push({ path, kind: result.kind, facts: result.facts ?? {} });
  }
  const { findings, failures } = analyzeWorkspace(files, memoryWorkspaceFs(absolute), config);
  assert.deepEqual(failures, [], `workspace rule threw: ${failures.map((f) => String(f.error)).join('; ')}`);
  const mine = new Map<string, Finding[]>();
  for (const [path, list] of findings) {
    const own = list.filter((f) => f.ruleId === rule.id);
    if (own.length > 0) mine.set(path.slice(ROOT.length + 1), own);
  }
  return mine;
}

export function workspaceRuleTester(rule: Rule, cases: { valid: WorkspaceCase[]; invalid: InvalidWorkspaceCase[] }): void {
  describe(`rule ${rule.id} (workspace)`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}: ${c.name}`, () => {
        const findings = runWorkspace(rule, c);
        assert.deepEqual([...findings.entries()].map(([p, list]) => list.map((f) => `${p} ${f.message}`)).flat(), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.name}`, () => {
        const findings = runWorkspace(rule, c);
        const actual = Object.fromEntries(
          [...findings.entries()].map(([p, list]) => [p, list.map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 }))]),
        );
        const expected = Object.fromEntries(Object.entries(c.errors).map(([p, list]) => [p, list.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }))]));
        assert.deepEqual(actual, expected, [...findings.entries()].map(([p, l]) => l.map((f) => `${p}: ${f.message}`).join('\n')).join('\n'));
        for (const [p, list] of Object.entries(c.errors)) {
          list.forEach((e, j) => {
            const f = findings.get(p)![j];
            if (e.severity) assert.equal(f.severity, e.severity);
            if (e.message instanceof RegExp) assert.match(f.message, e.message);
            else if (e.message) assert.ok(f.message.includes(e.message), `message "${f.message}" lacks "${e.message}"`);
          });
        }
      });
    });
  });
}

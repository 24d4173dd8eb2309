import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyTextEdits, chooseFixes, DEFAULT_CONFIG, preferredFix, type EngineConfig, type FileKind, type Rule } from '../../server/src/engine';

/**
 * ESLint-style table tests for one rule. Positions are 1-based (as the CLI prints them);
 * `end` is exclusive. Only the tested rule's findings are compared.
 */
export interface ValidCase {
  name?: string;
  code: string;
  kind?: FileKind;
  path?: string;
  config?: Partial<EngineConfig>;
  /** Dockerfiles: the files of the build context, as a host with file-system access lists them. */
  buildContext?: string[];
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: 'error' | 'warning' | 'info';
  /** A substring or pattern the message must match. */
  message?: string | RegExp;
  /** The title of the finding's preferred fix (substring or pattern); `null`: no fix offered. */
  fix?: string | RegExp | null;
  /** Whether that fix is safe (applied by fix-all). */
  safe?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * The exact text after applying each finding's preferred fix (one pass, skipping fixes that
   * overlap an earlier one, as an editor's "fix all of this rule" would); `null`: no finding has a
   * fix. After the fix, the tested rule must not report the fixed findings again.
   */
  output?: string | null;
}

const DEFAULT_PATHS: Record<FileKind, string> = { dockerfile: 'Dockerfile', compose: 'compose.yaml', kubernetes: 'manifest.yaml' };

export function runRule(rule: Rule, c: ValidCase) {
  const kind = c.kind ?? rule.kinds[0];
  const config = { ...DEFAULT_CONFIG, ...c.config } as EngineConfig;
  const buildContext = c.buildContext ? { listFiles: () => c.buildContext } : undefined;
  const result = analyze(c.code, { path: c.path ?? DEFAULT_PATHS[kind], kind: c.path ? undefined : kind, config, buildContext });
  assert.deepEqual(result.failures, [], `rule threw: ${result.failures.map((f) => String(f.error)).join('; ')}`);
  return result.findings.filter((f) => f.ruleId === rule.id);
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}: ${c.name ?? firstLine(c.code)}`, () => {
        const findings = runRule(rule, c);
        assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.name ?? firstLine(c.code)}`, () => {
        const findings = runRule(rule, c);
        const actual = findings.map((f) => ({
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        }));
        const expected = c.errors.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));
        assert.deepEqual(actual, expected, `findings:\n${findings.map(describeFinding).join('\n')}`);
        c.errors.forEach((e, j) => {
          if (e.severity) assert.equal(findings[j].severity, e.severity);
          if (e.message instanceof RegExp) assert.match(findings[j].message, e.message);
          else if (e.message) assert.ok(findings[j].message.includes(e.message), `message "${findings[j].message}" lacks "${e.message}"`);
          const fix = preferredFix(findings[j]);
          if (e.fix === null) assert.equal(fix, undefined, `finding ${j + 1} should have no fix, has "${fix?.title}"`);
          else if (e.fix instanceof RegExp) assert.match(fix?.title ?? '', e.fix);
          else if (e.fix) assert.ok(fix?.title.includes(e.fix), `fix title "${fix?.title}" lacks "${e.fix}"`);
          if (e.safe !== undefined) assert.equal(fix?.safe, e.safe, `finding ${j + 1}: fix "${fix?.title}" safe`);
        });
        if (c.output !== undefined) checkOutput(rule, c, findings);
      });
    });
  });
}

function checkOutput(rule: Rule, c: InvalidCase, findings: ReturnType<typeof runRule>): void {
  const chosen = chooseFixes(c.code, findings, preferredFix);
  if (c.output === null) {
    assert.deepEqual(chosen.map((x) => x.fix.title), [], 'expected no fix');
    return;
  }
  assert.ok(chosen.length > 0, 'expected a fix, the findings have none');
  const output = applyTextEdits(c.code, chosen.flatMap((x) => x.fix.edits));
  assert.equal(output, c.output, 'text after the fix');
  // The fixed findings are gone (others, e.g. skipped overlapping fixes, may remain).
  const after = runRule(rule, { ...c, code: output });
  assert.ok(after.length <= findings.length - chosen.length, `the fix left findings of ${rule.id}:\n${after.map(describeFinding).join('\n')}`);
}

function describeFinding(f: { ruleId: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }): string {
  return `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`;
}

function firstLine(code: string): string {
  const line = code.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

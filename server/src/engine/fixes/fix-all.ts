import { analyze, type AnalyzeOptions } from '../analyze';
import { LineIndex } from '../text/line-index';
import type { Finding, Fix, Range } from '../types';
import { applyTextEdits, offsetEditsOverlap, toOffsetEdits, type OffsetEdit } from './apply';

/**
 * Rules whose fixes are never applied by fix-all, whatever a fix says: they change behaviour in
 * a way the user must decide (rules.md: `eol-image` "not part of fix-all").
 */
export const NEVER_IN_FIX_ALL: ReadonlySet<string> = new Set(['eol-image', 'dockerignore', 'untrusted-registry']);

/** The fix a one-click action should apply: the preferred one, else the first. */
export function preferredFix(finding: Finding): Fix | undefined {
  const fixes = finding.fixes ?? [];
  return fixes.find((f) => f.preferred) ?? fixes[0];
}

/**
 * The fix fix-all applies for a finding: its preferred fix when that is safe, else its first safe
 * fix. Never one that edits other files, never one of a rule excluded from fix-all.
 */
export function fixAllFix(finding: Finding): Fix | undefined {
  if (NEVER_IN_FIX_ALL.has(finding.ruleId)) return undefined;
  const usable = (f: Fix) => f.safe && f.edits.length > 0 && !(f.fileEdits && f.fileEdits.length > 0);
  const preferred = preferredFix(finding);
  if (preferred && usable(preferred)) return preferred;
  return (finding.fixes ?? []).find(usable);
}

export interface AppliedFix {
  ruleId: string;
  title: string;
  /** Where the finding was, in the text of the pass that fixed it. */
  range: Range;
  pass: number;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  /** Analysis passes run (the last one found nothing more to fix). */
  passes: number;
}

export interface FixAllOptions {
  /** Stop after this many passes even if fixes remain (guards against fixes that undo each other). */
  maxPasses?: number;
  /** Only fixes of these rules (default: all rules). */
  rules?: ReadonlySet<string>;
  /** Called after each pass that changed the text, with the fixes it applied (for tests and tracing). */
  onPass?: (pass: FixAllPass) => void;
}

/** One pass of fix-all: the fixes chosen on `before` (positions in `before`) and the text they gave. */
export interface FixAllPass {
  pass: number;
  before: string;
  after: string;
  chosen: Array<{ finding: Finding; fix: Fix }>;
}

/**
 * Chooses, in finding order, one fix per finding whose edits touch no edit already chosen; fixes
 * with the same edits as a chosen one (two findings, one remedy) are applied once.
 */
export function chooseFixes(text: string, findings: readonly Finding[], pick: (f: Finding) => Fix | undefined = fixAllFix): Array<{ finding: Finding; fix: Fix }> {
  const lines = new LineIndex(text);
  const chosen: Array<{ finding: Finding; fix: Fix }> = [];
  const taken: OffsetEdit[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = pick(finding);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    const edits = toOffsetEdits(lines, fix.edits);
    if (edits.some((e, i) => edits.some((o, j) => i !== j && offsetEditsOverlap(e, o)))) continue;
    if (edits.some((e) => taken.some((t) => offsetEditsOverlap(e, t) || (e.start === e.end && t.start === t.end && e.start === t.start)))) continue;
    seen.add(key);
    taken.push(...edits);
    chosen.push({ finding, fix });
  }
  return chosen;
}

/**
 * Applies every safe fix of the document, re-analysing after each pass until nothing is left to
 * fix (a fix can only be computed on the text the previous one produced, e.g. two fixes inserting
 * into the same new `securityContext`). Pure: text in, text out.
 */
export function fixAll(text: string, options: AnalyzeOptions, fixOptions: FixAllOptions = {}): FixAllResult {
  const maxPasses = fixOptions.maxPasses ?? 10;
  const applied: AppliedFix[] = [];
  const seenTexts = new Set<string>([text]);
  let current = text;
  let passes = 0;
  while (passes < maxPasses) {
    passes++;
    const result = analyze(current, options);
    const findings = fixOptions.rules ? result.findings.filter((f) => fixOptions.rules!.has(f.ruleId)) : result.findings;
    const chosen = chooseFixes(current, findings);
    if (chosen.length === 0) break;
    const next = applyTextEdits(current, chosen.flatMap((c) => c.fix.edits));
    // A fix that changes nothing, or text seen before (fixes undoing each other): stop here.
    if (next === current || seenTexts.has(next)) break;
    for (const { finding, fix } of chosen) applied.push({ ruleId: finding.ruleId, title: fix.title, range: finding.range, pass: passes });
    seenTexts.add(next);
    fixOptions.onPass?.({ pass: passes, before: current, after: next, chosen });
    current = next;
  }
  return { text: current, applied, passes };
}

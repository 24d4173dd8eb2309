/**
 * Property-based fuzzing of the analysis engine: mutate real fixtures (delete, insert, duplicate,
 * swap lines and characters; cut at any point) and check that analysis never throws, no rule
 * fails, every range lies inside the document, and the result is the same every time (also when
 * a cache from the previous version of the document is reused, as the editor does).
 *
 * Used by the bounded run in `npm test` (test/unit/robustness/fuzz.test.ts) and the long run
 * (`npm run fuzz`, test/fuzz/run.ts), which saves every failing input under test/fuzz/crashers/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, AnalysisCache, LIMITS, type AnalysisResult, type FileKind, type Range } from '../../server/src/engine';

export const FIXTURES_DIR = path.join(__dirname, 'fixtures');
export const CRASHERS_DIR = path.join(__dirname, 'crashers');

export interface Seed {
  name: string;
  kind: FileKind;
  text: string;
}

export function kindOfName(name: string): FileKind {
  if (/dockerfile/i.test(name)) return 'dockerfile';
  if (/compose/i.test(name)) return 'compose';
  return 'kubernetes';
}

/** Fixtures of test/fuzz/fixtures plus the bundled examples. */
export function loadSeeds(): Seed[] {
  const seeds = readdirSync(FIXTURES_DIR).sort().map((name) => ({ name, kind: kindOfName(name), text: readFileSync(path.join(FIXTURES_DIR, name), 'utf8') }));
  return seeds;
}

/** Characters that mean something to YAML, shells or Dockerfiles, and a few that break encodings. */
const INTERESTING = ['[', ']', '{', '}', ':', '-', '*', '&', '|', '>', "'", '"', '\\', '#', '\n', '\r', '\t', ' ', '$', '(', ')', '`', ';', '<', '!', '%', '@', '=', ',', '\u0000', '\uFFFD', '\uD800', '😀', '---\n', '...\n', '<<: *', '${', '\\\n', '<<EOF\n'];

type Mutation =
  | { op: 'deleteLine' | 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'insertLine'; at: number; line: string }
  | { op: 'deleteChars'; at: number; count: number }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'swapChars'; at: number; with: number }
  | { op: 'cut'; at: number };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), at: position }),
  fc.record({ op: fc.constant('swapLines' as const), at: position, with: position }),
  fc.record({ op: fc.constant('insertLine' as const), at: position, line: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...INTERESTING)) }),
  fc.record({ op: fc.constant('deleteChars' as const), at: position, count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insertText' as const), at: position, text: fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constant('swapChars' as const), at: position, with: position }),
  fc.record({ op: fc.constant('cut' as const), at: position }),
);

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const li = (n: number) => n % Math.max(1, lines.length);
  const ci = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'deleteLine':
      lines.splice(li(m.at), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(li(m.at), 0, lines[li(m.at)] ?? '');
      return lines.join('\n');
    case 'swapLines': {
      const [a, b] = [li(m.at), li(m.with)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'insertLine':
      lines.splice(li(m.at), 0, m.line);
      return lines.join('\n');
    case 'deleteChars':
      return text.slice(0, ci(m.at)) + text.slice(ci(m.at) + m.count);
    case 'insertText':
      return text.slice(0, ci(m.at)) + m.text + text.slice(ci(m.at));
    case 'swapChars': {
      if (text.length < 2) return text;
      const a = m.at % text.length;
      const b = m.with % text.length;
      const chars = text.split('');
      [chars[a], chars[b]] = [chars[b], chars[a]];
      return chars.join('');
    }
    case 'cut':
      return text.slice(0, ci(m.at));
  }
}

export interface FuzzCase {
  seed: Seed;
  mutations: Mutation[];
}

export function fuzzCase(seeds: Seed[]): fc.Arbitrary<FuzzCase> {
  return fc.record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) });
}

export function mutate(c: FuzzCase): string {
  return c.mutations.reduce(applyMutation, c.seed.text);
}

/** How the file is presented to the engine: by its kind, and by name as the editor and CLI would. */
export function optionsFor(kind: FileKind): { path: string } {
  return { path: kind === 'dockerfile' ? '/w/Dockerfile' : kind === 'compose' ? '/w/compose.yaml' : '/w/k8s/app.yaml' };
}

/** Throws (with a readable message) when an analysis result breaks one of the properties. */
export function checkInvariants(text: string, kind: FileKind, previousText?: string): void {
  const options = optionsFor(kind);
  const first = analyze(text, { ...options, limits: LIMITS });
  if (first.failures.length > 0) {
    const f = first.failures[0];
    throw new Error(`rule ${f.ruleId} threw: ${f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error)}`);
  }
  const lineLengths = lineLengthsOf(text);
  for (const finding of first.findings) {
    checkRange(finding.range, lineLengths, `finding ${finding.ruleId}`);
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) checkRange(edit.range, lineLengths, `fix "${fix.title}" of ${finding.ruleId}`);
  }
  for (const notice of first.notices) checkRange(notice.range, lineLengths, `notice ${notice.code}`);

  const again = analyze(text, { ...options, limits: LIMITS });
  if (JSON.stringify(comparable(again)) !== JSON.stringify(comparable(first))) throw new Error('analysing the same text twice gave different results');

  if (previousText !== undefined) {
    const cache = new AnalysisCache();
    analyze(previousText, { ...options, cache });
    const incremental = analyze(text, { ...options, cache });
    if (JSON.stringify(comparable(incremental)) !== JSON.stringify(comparable(first))) throw new Error('reusing the cache of the previous version gave a different result than a fresh analysis');
  }
}

function comparable(result: AnalysisResult): unknown {
  return { kind: result.kind, findings: result.findings, notices: result.notices, skipped: result.skipped, failures: result.failures.map((f) => f.ruleId) };
}

function lineLengthsOf(text: string): number[] {
  // The same line breaks as LSP and LineIndex: \n, \r\n and a lone \r.
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkRange(range: Range, lineLengths: number[], what: string): void {
  const inside = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line];
  if (!inside(range.start) || !inside(range.end)) throw new Error(`${what}: range ${JSON.stringify(range)} is outside the document (${lineLengths.length} lines)`);
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) throw new Error(`${what}: range ${JSON.stringify(range)} ends before it starts`);
}

/** The property: for any fixture and mutations, the invariants hold (cache reuse from the unmutated fixture). */
export function engineProperty(seeds: Seed[]): fc.IPropertyWithHooks<[FuzzCase]> {
  return fc.property(fuzzCase(seeds), (c) => {
    checkInvariants(mutate(c), c.seed.kind, c.seed.text);
  });
}

/** Saved crashers: `<kind>-<name>.txt` files whose text once broke an invariant. */
export function loadCrashers(): Seed[] {
  let names: string[] = [];
  try {
    names = readdirSync(CRASHERS_DIR).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, kind: kindOfName(name.split('-')[0]), text: readFileSync(path.join(CRASHERS_DIR, name), 'utf8') }));
}

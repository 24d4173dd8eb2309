import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument, isMap, isScalar, type Document } from 'yaml';
import { analyze, AnalysisCache, classifyPath, fixAll, type AnalysisResult, type AnalyzeOptions, type Finding, type Fix, type FixAllPass, type TextEdit } from '../../../server/src/engine';
import { parseDockerfile } from '../../../server/src/engine/dockerfile/model';
import { splitYamlDocuments } from '../../../server/src/engine/yaml/segments';

/**
 * Safety of fix-all, as a property over real files: every fixture file under test/ (and the
 * examples), and the shared real-world corpus (../shared/corpus/real-world). For each file the
 * engine classifies as ours, fix-all (the function behind `source.fixAll.bulkhead` and
 * `bulkhead audit --fix`) must:
 *  1. leave a file that parses as the same kind (same YAML documents, no new parse errors, same
 *     resources / services; same Dockerfile stages and parser directives);
 *  2. remove every finding it claims to have fixed, and bring in no new finding;
 *  3. be idempotent: fix-all on its own output changes nothing;
 *  4. change nothing outside the ranges its edits name: each pass's output is the pass's input
 *     with exactly those ranges replaced (checked here independently of the engine's edit code),
 *     every edit position exists in the text, and an edit in a YAML stream stays in the document
 *     of the finding it fixes.
 * It knows no rule: fixes added later are covered as soon as a file triggers them. Each quick fix
 * of every finding is also applied on its own (the lightbulb), with properties 1, 2 and 4.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
// BULKHEAD_SHARED names the shared folder when the checkout is not next to it (a git worktree).
const realWorld = path.resolve(process.env.BULKHEAD_SHARED ?? path.resolve(repoRoot, '..', 'shared'), 'corpus', 'real-world');

interface Source {
  name: string;
  root: string;
  /** Paths under root to walk. */
  dirs: string[];
}

/**
 * Problems this suite found in fixes that are not fixed yet, by the start of the problem text.
 * Each must still occur (the test fails when it does not): fix the bug, then delete its line.
 */
const KNOWN_PROBLEMS: Record<string, string[]> = {};

const SOURCES: Source[] = [
  { name: 'test fixtures and examples', root: repoRoot, dirs: ['test', 'examples'] },
  ...(existsSync(realWorld) ? [{ name: 'real-world corpus', root: realWorld, dirs: ['.'] }] : []),
];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      if (name !== 'node_modules' && name !== '.git') walk(full, out);
    } else if (stat.isFile()) out.push(full);
  }
  return out;
}

interface OurFile {
  source: string;
  /** Path relative to the source's root: what the engine classifies by. */
  relative: string;
  text: string;
}

function filesOf(source: Source): OurFile[] {
  const files: OurFile[] = [];
  for (const dir of source.dirs) {
    for (const full of walk(path.join(source.root, dir))) {
      const relative = path.relative(source.root, full).split(path.sep).join('/');
      if (!classifyPath(relative)) continue;
      files.push({ source: source.name, relative, text: readFileSync(full, 'utf8') });
    }
  }
  return files;
}

// ---- positions, computed here rather than with the engine's LineIndex, so the check is independent

/** Offsets of line starts; line breaks are \n, \r\n and a lone \r, as LSP counts them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

function lineLength(text: string, starts: number[], line: number): number {
  const start = starts[line];
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (end > start && text[end - 1] === '\n') end--;
  if (end > start && text[end - 1] === '\r') end--;
  return end - start;
}

/** The offset of an LSP position, or an error when the position is not in the text (clamping hides bugs). */
function strictOffset(text: string, starts: number[], position: { line: number; character: number }): number | string {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0) return `invalid position ${JSON.stringify(position)}`;
  if (position.line >= starts.length) return `line ${position.line} is past the last line (${starts.length - 1})`;
  const length = lineLength(text, starts, position.line);
  if (position.character > length) return `character ${position.character} is past the end of line ${position.line} (length ${length})`;
  return starts[position.line] + position.character;
}

interface Span {
  start: number;
  end: number;
  newText: string;
  order: number;
}

/** Edits as offsets, sorted; problems (bad positions, overlaps) are pushed to `problems`. */
function spansOf(text: string, edits: readonly TextEdit[], problems: string[], what: string): Span[] {
  const starts = lineStarts(text);
  const spans: Span[] = [];
  edits.forEach((edit, order) => {
    const start = strictOffset(text, starts, edit.range.start);
    const end = strictOffset(text, starts, edit.range.end);
    if (typeof start === 'string' || typeof end === 'string') {
      problems.push(`${what}: edit ${JSON.stringify(edit.range)}: ${typeof start === 'string' ? start : end}`);
      return;
    }
    if (end < start) problems.push(`${what}: edit ends before it starts ${JSON.stringify(edit.range)}`);
    else spans.push({ start, end, newText: edit.newText, order });
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) problems.push(`${what}: edits overlap at offset ${spans[i].start}`);
  }
  return spans;
}

/**
 * Property 4: `after` is `before` with exactly the edited ranges replaced. Compared piece by piece so
 * a failure names the first unchanged region that changed.
 */
function checkOnlyEditedRangesChanged(before: string, after: string, spans: Span[], problems: string[], what: string): void {
  let at = 0; // in before
  let out = 0; // in after
  for (const span of spans) {
    const kept = before.slice(at, span.start);
    if (after.slice(out, out + kept.length) !== kept) {
      problems.push(`${what}: text outside the edits changed (the unchanged region at offset ${at}–${span.start} of the input differs in the output)`);
      return;
    }
    out += kept.length;
    if (after.slice(out, out + span.newText.length) !== span.newText) {
      problems.push(`${what}: the output does not hold the edit's new text at offset ${span.start}`);
      return;
    }
    out += span.newText.length;
    at = Math.max(at, span.end);
  }
  if (after.slice(out) !== before.slice(at)) problems.push(`${what}: the text after the last edit changed`);
}

/** An edit of a YAML stream stays inside the document of the finding it fixes. */
function checkSameDocument(text: string, finding: Finding, spans: Span[], problems: string[], what: string): void {
  const segments = splitYamlDocuments(text);
  if (segments.length < 2) return;
  const starts = lineStarts(text);
  const findingStart = strictOffset(text, starts, finding.range.start);
  if (typeof findingStart === 'string') {
    problems.push(`${what}: the finding's range is not in the text: ${findingStart}`);
    return;
  }
  let index = 0;
  while (index + 1 < segments.length && segments[index + 1].startOffset <= findingStart) index++;
  const from = segments[index].startOffset;
  const to = index + 1 < segments.length ? segments[index + 1].startOffset : text.length;
  for (const span of spans) {
    if (span.start < from || span.end > to) problems.push(`${what}: an edit (offsets ${span.start}–${span.end}) leaves YAML document ${index + 1} (offsets ${from}–${to}) of the finding it fixes`);
  }
}

// ---- property 1: same kind, still parses

function scalar(doc: Document, keyPath: string[]): unknown {
  const node = doc.getIn(keyPath, true);
  return isScalar(node) ? node.value : undefined;
}

/** What a YAML document is, as far as fixes must not change it. */
function yamlShape(text: string): { documents: number; shapes: string[] } {
  const segments = splitYamlDocuments(text);
  const shapes = segments.map((segment) => {
    const doc = parseDocument(segment.text, { prettyErrors: false, uniqueKeys: false });
    const services = doc.get('services', true);
    const serviceNames = isMap(services) ? services.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')) : [];
    return JSON.stringify({
      errors: doc.errors.length,
      root: doc.contents === null ? 'empty' : isMap(doc.contents) ? 'map' : 'other',
      apiVersion: scalar(doc, ['apiVersion']),
      kind: scalar(doc, ['kind']),
      name: scalar(doc, ['metadata', 'name']),
      namespace: scalar(doc, ['metadata', 'namespace']),
      services: serviceNames,
    });
  });
  return { documents: segments.length, shapes };
}

function dockerfileShape(text: string): string {
  const model = parseDockerfile(text);
  const directives = text.split(/\r\n|\r|\n/).filter((l, i, all) => all.slice(0, i + 1).every((x) => /^#\s*\w+\s*=/.test(x))).join('\n');
  return JSON.stringify({ escape: model.escapeChar, directives, stages: model.stages.map((s) => `${s.from.getImageName() ?? ''} ${s.name ?? ''}`) });
}

function checkSameKind(before: string, after: string, beforeResult: AnalysisResult, afterResult: AnalysisResult, problems: string[], what: string): void {
  if (afterResult.kind !== beforeResult.kind) problems.push(`${what}: the file was ${beforeResult.kind} and is now ${afterResult.kind ?? 'none of ours'}`);
  if (afterResult.skipped && !beforeResult.skipped) problems.push(`${what}: the fixed file is skipped (${afterResult.skipped})`);
  const parseErrors = (r: AnalysisResult) => r.notices.filter((n) => n.code === 'parse-error').length;
  if (parseErrors(afterResult) > parseErrors(beforeResult)) problems.push(`${what}: the fixed file no longer parses: ${afterResult.notices.find((n) => n.code === 'parse-error')?.message}`);
  if (beforeResult.kind === 'dockerfile') {
    const a = dockerfileShape(before);
    const b = dockerfileShape(after);
    if (a !== b) problems.push(`${what}: the Dockerfile's stages or parser directives changed: ${a} → ${b}`);
  } else {
    const a = yamlShape(before);
    const b = yamlShape(after);
    if (a.documents !== b.documents) problems.push(`${what}: ${a.documents} YAML documents became ${b.documents}`);
    else {
      a.shapes.forEach((shape, i) => {
        const then = JSON.parse(shape) as { errors: number };
        const now = JSON.parse(b.shapes[i]) as { errors: number };
        if (now.errors > then.errors) problems.push(`${what}: YAML document ${i + 1} has new parse errors`);
        if (JSON.stringify({ ...then, errors: 0 }) !== JSON.stringify({ ...now, errors: 0 })) problems.push(`${what}: YAML document ${i + 1} changed what it is: ${shape} → ${b.shapes[i]}`);
      });
    }
  }
}

// ---- property 2: claimed findings gone, nothing new

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * Every finding a pass claimed to fix is gone, and no new one came: per rule, the findings after
 * the pass are at most those before minus the ones fixed. Also by place: a finding after the pass
 * that no edit touched must have been there before, at the same (shifted) range.
 */
function checkFindings(beforeText: string, afterText: string, before: readonly Finding[], after: readonly Finding[], fixed: readonly Finding[], spans: Span[], problems: string[], what: string): void {
  const was = countByRule(before);
  const claimed = countByRule(fixed);
  const now = countByRule(after);
  for (const rule of new Set([...was.keys(), ...now.keys()])) {
    const expectedAtMost = (was.get(rule) ?? 0) - (claimed.get(rule) ?? 0);
    const count = now.get(rule) ?? 0;
    if (count > expectedAtMost) {
      const detail = (claimed.get(rule) ?? 0) > 0 ? `fixed ${claimed.get(rule)} of ${was.get(rule) ?? 0}` : `${was.get(rule) ?? 0} before`;
      const places = after.filter((f) => f.ruleId === rule).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
      problems.push(`${what}: ${rule}: ${count} finding(s) after the fix (${detail}; now at ${places.join(', ')})`);
    }
  }
  // By place, for findings away from every edit (their ranges shift by the edits before them).
  const beforeStarts = lineStarts(beforeText);
  const afterStarts = lineStarts(afterText);
  const key = (ruleId: string, start: number, end: number) => `${ruleId}@${start}-${end}`;
  const known = new Set<string>();
  for (const f of before) {
    const s = strictOffset(beforeText, beforeStarts, f.range.start);
    const e = strictOffset(beforeText, beforeStarts, f.range.end);
    if (typeof s === 'number' && typeof e === 'number') known.add(key(f.ruleId, s, e));
  }
  // Output regions of the edits, and how an offset after them maps back.
  const regions: Array<{ outStart: number; outEnd: number; delta: number }> = [];
  let delta = 0;
  for (const span of spans) {
    const outStart = span.start + delta;
    delta += span.newText.length - (span.end - span.start);
    regions.push({ outStart, outEnd: outStart + span.newText.length, delta });
  }
  const toBefore = (offset: number): number => {
    let shift = 0;
    for (const r of regions) if (r.outEnd <= offset) shift = r.delta;
    return offset - shift;
  };
  for (const f of after) {
    const s = strictOffset(afterText, afterStarts, f.range.start);
    const e = strictOffset(afterText, afterStarts, f.range.end);
    if (typeof s === 'string' || typeof e === 'string') {
      problems.push(`${what}: a finding of ${f.ruleId} has a range outside the text`);
      continue;
    }
    if (regions.some((r) => s <= r.outEnd && e >= r.outStart)) continue; // touches an edit: counted above
    if (!known.has(key(f.ruleId, toBefore(s), toBefore(e)))) {
      problems.push(`${what}: new finding ${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}, away from every edit: ${f.message}`);
    }
  }
}

// ---- the properties, per file

interface Tally {
  files: number;
  changed: number;
  fixes: Map<string, number>;
  quickFixes: Map<string, number>;
  perKind: Map<string, number>;
  /** Files whose analysis ran out of its time budget (not compared). */
  timedOut: number;
}

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

function checkFixAll(file: OurFile, original: AnalysisResult, tally: Tally, problems: string[]): void {
  const options: AnalyzeOptions = { path: file.relative };
  const passes: FixAllPass[] = [];
  const result = fixAll(file.text, options, { onPass: (p) => passes.push(p) });
  if (result.text === file.text) {
    if (result.applied.length > 0) problems.push(`${file.relative}: fix-all says it applied ${result.applied.length} fixes but the text is unchanged`);
    return;
  }
  tally.changed++;
  for (const a of result.applied) bump(tally.fixes, a.ruleId);
  for (const pass of passes) {
    const what = `${file.relative} (fix-all pass ${pass.pass}: ${pass.chosen.map((c) => c.finding.ruleId).join(', ')})`;
    const spans = spansOf(pass.before, pass.chosen.flatMap((c) => c.fix.edits), problems, what);
    checkOnlyEditedRangesChanged(pass.before, pass.after, spans, problems, what);
    if (original.kind !== 'dockerfile') for (const c of pass.chosen) checkSameDocument(pass.before, c.finding, spansOf(pass.before, c.fix.edits, [], what), problems, `${what} ${c.finding.ruleId}`);
    const before = pass.pass === 1 ? original : analyze(pass.before, options);
    const after = analyze(pass.after, options);
    if (timedOut(before) || timedOut(after)) continue;
    checkSameKind(pass.before, pass.after, before, after, problems, what);
    checkFindings(pass.before, pass.after, before.findings, after.findings, pass.chosen.map((c) => c.finding), spans, problems, what);
  }
  if (passes.length === 0) problems.push(`${file.relative}: the text changed but no pass was reported`);
  else if (passes[passes.length - 1].after !== result.text) problems.push(`${file.relative}: fix-all's result is not its last pass's output`);
  // The file as a whole, from the original to the end result.
  const final = analyze(result.text, options);
  if (!timedOut(final)) checkSameKind(file.text, result.text, original, final, problems, `${file.relative} (fix-all, all passes)`);
  const again = fixAll(result.text, options);
  if (again.text !== result.text || again.applied.length > 0) {
    problems.push(`${file.relative}: fix-all is not idempotent: a second run applied ${again.applied.map((a) => `${a.ruleId} (${a.title})`).join(', ') || 'nothing'} and ${again.text === result.text ? 'kept' : 'changed'} the text`);
  }
}

/** A time budget ran out (a loaded machine): the findings are incomplete, compare nothing. */
function timedOut(result: AnalysisResult): boolean {
  return result.notices.some((n) => n.code === 'skipped' && n.message.includes('time budget'));
}

/** Each quick fix of each finding on its own, as the lightbulb applies it (fixes of other files aside). */
function checkQuickFixes(file: OurFile, original: AnalysisResult, tally: Tally, problems: string[]): void {
  // Analyses of the fixed texts reuse the unchanged YAML documents of the original.
  const cache = new AnalysisCache();
  const options: AnalyzeOptions = { path: file.relative, cache };
  if (original.kind !== 'dockerfile' && original.findings.some((f) => f.fixes?.some((x) => x.edits.length > 0))) analyze(file.text, options);
  // One finding per distinct fix: findings sharing a remedy (same edits) are checked once.
  const seen = new Set<string>();
  for (const finding of original.findings) {
    for (const fix of finding.fixes ?? []) {
      if (fix.edits.length === 0) continue;
      const key = JSON.stringify(fix.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      checkOneFix(file, options, original, finding, fix, problems);
      bump(tally.quickFixes, finding.ruleId);
    }
  }
}

function checkOneFix(file: OurFile, options: AnalyzeOptions, before: AnalysisResult, finding: Finding, fix: Fix, problems: string[]): void {
  const what = `${file.relative}: ${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} "${fix.title}"`;
  const spans = spansOf(file.text, fix.edits, problems, what);
  if (spans.length !== fix.edits.length) return;
  let text = '';
  let at = 0;
  for (const span of spans) {
    text += file.text.slice(at, span.start) + span.newText;
    at = Math.max(at, span.end);
  }
  text += file.text.slice(at);
  if (text === file.text) {
    problems.push(`${what}: the fix changes nothing`);
    return;
  }
  if (before.kind !== 'dockerfile') checkSameDocument(file.text, finding, spans, problems, what);
  const after = analyze(text, options);
  if (timedOut(after)) return;
  checkSameKind(file.text, text, before, after, problems, what);
  checkFindings(file.text, text, before.findings, after.findings, [finding], spans, problems, what);
}

function table(m: Map<string, number>): string {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `    ${k.padEnd(28)} ${n}`).join('\n');
}

describe('fix-all safety over every fixture and the real-world corpus', () => {
  if (!existsSync(realWorld)) it('real-world corpus', (t) => t.skip(`no folder at ${realWorld}`));
  for (const source of SOURCES) {
    it(`${source.name}: same kind, fixed findings gone and none new, idempotent, nothing changed outside the edits`, () => {
      const started = Date.now();
      const files = filesOf(source);
      const tally: Tally = { files: 0, changed: 0, fixes: new Map(), quickFixes: new Map(), perKind: new Map(), timedOut: 0 };
      const problems: string[] = [];
      for (const file of files) {
        try {
          const original = analyze(file.text, { path: file.relative });
          if (!original.kind || original.skipped) continue;
          tally.files++;
          bump(tally.perKind, original.kind);
          if (timedOut(original)) {
            tally.timedOut++;
            continue;
          }
          checkFixAll(file, original, tally, problems);
          checkQuickFixes(file, original, tally, problems);
        } catch (error) {
          problems.push(`${file.relative}: threw ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
      const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      console.log(
        [
          `fix safety, ${source.name}: ${tally.files} files (${[...tally.perKind].map(([k, n]) => `${n} ${k}`).join(', ')}), ${tally.changed} changed by fix-all, ${total(tally.fixes)} fixes applied by fix-all, ${total(tally.quickFixes)} quick fixes applied one by one, ${tally.timedOut} not compared (time budget), ${Date.now() - started} ms`,
          `  fix-all fixes per rule:\n${table(tally.fixes)}`,
          `  quick fixes per rule:\n${table(tally.quickFixes)}`,
        ].join('\n'),
      );
      const known = KNOWN_PROBLEMS[source.name] ?? [];
      assert.deepEqual(problems.filter((p) => !known.some((k) => p.startsWith(k))), [], 'fix safety problems');
      const gone = known.filter((k) => !problems.some((p) => p.startsWith(k)));
      assert.deepEqual(gone, [], 'known problems that no longer occur: delete them from KNOWN_PROBLEMS');
      // Coverage that is trivially zero would make every property above vacuous.
      assert.ok(tally.files >= 10, `only ${tally.files} files of ours found under ${source.root}`);
      assert.ok(total(tally.fixes) >= 5 && tally.changed >= 2, `fix-all fixed almost nothing (${total(tally.fixes)} fixes in ${tally.changed} files)`);
      assert.ok(total(tally.quickFixes) >= 10, `only ${total(tally.quickFixes)} quick fixes were checked`);
    });
  }
});

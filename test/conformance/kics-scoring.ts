/**
 * Scores the engine against KICS's labeled fixtures (../shared/conformance/kics), following the
 * matching conventions of that corpus's README: recall per expected entry, matched by rule and
 * object (Dockerfile stage/instruction, Compose service, Kubernetes document/container) with ±3
 * lines as the fallback; false positives = our mapped rule reported on a negative file outside
 * the objects the corpus lists as divergences.
 *
 * The object locators below read the fixtures with the same `yaml` library the engine uses; they
 * only find line spans of named objects and never feed the engine.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { analyze, type FileKind, type Finding } from '../../server/src/engine';

export const KICS_ROOT = path.resolve(__dirname, '../../../shared/conformance/kics');

interface DockerfileObject { stage: number; stageFromLine: number; instructionLines?: [number, number] }
interface ComposeObject { service?: string; topLevel?: string; name?: string }
interface KubernetesObjectRef { doc: number; kind?: string; name?: string; container?: string; containerField?: string }
type ObjectRef = Partial<DockerfileObject & ComposeObject & KubernetesObjectRef>;

interface Labeled { file: string; line: number; object?: ObjectRef; objectKey?: string }
interface Divergence extends Labeled { kind: 'negative-flagged-by-rule' | 'scope-question' | 'positive-outside-rule' | 'location-mismatch'; note?: string }

export interface MappingEntry {
  platform: string;
  query: string;
  dir: string;
  rule: string;
  aspect: string;
  bulkheadFileKind: FileKind;
  positives: string[];
  negatives: string[];
  expected: Labeled[];
  divergences: Divergence[];
}

/** One reviewed exception: a KICS label we deliberately disagree with. */
export interface KnownDifference {
  /** `<platform>/<query>` as in mapping.json's `dir`. */
  query: string;
  file: string;
  line: number;
  type: 'miss' | 'false-positive';
  reason: string;
}

/**
 * Bulkhead's answer to one of the corpus's `scope-question`s, matched by a phrase of the
 * divergence note. In scope: the label is scored like any other (and on a negative, our rule may
 * report that object). Out of scope: the label is excluded with our reason.
 */
export interface ScopeDecision {
  notePhrase: string;
  inScope: boolean;
  reason: string;
}

export type Outcome = 'found' | 'missed' | 'excluded' | 'known-difference';

export interface ExpectedResult { entry: MappingEntry; expected: Labeled; outcome: Outcome; reason?: string }
export interface FalsePositive { entry: MappingEntry; file: string; line: number; message: string; known?: KnownDifference }

export interface ConformanceReport {
  expected: ExpectedResult[];
  falsePositives: FalsePositive[];
  /** Known differences that no longer occur: the list must be kept honest. */
  staleKnownDifferences: KnownDifference[];
  /** Scope decisions no scope-question of the corpus matches. */
  unusedScopeDecisions: ScopeDecision[];
  /** Scope questions no decision answers (still excluded, listed so someone decides). */
  undecidedScopeQuestions: string[];
  /** Files the engine could not analyse (parse notices, rule failures). */
  problems: string[];
}

export function loadMapping(root = KICS_ROOT): MappingEntry[] {
  return JSON.parse(readFileSync(path.join(root, 'mapping.json'), 'utf8')) as MappingEntry[];
}

interface LineSpan { first: number; last: number } // 1-based, inclusive

/** Locates the lines of the objects named in the corpus labels, for one file. */
class ObjectLocator {
  private readonly lines: string[];
  private docs?: { span: LineSpan; contents: Node | null }[];
  private lineCounter = new LineCounter();

  constructor(private readonly text: string, private readonly kind: FileKind) {
    this.lines = text.split(/\r?\n/);
  }

  /** Lines (1-based) a finding anywhere inside counts as "in the object"; undefined = use ±3 lines. */
  spans(object: ObjectRef | undefined): LineSpan[] | undefined {
    if (!object) return undefined;
    if (this.kind === 'dockerfile' && object.stageFromLine !== undefined) {
      if (object.instructionLines) return [{ first: object.instructionLines[0], last: object.instructionLines[1] }];
      return [this.stageSpan(object.stageFromLine)];
    }
    if (this.kind === 'compose') return this.composeSpans(object);
    if (this.kind === 'kubernetes' && object.doc !== undefined) return this.kubernetesSpans(object);
    return undefined;
  }

  /** Stage-level findings (no USER, last USER root, unpinned image) may sit anywhere in the stage. */
  stageSpan(fromLine: number): LineSpan {
    let last = this.lines.length;
    for (let i = fromLine; i < this.lines.length; i++) {
      if (/^\s*FROM\s/i.test(this.lines[i])) { last = i; break; }
    }
    return { first: fromLine, last };
  }

  private yamlDocs() {
    if (!this.docs) {
      this.docs = parseAllDocuments(this.text, { lineCounter: this.lineCounter, uniqueKeys: false }).map((doc) => {
        const [start, , end] = doc.range;
        return { span: { first: this.line(start), last: this.line(Math.max(start, end - 1)) }, contents: doc.contents };
      });
    }
    return this.docs;
  }

  private line(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }

  private nodeSpan(node: { range?: [number, number, number] | null } | null | undefined, keyNode?: { range?: [number, number, number] | null } | null): LineSpan | undefined {
    const start = keyNode?.range?.[0] ?? node?.range?.[0];
    const end = node?.range?.[1] ?? keyNode?.range?.[1];
    if (start === undefined || end === undefined) return undefined;
    return { first: this.line(start), last: this.line(Math.max(start, end - 1)) };
  }

  private composeSpans(object: ObjectRef): LineSpan[] | undefined {
    const root = this.yamlDocs()[0]?.contents;
    if (!isMap(root)) return undefined;
    const services = root.get('services', true);
    const spans: LineSpan[] = [];
    const serviceSpan = (name: string) => {
      if (!isMap(services)) return undefined;
      const pair = services.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
      return pair ? this.nodeSpan(pair.value as Node, pair.key as Node) : undefined;
    };
    if (object.service) {
      const span = serviceSpan(object.service);
      if (span) spans.push(span);
    }
    if (object.topLevel && object.name) {
      const section = root.get(object.topLevel, true);
      if (isMap(section)) {
        const pair = section.items.find((p) => isScalar(p.key) && String(p.key.value) === object.name);
        const span = pair && this.nodeSpan(pair.value as Node, pair.key as Node);
        if (span) spans.push(span);
      }
      // "… or in a service using it": a service whose text names the entry.
      if (isMap(services)) {
        for (const pair of services.items) {
          const span = this.nodeSpan(pair.value as Node, pair.key as Node);
          if (span && this.lines.slice(span.first - 1, span.last).some((l) => l.includes(object.name!))) spans.push(span);
        }
      }
    }
    return spans.length ? spans : undefined;
  }

  private kubernetesSpans(object: ObjectRef): LineSpan[] | undefined {
    const doc = this.yamlDocs()[object.doc!];
    if (!doc) return undefined;
    if (!object.container) return [doc.span];
    // In that container, or at pod level: anywhere in the document outside every container item.
    const containerItems: { name?: string; field: string; span: LineSpan }[] = [];
    const visit = (node: unknown, field?: string) => {
      if (isMap(node)) {
        for (const pair of node.items) if (isPair(pair)) visit(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
      } else if (isSeq(node)) {
        for (const item of node.items) {
          if (field && /containers$/i.test(field) && isMap(item)) {
            const name = item.get('name');
            const span = this.nodeSpan(item as Node);
            if (span) containerItems.push({ name: typeof name === 'string' ? name : undefined, field, span });
          }
          visit(item);
        }
      }
    };
    visit(doc.contents);
    const own = containerItems.filter((c) => c.name === object.container && (!object.containerField || c.field === object.containerField));
    const others = containerItems.filter((c) => !own.includes(c));
    const spans: LineSpan[] = own.map((c) => c.span);
    // Pod level = the document's lines that belong to no other container.
    for (let line = doc.span.first; line <= doc.span.last; line++) {
      if (!others.some((c) => line >= c.span.first && line <= c.span.last)) spans.push({ first: line, last: line });
    }
    return spans;
  }
}

function inSpans(line: number, spans: LineSpan[] | undefined, labeledLine: number): boolean {
  if (!spans) return Math.abs(line - labeledLine) <= 3;
  return spans.some((s) => line >= s.first && line <= s.last);
}

function findingLines(finding: Finding): number[] {
  const lines: number[] = [];
  for (let l = finding.range.start.line; l <= finding.range.end.line; l++) lines.push(l + 1);
  // An end at column 0 of the next line does not touch that line.
  if (finding.range.end.line > finding.range.start.line && finding.range.end.character === 0) lines.pop();
  return lines;
}

function touches(finding: Finding, spans: LineSpan[] | undefined, labeledLine: number): boolean {
  return findingLines(finding).some((l) => inSpans(l, spans, labeledLine));
}

export function scoreConformance(options: { root?: string; knownDifferences?: KnownDifference[]; scopeDecisions?: ScopeDecision[] } = {}): ConformanceReport {
  const root = options.root ?? KICS_ROOT;
  const known = options.knownDifferences ?? [];
  const decisions = options.scopeDecisions ?? [];
  const usedKnown = new Set<KnownDifference>();
  const usedDecisions = new Set<ScopeDecision>();
  const report: ConformanceReport = { expected: [], falsePositives: [], staleKnownDifferences: [], unusedScopeDecisions: [], undecidedScopeQuestions: [], problems: [] };

  /** The decision answering a scope question; undefined when none does. */
  const decide = (entry: MappingEntry, d: Divergence): ScopeDecision | undefined => {
    const decision = decisions.find((x) => (d.note ?? '').includes(x.notePhrase));
    if (decision) usedDecisions.add(decision);
    else report.undecidedScopeQuestions.push(`${entry.dir}/${d.file}:${d.line} ${d.note ?? ''}`);
    return decision;
  };

  const knownFor = (entry: MappingEntry, file: string, line: number, type: KnownDifference['type']) =>
    known.find((k) => k.query === entry.dir && k.file === file && k.line === line && k.type === type);

  for (const entry of loadMapping(root)) {
    const run = (file: string) => {
      const text = readFileSync(path.join(root, entry.dir, file), 'utf8');
      const result = analyze(text, { kind: entry.bulkheadFileKind, path: file });
      for (const failure of result.failures) report.problems.push(`${entry.dir}/${file}: rule ${failure.ruleId} threw ${String(failure.error)}`);
      for (const notice of result.notices) report.problems.push(`${entry.dir}/${file}: ${notice.code}: ${notice.message}`);
      return { locator: new ObjectLocator(text, entry.bulkheadFileKind), findings: result.findings.filter((f) => f.ruleId === entry.rule) };
    };

    for (const file of entry.positives) {
      const { locator, findings } = run(file);
      for (const expected of entry.expected.filter((e) => e.file === file)) {
        let divergence = entry.divergences.find((d) => d.file === file && d.line === expected.line && d.kind !== 'negative-flagged-by-rule');
        let decisionReason: string | undefined;
        if (divergence?.kind === 'scope-question') {
          const decision = decide(entry, divergence);
          if (decision?.inScope) divergence = undefined;
          else if (decision) decisionReason = `out of scope: ${decision.reason}`;
        }
        // location-mismatch: our rule reports another object of the same file; match by file.
        const spans = divergence?.kind === 'location-mismatch' ? [{ first: 1, last: Number.MAX_SAFE_INTEGER }] : locator.spans(expected.object);
        const found = findings.some((f) => touches(f, spans, expected.line));
        let outcome: Outcome = found ? 'found' : 'missed';
        let reason: string | undefined;
        if (divergence && divergence.kind !== 'location-mismatch') {
          outcome = 'excluded';
          reason = decisionReason ?? `${divergence.kind}: ${divergence.note ?? ''}`.trim();
        } else if (!found) {
          const k = knownFor(entry, file, expected.line, 'miss');
          if (k) { outcome = 'known-difference'; reason = k.reason; usedKnown.add(k); }
        }
        report.expected.push({ entry, expected, outcome, reason });
      }
    }

    for (const file of entry.negatives) {
      const { locator, findings } = run(file);
      // Our rule may report the objects the corpus lists for this negative: those it flags by its own
      // definition, and scope questions we decided are in scope. An out-of-scope object must stay clean.
      const allowed = entry.divergences
        .filter((d) => d.file === file && (d.kind !== 'scope-question' || decide(entry, d)?.inScope !== false))
        .map((d) => ({ d, spans: locator.spans(d.object) }));
      for (const finding of findings) {
        if (allowed.some(({ d, spans }) => touches(finding, spans, d.line))) continue;
        const line = finding.range.start.line + 1;
        const k = known.find((kd) => kd.query === entry.dir && kd.file === file && kd.type === 'false-positive' && Math.abs(kd.line - line) <= 0);
        if (k) usedKnown.add(k);
        report.falsePositives.push({ entry, file, line, message: finding.message, known: k });
      }
    }
  }
  report.staleKnownDifferences = known.filter((k) => !usedKnown.has(k));
  report.unusedScopeDecisions = decisions.filter((d) => !usedDecisions.has(d));
  return report;
}

export interface RuleSummary { rule: string; queries: number; expected: number; found: number; missed: number; excluded: number; known: number; falsePositives: number; knownFalsePositives: number }

export function summarise(report: ConformanceReport): { rules: RuleSummary[]; total: RuleSummary; recall: number } {
  const byRule = new Map<string, RuleSummary>();
  const queries = new Map<string, Set<string>>();
  const get = (rule: string) => {
    let s = byRule.get(rule);
    if (!s) byRule.set(rule, (s = { rule, queries: 0, expected: 0, found: 0, missed: 0, excluded: 0, known: 0, falsePositives: 0, knownFalsePositives: 0 }));
    return s;
  };
  for (const r of report.expected) {
    const s = get(r.entry.rule);
    (queries.get(r.entry.rule) ?? queries.set(r.entry.rule, new Set()).get(r.entry.rule)!).add(r.entry.dir);
    s.expected++;
    if (r.outcome === 'found') s.found++;
    else if (r.outcome === 'missed') s.missed++;
    else if (r.outcome === 'excluded') s.excluded++;
    else s.known++;
  }
  for (const fp of report.falsePositives) {
    const s = get(fp.entry.rule);
    if (fp.known) s.knownFalsePositives++;
    else s.falsePositives++;
  }
  for (const [rule, set] of queries) get(rule).queries = set.size;
  const rules = [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  const total = rules.reduce<RuleSummary>((t, s) => ({
    rule: 'all', queries: t.queries + s.queries, expected: t.expected + s.expected, found: t.found + s.found, missed: t.missed + s.missed,
    excluded: t.excluded + s.excluded, known: t.known + s.known, falsePositives: t.falsePositives + s.falsePositives, knownFalsePositives: t.knownFalsePositives + s.knownFalsePositives,
  }), { rule: 'all', queries: 0, expected: 0, found: 0, missed: 0, excluded: 0, known: 0, falsePositives: 0, knownFalsePositives: 0 });
  return { rules, total, recall: recallOf(total) };
}

/** Recall over the scored entries: found / (found + missed); excluded and known differences are out. */
export function recallOf(s: RuleSummary): number {
  const scored = s.found + s.missed;
  return scored === 0 ? 1 : s.found / scored;
}

export function formatMarkdownTable(report: ConformanceReport): string {
  const { rules, total } = summarise(report);
  const pct = (s: RuleSummary) => (s.found + s.missed === 0 ? '—' : `${(recallOf(s) * 100).toFixed(1)}%`);
  const row = (s: RuleSummary) => `| ${s.rule === 'all' ? '**all**' : `\`${s.rule}\``} | ${s.queries} | ${s.expected} | ${s.found} | ${s.missed} | ${s.excluded} | ${s.known} | ${pct(s)} | ${s.falsePositives} | ${s.knownFalsePositives} |`;
  return [
    '| rule | KICS queries | expected | found | missed | excluded (corpus divergence) | known differences | recall | false positives | known FPs |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rules.map(row),
    row(total),
  ].join('\n');
}

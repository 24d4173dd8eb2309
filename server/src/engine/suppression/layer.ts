import { DockerfileParser } from 'dockerfile-ast';
import '../dockerfile/argument-memo';
import type { EngineConfig } from '../config';
import { RULES } from '../rules';
import type { Rule } from '../rule';
import { LineIndex } from '../text/line-index';
import type { FileKind, Finding, PeerIds, Range } from '../types';
import { splitYamlDocuments } from '../yaml/segments';
import { dockerfileComments, kubernetesAnnotations, yamlComments } from './comments';
import { parseComment, SUPPRESSION_MARKER, type Directive, type SuppressionSource } from './directives';

export const UNUSED_SUPPRESSION = 'unused-suppression';

/** How a finding was silenced, as reports show it. */
export interface SuppressionInfo {
  source: SuppressionSource;
  form: 'comment' | 'annotation';
  reason?: string;
  /** Where the comment or annotation is. */
  range: Range;
}

export interface SuppressedFinding extends Finding {
  suppression: SuppressionInfo;
}

export interface LineSpan {
  start: number;
  end: number;
}

export interface SuppressOptions {
  config?: EngineConfig;
  /** Dockerfiles: each instruction's first and last line (read from the text when omitted). */
  instructionSpans?: readonly LineSpan[];
  /**
   * Add `unused-suppression` findings for our own suppressions that silence nothing (default: yes,
   * unless the config turns the rule off). Pass false when suppressing a subset of a file's
   * findings (the CLI's cross-file findings), which cannot tell what is unused.
   */
  reportUnused?: boolean;
  /** The rules that ran on this file (default: all); suppressions of the others are never "unused". */
  ranRules?: ReadonlySet<string>;
  /** The rule catalogue ids and peer ids are resolved against (default: every registered rule). */
  rules?: readonly Rule[];
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

interface Resolved {
  directive: Directive;
  /** Lines covered, inclusive; undefined = the whole file. */
  lines?: [number, number];
  /** Our rule ids per written id (parallel to directive.ids). */
  ruleIds: string[][];
  used: boolean[];
  /** Rule ids covered when the directive names none (KICS's blanket comments). */
  blanket?: Set<string>;
}

/**
 * The suppression layer, applied after the rules: splits a file's findings into kept and
 * suppressed ones according to the comments and annotations in the file (rules.md "Suppression").
 */
export function suppressFindings(text: string, kind: FileKind, findings: readonly Finding[], options: SuppressOptions = {}): SuppressionOutcome {
  if (!SUPPRESSION_MARKER.test(text)) return { findings: [...findings], suppressed: [] };
  const lines = new LineIndex(text);
  const directives = readDirectives(text, kind, lines);
  if (directives.length === 0) return { findings: [...findings], suppressed: [] };
  const today = (options.config?.now ?? new Date()).toISOString().slice(0, 10);
  const catalogue = options.rules ?? RULES;
  const coverage = new Coverage(text, kind, lines, options.instructionSpans);
  const resolved = directives
    .filter((d) => !d.expires || d.expires >= today)
    .map((d): Resolved => ({
      directive: d,
      lines: coverage.of(d),
      ruleIds: d.ids.map((id) => peerRules(d.source, id.text, catalogue)),
      used: d.ids.map(() => false),
      blanket: d.allPeerRules ? rulesWithPeer(d.source, catalogue) : undefined,
    }))
    // Our own suppressions are named first in reports when several cover one finding.
    .sort((a, b) => Number(b.directive.source === 'bulkhead') - Number(a.directive.source === 'bulkhead'));

  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const split = (finding: Finding) => {
    const by = matching(resolved, finding);
    if (!by) kept.push(finding);
    else suppressed.push({ ...finding, suppression: { source: by.source, form: by.form, reason: by.reason, range: by.range } });
  };
  findings.forEach(split);

  const setting = options.config?.rules[UNUSED_SUPPRESSION];
  if (options.reportUnused ?? setting !== 'off') {
    for (const finding of unusedFindings(resolved, kind, options, catalogue)) split(setting && setting !== 'off' ? { ...finding, severity: setting } : finding);
  }
  return { findings: sortByPosition(kept), suppressed: sortByPosition(suppressed) };
}

function readDirectives(text: string, kind: FileKind, lines: LineIndex): Directive[] {
  const comments = kind === 'dockerfile' ? dockerfileComments(text, lines) : yamlComments(text, lines);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = parseComment(comment, lines, kind === 'dockerfile');
    if (directive) directives.push(directive);
  }
  if (kind === 'kubernetes') directives.push(...kubernetesAnnotations(text, lines));
  return directives;
}

/** Marks every directive that covers the finding as used; returns the first. */
function matching(resolved: Resolved[], finding: Finding): Directive | undefined {
  let first: Directive | undefined;
  const line = finding.range.start.line;
  for (const r of resolved) {
    if (r.lines && (line < r.lines[0] || line > r.lines[1])) continue;
    let hit = r.blanket?.has(finding.ruleId) ?? false;
    r.ruleIds.forEach((ids, i) => {
      if (ids.includes(finding.ruleId)) {
        r.used[i] = true;
        hit = true;
      }
    });
    if (hit) first ??= r.directive;
  }
  return first;
}

const KIND_NAMES: Record<FileKind, string> = { dockerfile: 'Dockerfiles', compose: 'Compose files', kubernetes: 'Kubernetes manifests' };
const WHERE: Record<string, string> = { 'next-line': 'on the next line', line: 'on this line', file: 'in this file', lines: 'in this object' };

function unusedFindings(resolved: Resolved[], kind: FileKind, options: SuppressOptions, catalogue: readonly Rule[]): Finding[] {
  const out: Finding[] = [];
  const report = (range: Range, message: string) => out.push({ ruleId: UNUSED_SUPPRESSION, severity: 'info', message, range });
  for (const r of resolved) {
    const d = r.directive;
    if (d.source !== 'bulkhead') continue; // the peers' suppressions are for the peers; never ours to judge
    if (d.ids.length === 0) {
      report(d.range, 'This suppression names no rule, so it silences nothing: write the rule ids, e.g. `# bulkhead-disable-next-line root-user -- reason`.');
      continue;
    }
    d.ids.forEach((id, i) => {
      if (r.used[i]) return;
      const rule = catalogue.find((r) => r.id === id.text);
      if (!rule) {
        report(id.range, `"${id.text}" is not a Bulkhead rule id, so this suppression silences nothing${suggestion(id.text, catalogue)}.`);
      } else if (!rule.kinds.includes(kind)) {
        report(id.range, `${rule.id} does not check ${KIND_NAMES[kind]}, so this suppression silences nothing.`);
      } else if (stillApplies(rule, kind, options)) {
        report(id.range, `Nothing to suppress: there is no ${rule.id} finding ${WHERE[d.scope] ?? 'here'}. Remove the suppression so it cannot hide a future problem.`);
      }
    });
  }
  return out;
}

/** A suppression of a rule that did not run here (turned off, not selected, or checked outside this file) is not "unused". */
function stillApplies(rule: Rule, kind: FileKind, options: SuppressOptions): boolean {
  if (rule.id === UNUSED_SUPPRESSION || rule.layer) return false;
  if (!rule.check[kind]) return false;
  if (options.config?.rules[rule.id] === 'off') return false;
  return !options.ranRules || options.ranRules.has(rule.id);
}

function suggestion(written: string, catalogue: readonly Rule[]): string {
  const peers = (['hadolint', 'checkov', 'kics', 'trivy', 'kube-linter', 'polaris'] as const).flatMap((s) => peerRules(s, written, catalogue));
  if (peers.length > 0) return ` (the peer check ${written} is Bulkhead's ${[...new Set(peers)].join(', ')})`;
  const close = catalogue.find((rule) => editDistance(rule.id, written.toLowerCase()) <= 2);
  return close ? ` (did you mean ${close.id}?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

const PEER_KEYS: Record<Exclude<SuppressionSource, 'bulkhead'>, keyof PeerIds> = {
  hadolint: 'hadolint',
  checkov: 'checkov',
  kics: 'kics',
  trivy: 'trivy',
  'kube-linter': 'kubeLinter',
  polaris: 'polaris',
};

const peerIndexes = new WeakMap<readonly Rule[], Map<string, Map<string, string[]>>>();

/** Our rule ids that `id` names: the rule itself for ours, those listing it as a peer id for a peer (case-insensitive). */
export function peerRules(source: SuppressionSource, id: string, catalogue: readonly Rule[] = RULES): string[] {
  if (source === 'bulkhead') return catalogue.some((r) => r.id === id) ? [id] : [];
  let bySource = peerIndexes.get(catalogue);
  if (!bySource) {
    bySource = new Map();
    for (const rule of catalogue) {
      for (const [peer, key] of Object.entries(PEER_KEYS)) {
        const ids = bySource.get(peer) ?? new Map<string, string[]>();
        bySource.set(peer, ids);
        for (const peerId of rule.peerIds[key] ?? []) {
          const list = ids.get(peerId.toLowerCase()) ?? [];
          if (!list.includes(rule.id)) list.push(rule.id);
          ids.set(peerId.toLowerCase(), list);
        }
      }
    }
    peerIndexes.set(catalogue, bySource);
  }
  return bySource.get(source)?.get(id.toLowerCase()) ?? [];
}

function rulesWithPeer(source: SuppressionSource, catalogue: readonly Rule[]): Set<string> {
  if (source === 'bulkhead') return new Set();
  const key = PEER_KEYS[source];
  return new Set(catalogue.filter((r) => (r.peerIds[key]?.length ?? 0) > 0).map((r) => r.id));
}

/** Which lines a directive covers, per file kind. */
class Coverage {
  private spans?: readonly LineSpan[];
  private documents?: LineSpan[];

  constructor(
    private readonly text: string,
    private readonly kind: FileKind,
    private readonly lines: LineIndex,
    spans?: readonly LineSpan[],
  ) {
    this.spans = spans;
  }

  of(d: Directive): [number, number] | undefined {
    switch (d.scope) {
      case 'file':
        return undefined;
      case 'lines':
        return d.lines;
      case 'document': {
        const doc = this.yamlDocuments().find((s) => d.line >= s.start && d.line <= s.end);
        return doc ? [doc.start, doc.end] : undefined;
      }
      case 'line': {
        const span = this.kind === 'dockerfile' ? this.instruction(d.line) : undefined;
        return span ? [span.start, span.end] : [d.line, d.line];
      }
      case 'next-line':
      case 'next-block': {
        const next = this.nextContentLine(d.line);
        if (next === undefined) return [-1, -1];
        if (this.kind === 'dockerfile') {
          const span = this.instruction(next);
          return [next, span ? span.end : next];
        }
        return [next, d.scope === 'next-block' ? this.yamlBlockEnd(next) : next];
      }
    }
  }

  private lineText(line: number): string {
    return this.lines.lineText(line);
  }

  private nextContentLine(after: number): number | undefined {
    for (let line = after + 1; line < this.lines.lineCount; line++) {
      const trimmed = this.lineText(line).trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) return line;
    }
    return undefined;
  }

  private instruction(line: number): LineSpan | undefined {
    this.spans ??= DockerfileParser.parse(this.text)
      .getInstructions()
      .map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line }));
    return this.spans.find((s) => line >= s.start && line <= s.end);
  }

  /** The line and everything indented below it (a sequence written at its key's indentation included). */
  private yamlBlockEnd(line: number): number {
    const head = this.lineText(line);
    const indent = head.length - head.trimStart().length;
    const headIsItem = head.trimStart().startsWith('-');
    let end = line;
    for (let next = line + 1; next < this.lines.lineCount; next++) {
      const text = this.lineText(next);
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const nextIndent = text.length - text.trimStart().length;
      const child = nextIndent > indent || (nextIndent === indent && !headIsItem && trimmed.startsWith('-') && head.trimEnd().endsWith(':'));
      if (!child || /^(---|\.\.\.)(\s|$)/.test(text)) break;
      end = next;
    }
    return end;
  }

  private yamlDocuments(): LineSpan[] {
    if (!this.documents) {
      const segments = splitYamlDocuments(this.text);
      this.documents = segments.map((s, i) => ({ start: s.startLine, end: i + 1 < segments.length ? segments[i + 1].startLine - 1 : this.lines.lineCount - 1 }));
    }
    return this.documents;
  }
}

function sortByPosition<T extends Finding>(findings: T[]): T[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
}

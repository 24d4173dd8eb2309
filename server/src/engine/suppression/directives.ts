import type { LineIndex } from '../text/line-index';
import type { Range } from '../types';

/**
 * Suppression directives as users write them: our own comments and annotation, and the peers'
 * (rules.md "Suppression"). This module only reads what one comment or annotation says; which
 * lines it covers and which findings it silences is decided in `layer.ts`.
 */
export type SuppressionSource = 'bulkhead' | 'hadolint' | 'checkov' | 'kics' | 'trivy' | 'kube-linter' | 'polaris';

/**
 * - `next-line`: the next line with content (in a Dockerfile: from there to the end of that instruction)
 * - `next-block`: the next line with content and the lines indented below it (Dockerfile: the next instruction)
 * - `line`: the comment's own line (Dockerfile: the whole instruction it ends)
 * - `file`, `document` (one YAML document), `lines` (explicit, for annotations on an object)
 */
export type SuppressionScope = 'next-line' | 'next-block' | 'line' | 'file' | 'document' | 'lines';

export interface WrittenId {
  /** As written: a Bulkhead rule id or the peer's check id. */
  text: string;
  range: Range;
}

export interface Directive {
  source: SuppressionSource;
  scope: SuppressionScope;
  /** Annotations (`bulkhead.dev/ignore`, peers') vs comments. */
  form: 'comment' | 'annotation';
  ids: WrittenId[];
  /** KICS's blanket comments: every rule that has a KICS peer id. */
  allPeerRules?: boolean;
  reason?: string;
  /** The whole comment or annotation. */
  range: Range;
  /** 0-based line of the comment (for scopes relative to it). */
  line: number;
  /** For `lines` scope: first and last line covered, inclusive. */
  lines?: [number, number];
  /** Trivy's `:exp:YYYY-MM-DD`: past that date the ignore no longer applies. */
  expires?: string;
}

export interface Comment {
  /** Offset of the `#`. */
  offset: number;
  /** From `#` to the end of the line (trailing whitespace removed). */
  text: string;
  /** Code precedes the comment on its line (an end-of-line comment). */
  trailing: boolean;
}

/** Cheap pre-check: texts without any of these words have no suppression at all. */
export const SUPPRESSION_MARKER = /bulkhead-disable|bulkhead\.dev\/ignore|hadolint|checkov|kics-scan|trivy:ignore|kube-linter\.io|polaris\.fairwinds\.com/;

const OWN = /^#\s*bulkhead-disable-(next-line|line|file)(?=\s|$)/;
const HADOLINT = /^#\s*hadolint\s+(global\s+)?ignore=/;
const CHECKOV = /^#\s*checkov:skip=([A-Za-z0-9_]+)(?::\s*(.*))?$/;
const KICS = /^#\s*kics-scan\s+(ignore-line|ignore-block|ignore)\s*$/;
const TRIVY = /^#\s*trivy:ignore:([A-Za-z0-9_-]+)((?::[^:\s]+:[^:\s]+)*)/;

/** Reads one comment; `dockerfile` enables the Dockerfile-only peers (hadolint). */
export function parseComment(comment: Comment, lines: LineIndex, dockerfile: boolean): Directive | undefined {
  const { text, offset } = comment;
  const line = lines.positionAt(offset).line;
  const base = { form: 'comment' as const, line, range: lines.rangeAt(offset, offset + text.length) };
  let m = OWN.exec(text);
  if (m) {
    const scope = m[1] === 'next-line' ? 'next-line' : m[1] === 'line' ? 'line' : 'file';
    const { ids, reason } = readIdList(text, m[0].length, offset, lines, true);
    return { ...base, source: 'bulkhead', scope, ids, reason };
  }
  if (dockerfile && !comment.trailing && (m = HADOLINT.exec(text))) {
    const { ids } = readIdList(text, m[0].length, offset, lines, false);
    return { ...base, source: 'hadolint', scope: m[1] ? 'file' : 'next-block', ids };
  }
  if (!comment.trailing && (m = CHECKOV.exec(text))) {
    const start = offset + text.indexOf(m[1]);
    const ids = [{ text: m[1], range: lines.rangeAt(start, start + m[1].length) }];
    return { ...base, source: 'checkov', scope: dockerfile ? 'file' : 'document', ids, reason: m[2]?.trim() || undefined };
  }
  if (!comment.trailing && (m = KICS.exec(text))) {
    const scope = m[1] === 'ignore-line' ? 'next-line' : m[1] === 'ignore-block' ? 'next-block' : 'file';
    return { ...base, source: 'kics', scope, ids: [], allPeerRules: true };
  }
  if ((m = TRIVY.exec(text))) {
    const start = offset + text.indexOf(m[1]);
    const ids = [{ text: normaliseTrivyId(m[1]), range: lines.rangeAt(start, start + m[1].length) }];
    const expires = /:exp:(\d{4}-\d{2}-\d{2})/.exec(m[2] ?? '')?.[1];
    return { ...base, source: 'trivy', scope: comment.trailing ? 'line' : 'next-block', ids, expires };
  }
  return undefined;
}

/** `AVD-DS-0002` and `DS002` are the same Trivy check; rules list the short form. */
export function normaliseTrivyId(id: string): string {
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id);
  if (!m) return id;
  return `${m[1].toUpperCase()}${m[2].padStart(3, '0')}`;
}

/**
 * Splits `a, b,c -- reason` (from `from` in the comment) into ids with their ranges and, when the
 * syntax has one, the reason after ` -- `.
 */
export function readIdList(text: string, from: number, offset: number, lines: LineIndex, withReason: boolean): { ids: WrittenId[]; reason?: string } {
  const rest = text.slice(from);
  const stop = withReason ? /(?:^|\s)--(?:\s|$)/.exec(rest) : null;
  const list = stop ? rest.slice(0, stop.index) : rest;
  const reason = stop ? rest.slice(stop.index + stop[0].length).trim() || undefined : undefined;
  const ids: WrittenId[] = [];
  const token = /[^\s,]+/g;
  let t: RegExpExecArray | null;
  while ((t = token.exec(list))) {
    const start = offset + from + t.index;
    ids.push({ text: t[0], range: lines.rangeAt(start, start + t[0].length) });
  }
  return { ids, reason };
}

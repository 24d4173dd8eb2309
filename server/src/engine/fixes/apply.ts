import { LineIndex } from '../text/line-index';
import type { Range, TextEdit } from '../types';

/** An edit as string offsets, in the order it was given (for stable ordering of inserts). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  order: number;
}

export function toOffsetEdits(lines: LineIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits.map((e, order) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, order }));
}

/** Sorted by position; inserts at the same offset keep the order they were given in. */
export function sortOffsetEdits(edits: OffsetEdit[]): OffsetEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
}

/**
 * True when two edits touch the same text: overlapping ranges, or a replacement and an insert at
 * its boundary (whose order relative to each other would be ambiguous). Two pure inserts at the
 * same offset do not overlap: they apply in the order given.
 */
export function offsetEditsOverlap(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end;
  if (b.start === b.end) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export class OverlappingEditsError extends Error {}

/**
 * Applies LSP-style text edits (positions in the original text) all at once. Throws
 * `OverlappingEditsError` when two edits overlap, as LSP clients reject such edit lists too.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = sortOffsetEdits(toOffsetEdits(new LineIndex(text), edits));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new OverlappingEditsError(`text edits overlap at offset ${sorted[i].start}`);
  }
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.newText;
    at = Math.max(at, edit.end);
  }
  return result + text.slice(at);
}

/**
 * The smallest single edit that turns `before` into `after` (common prefix and suffix kept), or
 * none when they are equal. Used to send the result of several fix passes as one edit.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a CRLF pair or a surrogate pair between the kept and the replaced text.
  while (prefix > 0 && isLowHalf(before, prefix)) prefix--;
  while (suffix > 0 && isLowHalf(before, before.length - suffix)) suffix--;
  const lines = new LineIndex(before);
  const range: Range = lines.rangeAt(prefix, before.length - suffix);
  return [{ range, newText: after.slice(prefix, after.length - suffix) }];
}

function isLowHalf(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  const p = text.charCodeAt(index - 1);
  return (c === 10 && p === 13) || (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff);
}

import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import type { ImageReference } from '../image/image-reference';
import { LineIndex } from '../text/line-index';
import type { TextEdit } from '../types';

/**
 * The `trustedRegistries` pattern that trusts an image's publisher: its registry and namespace
 * (`docker.io/bitnami/*`, `quay.io/prometheus/*`), or the registry alone for an image without a
 * namespace (`registry.example.com/*`). Never the image alone: trust is given to a publisher.
 */
export function trustPatternFor(ref: ImageReference): string {
  const segments = ref.name.split('/');
  const keep = segments.length >= 3 ? 2 : 1;
  return `${segments.slice(0, keep).join('/')}/*`;
}

export type TrustEdit = { create: string } | { edits: TextEdit[] };

const CREATED_HEADER = '# Bulkhead configuration. trustedRegistries adds to the default trusted registries (Docker Official Images, distroless, …).\n';

/**
 * Adds `pattern` to `trustedRegistries` of a `.bulkhead.yaml` / `.json` text with one minimal
 * edit that keeps comments, existing entries, indentation and flow or block style: appended to a
 * block list (at its items' indentation), inserted at the end of a flow list (quoted like its
 * items), or a new `trustedRegistries` key at the end of the file. `undefined` text: the content
 * of a new file. Returns undefined when the text does not parse, is not a mapping, or already
 * lists the pattern.
 */
export function addTrustedRegistry(text: string | undefined, pattern: string): TrustEdit | undefined {
  if (text === undefined) return { create: `${CREATED_HEADER}trustedRegistries:\n  - ${yamlPlain(pattern)}\n` };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const lines = new LineIndex(text);
  const insert = (offset: number, newText: string): TrustEdit => ({ edits: [{ range: lines.rangeAt(offset, offset), newText }] });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = doc.contents as Node | null;
  const empty = root === null || (isScalar(root) && (root.value === null || root.value === ''));
  if (empty) {
    const sep = text === '' || text.endsWith('\n') ? '' : eol;
    return insert(text.length, `${sep}trustedRegistries:${eol}  - ${yamlPlain(pattern)}${eol}`);
  }
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'trustedRegistries');
  if (!pair) {
    if (root.flow) {
      // JSON or a flow mapping: before the closing brace.
      const close = text.lastIndexOf('}', root.range![1]);
      const last = root.items[root.items.length - 1];
      const lastEnd = last ? ((last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]) : undefined;
      const entry = `"trustedRegistries": [${JSON.stringify(pattern)}]`;
      return lastEnd !== undefined ? insert(lastEnd, `, ${entry}`) : insert(close, entry);
    }
    const sep = text.endsWith('\n') ? '' : eol;
    const indent = blockSequenceIndent(text);
    return insert(text.length, `${sep}trustedRegistries:${eol}${indent}- ${yamlPlain(pattern)}${eol}`);
  }
  const value = pair.value as Node | null;
  const keyEnd = (pair.key as Node).range![1];
  if (value === null || (isScalar(value) && value.value === null)) {
    // `trustedRegistries:` with nothing after it: the list goes on the next lines.
    const colon = text.indexOf(':', keyEnd);
    const lineEnd = lines.lineEnd(lines.positionAt(colon).line);
    const keyIndent = lines.positionAt((pair.key as Node).range![0]).character;
    return { edits: [{ range: lines.rangeAt(colon + 1, lineEnd), newText: `${eol}${' '.repeat(keyIndent)}${blockSequenceIndent(text)}- ${yamlPlain(pattern)}` }] };
  }
  if (!isSeq(value)) return undefined;
  if (value.items.some((item) => isScalar(item) && String(item.value).trim().replace(/\/+$/, '') === pattern)) return undefined;
  if (value.flow) {
    const lastItem = value.items[value.items.length - 1] as Node | undefined;
    const quoted = (lastItem && isScalar(lastItem) && lastItem.type === Scalar.QUOTE_DOUBLE) || (root.flow ?? false);
    const written = quoted ? JSON.stringify(pattern) : yamlFlowPlain(pattern);
    if (!lastItem) return insert(text.lastIndexOf(']', value.range![1]), written);
    return insert(lastItem.range![1], `, ${written}`);
  }
  // A block list: a new item after the last one's line, at the same indentation.
  const lastItem = value.items[value.items.length - 1] as Node;
  const lastLine = lines.positionAt(lastItem.range![1]).line;
  const itemLine = lines.lineText(lines.positionAt(lastItem.range![0]).line);
  const dash = /^(\s*)-/.exec(itemLine)?.[1] ?? '  ';
  const quoted = isScalar(lastItem) && lastItem.type === Scalar.QUOTE_DOUBLE ? JSON.stringify(pattern) : isScalar(lastItem) && lastItem.type === Scalar.QUOTE_SINGLE ? `'${pattern}'` : yamlPlain(pattern);
  const at = lines.lineEnd(lastLine);
  return insert(at, `${eol}${dash}- ${quoted}`);
}

/** How the file indents block sequences under their key (`  - ` or `- `); two spaces when it has none. */
function blockSequenceIndent(text: string): string {
  const m = /^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n([ \t]*)- /m.exec(text);
  if (!m) return '  ';
  return m[2].length >= m[1].length ? ' '.repeat(m[2].length - m[1].length) : '  ';
}

/** A plain YAML scalar when the pattern can be one, else double-quoted. */
function yamlPlain(pattern: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._\-/:*]*$/.test(pattern) && !/: /.test(pattern) ? pattern : JSON.stringify(pattern);
}

function yamlFlowPlain(pattern: string): string {
  return /[,[\]{}]/.test(pattern) ? JSON.stringify(pattern) : yamlPlain(pattern);
}

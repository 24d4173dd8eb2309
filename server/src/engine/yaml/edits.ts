import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import type { ParsedYaml } from './parse';

/**
 * Minimal text edits on one parsed YAML document (a segment of a multi-document file: offsets and
 * positions are the segment's, and `analyze` shifts them), for quick fixes. Edits keep comments,
 * key order, quoting and the file's indentation (2 or 4 spaces, indented or non-indented
 * sequences); new keys go where a person would put them.
 *
 * Flow-style mappings (`{…}`) and JSON manifests are never restructured: every method returns
 * undefined where it cannot edit without risk, and the caller then offers no fix. A key that a
 * mapping only gets through a merge key (`<<: *defaults`) is refused too: writing it into the
 * mapping would override the whole merged value.
 */

/** A value to write: a scalar as it is written, a block mapping (ordered entries), or a sequence of scalars. */
export type NewValue = string | NewEntry[] | { seq: string[] };
export type NewEntry = [key: string, value: NewValue];

/** Where a new key goes in a mapping: after the last of `after` present, else before the first of `before`, else at the end. */
export interface Placement {
  after?: readonly string[];
  before?: readonly string[];
}

type Ranged = { range?: [number, number, number] | null };

export class YamlEditor {
  readonly text: string;
  readonly eol: string;
  private styleCache: { unit: number; seqIndent: number } | undefined;

  constructor(readonly yaml: ParsedYaml) {
    this.text = yaml.segment.text;
    this.eol = /\r\n/.test(this.text) ? '\r\n' : '\n';
  }

  /** The mapping's own pair for `key` (not one reached through a merge key). */
  ownPair(map: YAMLMap, key: string): Pair | undefined {
    return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
  }

  /** True when `key` is only present through a merge key, so writing it into `map` would shadow the merged value. */
  private merged(map: YAMLMap, key: string): boolean {
    return !this.ownPair(map, key) && this.yaml.view.pair(map, key) !== undefined;
  }

  /** Replaces a scalar's text (the whole node, quotes included). */
  replace(node: unknown, newText: string): TextEdit | undefined {
    const r = (node as Ranged | undefined)?.range;
    // An anchored scalar may be reused elsewhere through its alias: rewriting it would change those too.
    if (!r || !isScalar(node) || node.anchor) return undefined;
    return this.edit(r[0], r[1], newText);
  }

  /** `newText` quoted the way `node` is quoted (double quotes when it was plain and `quote` is asked for). */
  quoteLike(node: unknown, value: string, quote = false): string {
    const r = (node as Ranged | undefined)?.range;
    const first = r ? this.text[r[0]] : '';
    if (first === "'") return `'${value.replace(/'/g, "''")}'`;
    if (first === '"' || quote) return JSON.stringify(value);
    return value;
  }

  /**
   * Sets `entries` in the mapping at `path` under `map`, creating the missing mappings on the way
   * (the first one created is placed by `placement`; keys added to an existing mapping go at its end).
   */
  set(map: YAMLMap, path: readonly string[], entries: NewEntry[], placement: Placement = {}): TextEdit[] | undefined {
    if (map.flow || map.items.length === 0) return undefined;
    if (path.length === 0) return this.setEntries(map, entries, placement);
    const [key, ...rest] = path;
    if (this.merged(map, key)) return undefined;
    const pair = this.ownPair(map, key);
    const nested: NewValue = rest.reduceRight<NewEntry[]>((inner, k) => [[k, inner]], entries);
    if (!pair) return this.insert(map, [[key, nested]], placement);
    const value = pair.value as Node | null;
    if (isMap(value) && !value.flow && value.items.length > 0) return this.set(value, rest, entries, {});
    return this.fillEmpty(map, pair, nested as NewEntry[]);
  }

  private setEntries(map: YAMLMap, entries: NewEntry[], placement: Placement): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const missing: NewEntry[] = [];
    for (const [key, value] of entries) {
      if (this.merged(map, key)) return undefined;
      const pair = this.ownPair(map, key);
      if (!pair) {
        missing.push([key, value]);
        continue;
      }
      const current = pair.value as Node | null;
      if (typeof value === 'string') {
        if (!isScalar(current) || current.anchor || current.tag) return undefined;
        const r = (current as Ranged).range!;
        if (r[0] === r[1]) return undefined; // `key:` with no value: a null, written nowhere
        if (this.text.slice(r[0], r[1]) !== value) edits.push(this.edit(r[0], r[1], value));
      } else if (Array.isArray(value)) {
        if (isMap(current) && !current.flow && current.items.length > 0) {
          const inner = this.setEntries(current, value, {});
          if (!inner) return undefined;
          edits.push(...inner);
        } else {
          const filled = this.fillEmpty(map, pair, value);
          if (!filled) return undefined;
          edits.push(...filled);
        }
      } else {
        return undefined; // replacing an existing sequence is the caller's business (appendItem)
      }
    }
    if (missing.length > 0) {
      const inserted = this.insert(map, missing, placement);
      if (!inserted) return undefined;
      edits.push(...inserted);
    }
    return edits;
  }

  /** `key:` (null), `key: ~` or `key: {}` becomes `key:` followed by a block mapping. */
  private fillEmpty(map: YAMLMap, pair: Pair, entries: NewEntry[]): TextEdit[] | undefined {
    const value = pair.value as (Node & Ranged) | null;
    const key = pair.key as Ranged;
    if (!key.range) return undefined;
    const empty = value === null || (isScalar(value) && (value.value === null || value.value === undefined)) || (isMap(value) && value.items.length === 0);
    if (!empty || (value && (value.anchor || value.tag))) return undefined;
    const colon = this.text.indexOf(':', key.range[1]);
    if (colon < 0) return undefined;
    const valueEnd = value?.range ? value.range[1] : colon + 1;
    const line = this.yaml.lines.positionAt(colon).line;
    const lineEnd = this.yaml.lines.lineEnd(line);
    if (valueEnd > lineEnd) return undefined;
    const indent = this.column(key.range[0]) + this.style().unit;
    const trailing = this.text.slice(valueEnd, lineEnd);
    return [this.edit(colon + 1, lineEnd, `${trailing}${this.eol}${this.render(entries, indent).replace(/(\r?\n)$/, '')}`)];
  }

  /** Inserts new keys into a block mapping, at `placement`. */
  private insert(map: YAMLMap, entries: NewEntry[], placement: Placement): TextEdit[] | undefined {
    if (map.flow) return undefined;
    const first = map.items[0]?.key as Ranged | undefined;
    if (!first?.range) return undefined;
    const indent = this.column(first.range[0]);
    const own = (keys: readonly string[] | undefined) => (keys ?? []).map((k) => this.ownPair(map, k)).filter((p): p is Pair => p !== undefined);
    const after = own(placement.after).sort((a, b) => map.items.indexOf(b) - map.items.indexOf(a))[0];
    const before = own(placement.before).sort((a, b) => map.items.indexOf(a) - map.items.indexOf(b))[0];
    const text = this.render(entries, indent);
    if (!after && before) {
      const at = this.lineStartBefore(before);
      if (at !== undefined) return [this.edit(at, at, text)];
    }
    const pair = after ?? (map.items[map.items.length - 1] as Pair);
    const at = this.endOfPair(pair);
    if (at === undefined) return undefined;
    const prefix = at > 0 && this.text[at - 1] !== '\n' ? this.eol : '';
    return [this.edit(at, at, prefix + text)];
  }

  /** Adds an item to a sequence, in its style (block `- item` at the dashes' column, or flow `[a, item]`). */
  appendItem(seq: YAMLSeq, item: string): TextEdit | undefined {
    const r = (seq as Ranged).range;
    if (!r) return undefined;
    if (seq.flow) {
      const items = seq.items as Ranged[];
      const quoted = items.length > 0 && items[0].range && this.text[items[0].range[0]] === '"';
      const written = quoted || /[:,\[\]{}#]/.test(item) ? JSON.stringify(item) : item;
      if (items.length === 0) {
        const open = this.text.indexOf('[', r[0]);
        return open < 0 ? undefined : this.edit(open + 1, open + 1, written);
      }
      const last = items[items.length - 1].range;
      return last ? this.edit(last[1], last[1], `, ${written}`) : undefined;
    }
    const last = seq.items[seq.items.length - 1] as Ranged | undefined;
    if (!last?.range) return undefined;
    const dash = this.column(r[0]);
    const at = this.lineEndAfter(last.range[1]);
    const prefix = at > 0 && this.text[at - 1] !== '\n' ? this.eol : '';
    return this.edit(at, at, `${prefix}${' '.repeat(dash)}- ${item}${this.eol}`);
  }

  /** Removes one item of a sequence with at least two items (its whole line in block style). */
  removeItem(seq: YAMLSeq, item: unknown): TextEdit | undefined {
    const items = seq.items as Ranged[];
    const index = items.indexOf(item as Ranged);
    const r = (item as Ranged).range;
    if (index < 0 || !r || items.length < 2) return undefined;
    if (seq.flow) {
      if (index < items.length - 1) {
        const next = items[index + 1].range;
        return next ? this.edit(r[0], next[0], '') : undefined;
      }
      const previous = items[index - 1].range;
      return previous ? this.edit(previous[1], r[1], '') : undefined;
    }
    const dash = this.text.lastIndexOf('-', r[0]);
    const start = this.lineStartOf(dash);
    if (dash < 0 || this.text.slice(start, dash).trim() !== '') return undefined;
    return this.edit(start, this.lineEndAfter(r[1]), '');
  }

  /** Removes a pair of a block mapping (its lines), when it starts its line and is not the mapping's only pair. */
  removePair(map: YAMLMap, pair: Pair): TextEdit | undefined {
    const index = map.items.indexOf(pair);
    if (index < 0 || map.items.length < 2) return undefined;
    const key = pair.key as Ranged;
    if (!key.range) return undefined;
    const next = map.items[index + 1]?.key as Ranged | undefined;
    if (map.flow) {
      // `{a: 1, b: 2}`: remove `a: 1, ` (or `, b: 2` for the last pair).
      const value = pair.value as Ranged | null;
      if (!value?.range) return undefined;
      if (next) return next.range ? this.edit(key.range[0], next.range[0], '') : undefined;
      const previous = map.items[index - 1].value as Ranged | null;
      return previous?.range ? this.edit(previous.range[1], value.range[1], '') : undefined;
    }
    const start = this.lineStartOf(key.range[0]);
    const end = this.endOfPair(pair);
    if (end === undefined) return undefined;
    if (this.text.slice(start, key.range[0]).trim() !== '') {
      // The first pair of a sequence item (`- hostPort: 80`): the next key moves up behind the dash.
      if (index !== 0 || !next?.range || !/^\s*-\s+$/.test(this.text.slice(start, key.range[0]))) return undefined;
      if (this.text.slice(end, next.range[0]).trim() !== '') return undefined;
      return this.edit(key.range[0], next.range[0], '');
    }
    return this.edit(start, end, '');
  }

  /** The file's indentation step and sequence indentation (0: `- ` at the parent key's column). */
  style(): { unit: number; seqIndent: number } {
    if (this.styleCache) return this.styleCache;
    let unit = 0;
    let seqIndent: number | undefined;
    const walk = (node: unknown, depth: number) => {
      if (depth > 64) return;
      if (isMap(node) && !node.flow) {
        for (const pair of node.items) {
          const key = pair.key as Ranged;
          const value = pair.value as Ranged & Node;
          if (key?.range && isMap(value) && !value.flow && value.items.length > 0) {
            const child = (value.items[0].key as Ranged)?.range;
            const diff = child ? this.column(child[0]) - this.column(key.range[0]) : 0;
            if (diff > 0 && (unit === 0 || diff < unit)) unit = diff;
          }
          if (key?.range && isSeq(value) && !value.flow && value.range && seqIndent === undefined) {
            seqIndent = Math.max(0, this.column(value.range[0]) - this.column(key.range[0]));
          }
          walk(value, depth + 1);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) walk(item, depth + 1);
      }
    };
    walk(this.yaml.doc.contents, 0);
    unit = unit || 2;
    this.styleCache = { unit, seqIndent: seqIndent ?? unit };
    return this.styleCache;
  }

  /** Block text for entries at `indent`, each line ended by the file's line break. */
  render(entries: NewEntry[], indent: number): string {
    const { unit, seqIndent } = this.style();
    const pad = ' '.repeat(indent);
    let out = '';
    for (const [key, value] of entries) {
      if (typeof value === 'string') out += `${pad}${key}: ${value}${this.eol}`;
      else if (Array.isArray(value)) out += `${pad}${key}:${this.eol}${this.render(value, indent + unit)}`;
      else out += `${pad}${key}:${this.eol}${value.seq.map((item) => `${pad}${' '.repeat(seqIndent)}- ${item}${this.eol}`).join('')}`;
    }
    return out;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.yaml.lines.rangeAt(start, end), newText };
  }

  private column(offset: number): number {
    return this.yaml.lines.positionAt(offset).character;
  }

  private lineStartOf(offset: number): number {
    return this.yaml.lines.lineStart(this.yaml.lines.positionAt(offset).line);
  }

  /** The offset just after the line break of the line holding `offset - 1` (or the text's end). */
  private lineEndAfter(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /** Where the text after a pair (its value, nested block and trailing comment included) ends. */
  private endOfPair(pair: Pair): number | undefined {
    const value = pair.value as Ranged | null;
    const key = pair.key as Ranged;
    const end = value?.range ? value.range[1] : key?.range?.[1];
    return end === undefined ? undefined : this.lineEndAfter(end);
  }

  /** The start of the line holding `pair`'s key, above the comment lines that belong to it; undefined when the key does not start its line. */
  private lineStartBefore(pair: Pair): number | undefined {
    const key = pair.key as Ranged;
    if (!key.range) return undefined;
    let start = this.lineStartOf(key.range[0]);
    if (this.text.slice(start, key.range[0]).trim() !== '') return undefined;
    let line = this.yaml.lines.positionAt(start).line;
    while (line > 0 && /^\s*#/.test(this.yaml.lines.lineText(line - 1))) {
      line--;
      start = this.yaml.lines.lineStart(line);
    }
    return start;
  }
}

/** Kubernetes container keys a person writes before `securityContext` / `resources`. */
export const CONTAINER_HEAD = ['name', 'image', 'imagePullPolicy', 'command', 'args', 'workingDir', 'ports', 'env', 'envFrom'] as const;
/** Pod-spec settings go above the container lists. */
export const POD_SPEC_PLACEMENT: Placement = { after: ['serviceAccountName', 'serviceAccount', 'securityContext', 'automountServiceAccountToken', 'hostNetwork', 'hostPID', 'hostIPC'], before: ['initContainers', 'containers'] };
/** Container `securityContext`: after its head and `resources`. */
export const CONTAINER_SECURITY_PLACEMENT: Placement = { after: [...CONTAINER_HEAD, 'resources'] };
/** Compose service keys a person writes first. */
export const SERVICE_HEAD = ['image', 'build', 'container_name', 'hostname', 'restart', 'user', 'command', 'entrypoint'] as const;

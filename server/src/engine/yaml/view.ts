import { type Alias, isAlias, visit, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq, Scalar } from 'yaml';
import type { LineIndex } from '../text/line-index';
import type { Range } from '../types';

/**
 * Read access to one parsed YAML document that resolves aliases and merge keys (`<<: *defaults`)
 * the way Compose and Kubernetes tooling do, while every node keeps its source range.
 * Aliases are followed one step at a time on demand, never expanded, so alias bombs cost nothing.
 */
export class YamlView {
  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineIndex,
  ) {}

  /** Alias → anchored node, built in one pass on first use (`Alias.resolve` walks the whole document per call). */
  private aliasTargets: Map<unknown, unknown> | undefined;

  resolve(node: unknown): Node | undefined {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < 32; hops++) current = this.aliasTarget(current);
    return isAlias(current) ? undefined : (current as Node | undefined) ?? undefined;
  }

  private aliasTarget(alias: Alias): unknown {
    if (!this.aliasTargets) {
      const targets = new Map<unknown, unknown>();
      const anchors = new Map<string, unknown>();
      // Document order, as YAML defines it: an alias refers to the closest anchor before it.
      visit(this.doc, {
        Node: (_key, n) => {
          if (isAlias(n)) targets.set(n, anchors.get(n.source));
          else if (n.anchor) anchors.set(n.anchor, n);
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  map(node: unknown): YAMLMap | undefined {
    const n = this.resolve(node);
    return isMap(n) ? n : undefined;
  }

  seq(node: unknown): YAMLSeq | undefined {
    const n = this.resolve(node);
    return isSeq(n) ? n : undefined;
  }

  /** The pair for `key`, looking through merge keys; explicit keys win over merged ones. */
  pair(map: YAMLMap | undefined, key: string, depth = 0): Pair | undefined {
    if (!map || depth > 16) return undefined;
    const merges: unknown[] = [];
    for (const item of map.items) {
      if (isMergeKey(item.key)) merges.push(item.value);
      else if (scalarText(item.key) === key) return item;
    }
    for (const merge of merges) {
      const resolved = this.resolve(merge);
      const sources = isSeq(resolved) ? resolved.items : [resolved];
      for (const source of sources) {
        const found = this.pair(this.map(source), key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  /** Follows a key path: `get(spec, 'securityContext', 'runAsUser')`. */
  path(map: YAMLMap | undefined, ...keys: string[]): Node | undefined {
    let node: Node | undefined = map;
    for (const key of keys) {
      node = this.get(this.map(node), key);
      if (node === undefined) return undefined;
    }
    return node;
  }

  /** All key/value pairs of a mapping including merged ones (explicit keys first). */
  entries(map: YAMLMap | undefined): Pair[] {
    if (!map) return [];
    const seen = new Set<string>();
    const result: Pair[] = [];
    const visit = (m: YAMLMap | undefined, depth: number) => {
      if (!m || depth > 16) return;
      const merges: unknown[] = [];
      for (const item of m.items) {
        if (isMergeKey(item.key)) {
          merges.push(item.value);
          continue;
        }
        const k = scalarText(item.key);
        if (k === undefined || seen.has(k)) continue;
        seen.add(k);
        result.push(item);
      }
      for (const merge of merges) {
        const resolved = this.resolve(merge);
        for (const source of isSeq(resolved) ? resolved.items : [resolved]) visit(this.map(source), depth + 1);
      }
    };
    visit(map, 0);
    return result;
  }

  items(node: unknown): Node[] {
    const s = this.seq(node);
    if (!s) return [];
    return s.items.map((i) => this.resolve(i)).filter((i): i is Node => i !== undefined);
  }

  string(node: unknown): string | undefined {
    const n = this.resolve(node);
    return scalarText(n);
  }

  /** YAML 1.1 and 1.2 truthiness as Kubernetes and Compose read booleans. */
  bool(node: unknown): boolean | undefined {
    const n = this.resolve(node);
    if (!isScalar(n)) return undefined;
    if (typeof n.value === 'boolean') return n.value;
    if (typeof n.value === 'string') {
      const v = n.value.toLowerCase();
      if (['true', 'yes', 'on', 'y'].includes(v)) return true;
      if (['false', 'no', 'off', 'n'].includes(v)) return false;
    }
    return undefined;
  }

  number(node: unknown): number | undefined {
    const n = this.resolve(node);
    if (!isScalar(n)) return undefined;
    if (typeof n.value === 'number') return n.value;
    if (typeof n.value === 'string' && /^-?\d+$/.test(n.value.trim())) return Number(n.value);
    return undefined;
  }

  /** Source range of a node (its value, without trailing comments). */
  range(node: unknown): Range | undefined {
    const n = node as ParsedNode | undefined;
    if (!n || !n.range) return undefined;
    return this.lines.rangeAt(n.range[0], n.range[1]);
  }

  /** Range of a pair's key, falling back to its value. */
  keyRange(pair: Pair | undefined): Range | undefined {
    if (!pair) return undefined;
    return this.range(pair.key) ?? this.range(pair.value);
  }
}

/**
 * The text of a scalar as the tools read it: strings, numbers and booleans. A merge key (`<<`)
 * is parsed as a scalar holding a Symbol, not text, so it never reads as a key named
 * "Symbol(<<)"; use `isMergeKey` for it.
 */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** `<<` as a YAML 1.1 merge key (plain, not quoted): `yaml` parses it to a Symbol-valued scalar. */
export function isMergeKey(node: unknown): boolean {
  if (!isScalar(node)) return false;
  const value = node.value;
  return typeof value === 'symbol' && value.description === '<<';
}

export { isMap, isSeq, isScalar, isPair, Scalar };

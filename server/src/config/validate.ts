import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { RULES, type Range, type SeveritySetting } from '../engine';
import { LineIndex } from '../engine/text/line-index';
import type { ConfigLayer } from './layer';

/** A problem in a config file, at the offending key or value (0-based positions). */
export interface ConfigProblem {
  message: string;
  range: Range;
}

export const CONFIG_KEYS = ['rules', 'trustedRegistries', 'extendDefaultTrustedRegistries', 'ignorePaths', 'fix'] as const;
const SEVERITIES = ['off', 'info', 'warning', 'error'];

/**
 * Reads `.bulkhead.yaml` / `.yml` / `.json` text (JSON is read as YAML, which it is) into a layer.
 * Every problem is reported where it is written; the valid parts are kept.
 */
export function readBulkheadConfig(text: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const layer: ConfigLayer = {};
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | Pair['key'] | null | undefined): Range => {
    const r = (node as Node | undefined)?.range;
    return r ? lines.rangeAt(r[0], r[1]) : lines.rangeAt(0, 0);
  };
  const problem = (node: Node | Pair['key'] | null | undefined, message: string) => problems.push({ message, range: at(node) });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ message: `not valid YAML: ${e.message.split('\n')[0]}`, range: lines.rangeAt(e.pos[0], e.pos[1]) });
    return { layer, problems };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { layer, problems };
  if (!isMap(root)) {
    problem(root, 'the configuration must be a mapping of keys (rules, trustedRegistries, ignorePaths, fix, …)');
    return { layer, problems };
  }
  const known = new Set(RULES.map((r) => r.id));
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as Node | null;
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          problem(value ?? pair.key, '"rules" must be a mapping of rule id to off, info, warning or error');
          break;
        }
        layer.rules = {};
        for (const rule of value.items) {
          const id = isScalar(rule.key) ? String(rule.key.value) : '';
          const severity = isScalar(rule.value) ? rule.value.value : undefined;
          if (!known.has(id)) problem(rule.key, `unknown rule id "${id}" in rules${closest(id, [...known])}`);
          else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) problem((rule.value as Node) ?? rule.key, `rules.${id} must be off, info, warning or error`);
          else layer.rules[id] = severity as SeveritySetting;
        }
        break;
      }
      case 'trustedRegistries':
      case 'ignorePaths': {
        const list = stringList(value);
        if (!list) problem(value ?? pair.key, `"${key}" must be a list of strings`);
        else layer[key] = list;
        break;
      }
      case 'extendDefaultTrustedRegistries':
        if (isScalar(value) && typeof value.value === 'boolean') layer.extendDefaultTrustedRegistries = value.value;
        else problem(value ?? pair.key, '"extendDefaultTrustedRegistries" must be true or false');
        break;
      case 'fix':
        readFix(value, layer, problem);
        break;
      default:
        problem(pair.key, `unknown key "${key ?? ''}" (expected ${CONFIG_KEYS.join(', ')})`);
    }
  }
  return { layer, problems };
}

function readFix(value: Node | null, layer: ConfigLayer, problem: (node: Node | null | undefined, message: string) => void): void {
  if (!isMap(value)) {
    problem(value, '"fix" must be a mapping with user and limits');
    return;
  }
  const fix: NonNullable<ConfigLayer['fix']> = {};
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if (key === 'user') {
      const user = isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value).trim() : '';
      if (user === '' || /\s/.test(user)) problem(v ?? (pair.key as Node), 'fix.user must be a user name or uid such as "10001"');
      else fix.user = user;
    } else if (key === 'limits') {
      if (!isMap(v)) {
        problem(v ?? (pair.key as Node), 'fix.limits must be a mapping with cpu, memory and pids');
        continue;
      }
      fix.limits = {};
      for (const limit of v.items) {
        const name = isScalar(limit.key) ? String(limit.key.value) : '';
        const lv = limit.value as Node | null;
        const raw = isScalar(lv) ? lv.value : undefined;
        if (name === 'cpu' && (typeof raw === 'string' || typeof raw === 'number') && /^\d+(\.\d+)?m?$/.test(String(raw))) fix.limits.cpu = String(raw);
        else if (name === 'memory' && typeof raw === 'string' && /^\d+(\.\d+)?([KMGT]i?|[kmgt]|[eE]\d+)?$/.test(raw)) fix.limits.memory = raw;
        else if (name === 'memory' && typeof raw === 'number' && raw > 0) fix.limits.memory = String(raw);
        else if (name === 'pids' && typeof raw === 'number' && Number.isInteger(raw) && raw > 0) fix.limits.pids = raw;
        else if (['cpu', 'memory', 'pids'].includes(name)) problem(lv ?? (limit.key as Node), `fix.limits.${name} is not valid (${name === 'cpu' ? 'e.g. "500m" or 0.5' : name === 'memory' ? 'e.g. "512Mi"' : 'a whole number such as 200'})`);
        else problem(limit.key as Node, `unknown key "${name}" in fix.limits (expected cpu, memory, pids)`);
      }
    } else {
      problem(pair.key as Node, `unknown key "${key}" in fix (expected user, limits)`);
    }
  }
  layer.fix = fix;
}

function stringList(value: Node | null): string[] | undefined {
  if (!isSeq(value)) return undefined;
  const out: string[] = [];
  for (const item of value.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') return undefined;
    out.push(item.value.trim());
  }
  return out;
}

function closest(id: string, ids: string[]): string {
  const near = ids.find((candidate) => candidate.includes(id) || id.includes(candidate) || distance(candidate, id) <= 2);
  return near && id !== '' ? ` (did you mean ${near}?)` : '';
}

function distance(a: string, b: string): number {
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

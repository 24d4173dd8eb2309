import { isMap, parseDocument } from 'yaml';
import { RULES, type SeveritySetting } from '../engine';
import type { ConfigLayer } from './layer';
import type { ConfigProblem } from './validate';
import { LineIndex } from '../engine/text/line-index';

/**
 * A team's existing `.hadolint.yaml`, read when there is no `.bulkhead.yaml`:
 * - `trustedRegistries` (registry hosts) become `<host>/*` patterns and, as in hadolint, are the
 *   whole trusted list;
 * - `ignored` DL ids turn a Bulkhead rule off only when every one of its hadolint peer ids is
 *   ignored (one rule may cover several DL checks; ignoring one must not silence the others).
 * Other hadolint keys are hadolint's business and are not checked.
 */
export function readHadolintConfig(text: string): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = new LineIndex(text);
    return { layer: {}, problems: doc.errors.map((e) => ({ message: `not valid YAML: ${e.message.split('\n')[0]}`, range: lines.rangeAt(e.pos[0], e.pos[1]) })) };
  }
  if (!isMap(doc.contents)) return { layer: {}, problems: [] };
  const data = doc.toJS() as { trustedRegistries?: unknown; ignored?: unknown };
  const layer: ConfigLayer = {};
  const registries = Array.isArray(data.trustedRegistries) ? data.trustedRegistries.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [];
  if (registries.length > 0) {
    layer.trustedRegistries = registries.map((r) => `${r.trim().replace(/\/+$/, '')}/*`);
    layer.extendDefaultTrustedRegistries = false;
  }
  const ignored = new Set(Array.isArray(data.ignored) ? data.ignored.filter((i): i is string => typeof i === 'string').map((i) => i.trim().toUpperCase()) : []);
  if (ignored.size > 0) {
    const rules: Record<string, SeveritySetting> = {};
    for (const rule of RULES) {
      const peers = rule.peerIds.hadolint ?? [];
      if (peers.length > 0 && peers.every((p) => ignored.has(p.toUpperCase()))) rules[rule.id] = 'off';
    }
    layer.rules = rules;
  }
  return { layer, problems: [] };
}

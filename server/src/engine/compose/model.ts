import type { Node, Pair, YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';
import { interpolate } from './interpolation';
import { readYamlImage, type YamlImage } from '../yaml/image';

export interface ComposeService {
  name: string;
  node: YAMLMap;
  /** The service's key (`web:`): where "missing …" findings point. */
  anchorRange: Range;
  /** The services this one `extends` in the same file, nearest first. */
  bases: ComposeService[];
  /** True when the service (or a base) `extends` a service of another file, which is not read. */
  extendsOtherFile: boolean;
}

export interface ComposeProject {
  root: YAMLMap;
  services: ComposeService[];
}

export function readComposeProject(view: YamlView, root: YAMLMap): ComposeProject {
  const servicesNode = view.map(view.get(root, 'services'));
  const services: ComposeService[] = [];
  for (const pair of view.entries(servicesNode)) {
    const node = view.map(pair.value);
    const name = view.string(pair.key);
    if (!node || name === undefined) continue;
    services.push({ name, node, anchorRange: view.keyRange(pair)!, bases: [], extendsOtherFile: false });
  }
  for (const service of services) {
    service.bases = resolveExtends(view, service, services);
    service.extendsOtherFile = [service, ...service.bases].some((s) => view.get(view.map(view.get(s.node, 'extends')), 'file') !== undefined);
  }
  return { root, services };
}

/** `extends: base` or `extends: {service: base}` within the same file; other files are not read. */
function resolveExtends(view: YamlView, service: ComposeService, all: ComposeService[]): ComposeService[] {
  const chain: ComposeService[] = [];
  let current: ComposeService | undefined = service;
  const seen = new Set([service.name]);
  while (current) {
    const ext = view.get(current.node, 'extends');
    const extMap = view.map(ext);
    if (extMap && view.get(extMap, 'file') !== undefined) break;
    const baseName = view.string(extMap ? view.get(extMap, 'service') : ext);
    if (!baseName || seen.has(baseName)) break;
    seen.add(baseName);
    current = all.find((s) => s.name === baseName);
    if (current) chain.push(current);
  }
  return chain;
}

/** A service key with `extends` applied: the service's own value, else the nearest base's. */
export function serviceValue(view: YamlView, service: ComposeService, key: string): Node | undefined {
  return view.resolve(servicePair(view, service, key)?.value);
}

export function servicePair(view: YamlView, service: ComposeService, key: string): Pair | undefined {
  for (const s of [service, ...service.bases]) {
    const pair = view.pair(s.node, key);
    if (pair) return pair;
  }
  return undefined;
}

/**
 * A sequence key (`cap_add`, `cap_drop`, `security_opt`, `ports`…) with `extends` applied: Compose
 * merges these sequences, so the items of the service and of every base count.
 */
export function serviceItems(view: YamlView, service: ComposeService, key: string): Node[] {
  const seen = new Set<Node>();
  const items: Node[] = [];
  for (const s of [service, ...service.bases]) {
    for (const item of view.items(view.get(s.node, key))) {
      if (seen.has(item)) continue;
      seen.add(item);
      items.push(item);
    }
  }
  return items;
}

/** A scalar service value with `extends` applied and interpolation resolved (`${PRIV:-true}` → `true`). */
export function serviceText(view: YamlView, service: ComposeService, key: string): { text: string; node: Node } | undefined {
  const node = serviceValue(view, service, key);
  const written = view.string(node);
  if (node === undefined || written === undefined) return undefined;
  const text = interpolatedText(written);
  return text === undefined ? undefined : { text, node };
}

/** The text a Compose value stands for, or undefined when a variable without default decides it. */
export function interpolatedText(written: string): string | undefined {
  if (!written.includes('$')) return written;
  const result = interpolate(written);
  return result.unresolved ? undefined : result.value;
}

/** A boolean service value (`true`, `"true"`, `${X:-true}`), YAML 1.1 spellings included. */
export function serviceBool(view: YamlView, service: ComposeService, key: string): { value: boolean; node: Node } | undefined {
  const node = serviceValue(view, service, key);
  if (node === undefined) return undefined;
  const direct = view.bool(node);
  if (direct !== undefined) return { value: direct, node };
  const text = view.string(node);
  const resolved = text === undefined ? undefined : interpolatedText(text)?.trim().toLowerCase();
  if (resolved === 'true' || resolved === 'yes' || resolved === 'on') return { value: true, node };
  if (resolved === 'false' || resolved === 'no' || resolved === 'off') return { value: false, node };
  return undefined;
}

/** The service's image (with `extends` and interpolation applied); none for build-only services. */
export function serviceImage(view: YamlView, service: ComposeService): YamlImage | undefined {
  return readYamlImage(view, serviceValue(view, service, 'image'), { compose: true });
}

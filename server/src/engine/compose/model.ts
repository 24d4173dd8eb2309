import type { Node, Pair, YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';

export interface ComposeService {
  name: string;
  node: YAMLMap;
  /** The service's key (`web:`): where "missing …" findings point. */
  anchorRange: Range;
  /** The services this one `extends` in the same file, nearest first. */
  bases: ComposeService[];
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
    services.push({ name, node, anchorRange: view.keyRange(pair)!, bases: [] });
  }
  for (const service of services) service.bases = resolveExtends(view, service, services);
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

import type { Node, Pair } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { ComposeService } from './model';

/**
 * A nested service setting with `extends` applied key by key: the service's own value at `path`,
 * else the nearest base's (Compose merges mappings such as `deploy.resources.limits` field by field).
 */
export function servicePathPair(view: YamlView, service: ComposeService, ...path: string[]): Pair | undefined {
  for (const s of [service, ...service.bases]) {
    const parent = path.length > 1 ? view.map(view.path(s.node, ...path.slice(0, -1))) : s.node;
    const pair = view.pair(parent, path[path.length - 1]);
    if (pair && view.resolve(pair.value) !== undefined && !isNullScalar(view, pair)) return pair;
  }
  return undefined;
}

export function servicePathValue(view: YamlView, service: ComposeService, ...path: string[]): Node | undefined {
  return view.resolve(servicePathPair(view, service, ...path)?.value);
}

function isNullScalar(view: YamlView, pair: Pair): boolean {
  const value = view.resolve(pair.value);
  return view.string(value) === undefined && !view.map(value) && !view.seq(value);
}

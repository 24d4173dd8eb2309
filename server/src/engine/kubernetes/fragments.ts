import type { YamlView } from '../yaml/view';
import type { PodSpecRef } from './model';

/**
 * A pod spec whose containers have no `image` is a fragment, not a runnable pod: a Kustomize
 * strategic-merge patch or an overlay that the base completes (the API server rejects a
 * container without an image). What a fragment *sets* is applied, so explicit values are still
 * checked; what it *lacks* comes from the base, so "missing …" checks skip it.
 */
export function isPodSpecFragment(view: YamlView, pod: PodSpecRef): boolean {
  const containers = pod.containers.filter((c) => c.group !== 'ephemeralContainers');
  return containers.length > 0 && containers.every((c) => view.get(c.node, 'image') === undefined);
}

import type { YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { KubernetesObject, PodSpecRef } from './model';

/** The metadata of the pod a pod spec describes: the template's for workloads, the object's for a Pod. */
export function podMetadata(view: YamlView, object: KubernetesObject, pod: PodSpecRef): YAMLMap | undefined {
  const parentPath = pod.path.slice(0, -1);
  return view.map(view.path(object.node, ...parentPath, 'metadata'));
}

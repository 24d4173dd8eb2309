import type { ParsedYaml } from '../yaml/parse';
import type { YamlView } from '../yaml/view';
import type { KubernetesObject } from './model';

/** What Kubernetes rules see: one YAML document, holding one object (or several, for `kind: List`). */
export interface KubernetesDocument {
  kind: 'kubernetes';
  view: YamlView;
  yaml: ParsedYaml;
  objects: KubernetesObject[];
}

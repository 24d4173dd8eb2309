import type { ParsedYaml } from '../yaml/parse';
import type { YamlView } from '../yaml/view';
import type { ComposeProject } from './model';

/** What Compose rules see: one parsed Compose document with its services. */
export interface ComposeDocument extends ComposeProject {
  kind: 'compose';
  view: YamlView;
  yaml: ParsedYaml;
}

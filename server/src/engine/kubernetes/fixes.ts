import type { YAMLMap } from 'yaml';
import type { Fix, TextEdit } from '../types';
import { CONTAINER_SECURITY_PLACEMENT, POD_SPEC_PLACEMENT, YamlEditor, type NewEntry } from '../yaml/edits';
import type { KubernetesDocument } from './document';
import type { ContainerRef, PodSpecRef } from './model';

/** One editor per document and rule run (it caches the file's indentation style). */
const editors = new WeakMap<KubernetesDocument, YamlEditor>();

export function editorFor(model: { yaml: KubernetesDocument['yaml'] }): YamlEditor {
  const key = model as KubernetesDocument;
  let editor = editors.get(key);
  if (!editor) {
    editor = new YamlEditor(model.yaml);
    editors.set(key, editor);
  }
  return editor;
}

/** A fix list of one fix, or none when the edits could not be made safely. */
export function oneFix(title: string, edits: TextEdit[] | TextEdit | undefined, safe: boolean, preferred = true): Fix[] | undefined {
  const list = edits === undefined ? [] : Array.isArray(edits) ? edits : [edits];
  if (list.length === 0) return undefined;
  return [{ title, edits: list, safe, preferred }];
}

/** Sets keys in the container's `securityContext`, creating it after the container's head keys. */
export function setContainerSecurity(model: KubernetesDocument, container: ContainerRef, entries: NewEntry[]): TextEdit[] | undefined {
  return editorFor(model).set(container.node, ['securityContext'], entries, CONTAINER_SECURITY_PLACEMENT);
}

/** Sets keys in the pod spec's `securityContext`, creating it above the container lists. */
export function setPodSecurity(model: KubernetesDocument, pod: PodSpecRef, entries: NewEntry[]): TextEdit[] | undefined {
  return editorFor(model).set(pod.spec, ['securityContext'], entries, POD_SPEC_PLACEMENT);
}

/** Sets keys of the pod spec itself (`automountServiceAccountToken`, `hostNetwork`…). */
export function setPodSpec(model: KubernetesDocument, spec: YAMLMap, entries: NewEntry[]): TextEdit[] | undefined {
  return editorFor(model).set(spec, [], entries, POD_SPEC_PLACEMENT);
}

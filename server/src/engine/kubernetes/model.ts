import type { Node, Pair, YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';
import { readYamlImage, type YamlImage } from '../yaml/image';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  node: YAMLMap;
  name?: string;
  group: ContainerGroup;
  /** The `- name: …` entry: where "missing …" findings for this container point. */
  anchorRange: Range;
}

export interface PodSpecRef {
  spec: YAMLMap;
  /** The kind of the object that holds this pod spec (`Deployment`, `CronJob`, a custom kind…). */
  ownerKind?: string;
  /** `spec.template.spec`, etc.: for messages and fixes. */
  path: string[];
  containers: ContainerRef[];
  /** Where "missing …" findings at pod level point (the `spec:` key of the pod spec). */
  anchorRange: Range;
}

/** One Kubernetes object (a document, or an item of `kind: List`). */
export interface KubernetesObject {
  node: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The `kind:` value: where object-level findings point by default. */
  anchorRange: Range;
  /** Pod specs of workloads (one for every workload kind; none for other kinds). */
  podSpecs: PodSpecRef[];
}

/**
 * Where each workload kind keeps its pod spec. Other kinds (custom resources: Knative
 * Service/Configuration/Revision, Argo Rollout, OpenShift DeploymentConfig, Kubeflow Notebook…)
 * count as workloads when `spec.template.spec` or `spec` holds a `containers` list: that is a
 * (partial) pod spec the controller turns into pods, and the same container checks apply.
 */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

/** The workload kinds of core Kubernetes, whose pod spec location is known. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/**
 * API groups whose objects carry `apiVersion` and `kind` but are tool configuration, not
 * manifests applied to a cluster (Kustomize's kustomization.yaml and components).
 */
const NOT_MANIFEST_API_GROUPS = ['kustomize.config.k8s.io/'];

/** Kinds that have `containers` but describe no runnable pod. */
const NOT_WORKLOADS = new Set(['PodSecurityPolicy', 'PodPreset', 'LimitRange', 'CustomResourceDefinition']);

export function readObject(view: YamlView, node: YAMLMap): KubernetesObject | undefined {
  const apiVersion = view.string(view.get(node, 'apiVersion'));
  const kind = view.string(view.get(node, 'kind'));
  if (!apiVersion || !kind) return undefined;
  if (NOT_MANIFEST_API_GROUPS.some((group) => apiVersion.startsWith(group))) return undefined;
  const metadata = view.map(view.get(node, 'metadata'));
  const anchorRange = view.range(view.get(node, 'kind')) ?? view.range(node)!;
  return {
    node,
    apiVersion,
    kind,
    name: view.string(view.get(metadata, 'name')),
    namespace: view.string(view.get(metadata, 'namespace')),
    anchorRange,
    podSpecs: findPodSpecs(view, node, kind),
  };
}

function findPodSpecs(view: YamlView, node: YAMLMap, kind: string): PodSpecRef[] {
  const known = POD_SPEC_PATHS[kind];
  const candidates: readonly (readonly string[])[] = known ? [known] : NOT_WORKLOADS.has(kind) ? [] : [['spec', 'template', 'spec'], ['spec']];
  for (const path of candidates) {
    const spec = view.map(view.path(node, ...path));
    if (!spec) continue;
    // Custom resources count only when they really hold a pod template (Knative, Argo Rollouts…).
    if (!known && !view.get(spec, 'containers')) continue;
    return [{ ...readPodSpec(view, node, spec, [...path]), ownerKind: kind }];
  }
  return [];
}

function readPodSpec(view: YamlView, objectNode: YAMLMap, spec: YAMLMap, path: string[]): PodSpecRef {
  const containers: ContainerRef[] = [];
  for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const item of view.items(view.get(spec, group))) {
      const container = view.map(item);
      if (!container) continue;
      const first = container.items[0] as Pair | undefined;
      containers.push({
        node: container,
        name: view.string(view.get(container, 'name')),
        group,
        anchorRange: view.keyRange(view.pair(container, 'name')) ?? view.keyRange(first) ?? view.range(container)!,
      });
    }
  }
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length > 0 ? view.map(view.path(objectNode, ...parentPath)) : objectNode;
  const anchorRange = view.keyRange(view.pair(parent, path[path.length - 1])) ?? view.range(spec)!;
  return { spec, path, containers, anchorRange };
}

/**
 * A security-context field as the kubelet applies it: the container's value, else the pod's.
 * Only fields that exist in PodSecurityContext fall back to the pod.
 */
export function effectiveSecurityField(view: YamlView, pod: PodSpecRef, container: ContainerRef, field: string): { node: Node; level: 'container' | 'pod' } | undefined {
  const own = view.path(container.node, 'securityContext', field);
  if (own !== undefined && !isNull(view, own)) return { node: own, level: 'container' };
  if (!POD_LEVEL_FIELDS.has(field)) return undefined;
  const inherited = view.path(pod.spec, 'securityContext', field);
  if (inherited !== undefined && !isNull(view, inherited)) return { node: inherited, level: 'pod' };
  return undefined;
}

const POD_LEVEL_FIELDS = new Set(['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions']);

function isNull(view: YamlView, node: Node): boolean {
  return view.string(node) === undefined && !view.map(node) && !view.seq(node);
}

/** The `kind: List` (and `…List`) items of a document, or the document itself as one object. */
export function readObjects(view: YamlView, root: YAMLMap): KubernetesObject[] {
  const top = readObject(view, root);
  if (!top) return [];
  const items = view.seq(view.get(root, 'items'));
  if (!(top.kind === 'List' || top.kind.endsWith('List')) || !items) return [top];
  const objects: KubernetesObject[] = [];
  for (const item of view.items(items)) {
    const map = view.map(item);
    const object = map && readObject(view, map);
    if (object) objects.push(object);
  }
  return objects.length > 0 ? objects : [top];
}

export interface ContainerInPod {
  object: KubernetesObject;
  pod: PodSpecRef;
  container: ContainerRef;
}

/** Every container (init, regular, ephemeral) of every pod spec of the document's objects. */
export function containersOf(objects: readonly KubernetesObject[]): ContainerInPod[] {
  return objects.flatMap((object) => object.podSpecs.flatMap((pod) => pod.containers.map((container) => ({ object, pod, container }))));
}

/** Every pod spec of the document's objects, with its object. */
export function podSpecsOf(objects: readonly KubernetesObject[]): Array<{ object: KubernetesObject; pod: PodSpecRef }> {
  return objects.flatMap((object) => object.podSpecs.map((pod) => ({ object, pod })));
}

/** `container "app"` / `init container "setup"` / `ephemeral container "debug"`, for messages. */
export function describeContainer(container: ContainerRef): string {
  const what = container.group === 'initContainers' ? 'init container' : container.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return container.name ? `${what} "${container.name}"` : what;
}

/** A pod spec declared for Windows nodes (`os.name: windows`): Linux user/capability settings do not apply. */
export function isWindowsPod(view: YamlView, pod: PodSpecRef): boolean {
  return view.string(view.path(pod.spec, 'os', 'name'))?.toLowerCase() === 'windows';
}

/** The container's image, read through the shared image-reference module. */
export function containerImage(view: YamlView, container: ContainerRef): YamlImage | undefined {
  return readYamlImage(view, view.get(container.node, 'image'), { compose: false });
}

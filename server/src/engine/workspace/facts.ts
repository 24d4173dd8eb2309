import type { Instruction } from 'dockerfile-ast';
import type { ComposeDocument } from '../compose/document';
import type { DockerfileModel } from '../dockerfile/model';
import type { KubernetesDocument } from '../kubernetes/document';
import { interpolate } from '../compose/interpolation';
import type { YamlView } from '../yaml/view';
import type { FileKind, Range } from '../types';

/**
 * What cross-file rules need to know about one file: small, plain data (no parse trees), so a
 * whole workspace's facts fit in memory and cross worker-thread boundaries.
 */
export interface FileFacts {
  /** Dockerfiles: COPY/ADD instructions that send the whole build context (`COPY . .`), at their source argument. */
  wholeContextCopies?: { instruction: string; range: Range }[];
  /** Compose: services that build an image. Paths as written, relative to the Compose file's directory. */
  builds?: { service: string; context: string; dockerfile: string; range: Range }[];
  /** Kubernetes: workloads (objects that run pods) with their pod labels. */
  workloads?: { kind: string; name?: string; namespace: string; labels: Record<string, string>; range: Range }[];
  /** Kubernetes: network policies; `namespace: '*'` for cluster-wide ones. */
  networkPolicies?: { kind: string; name?: string; namespace: string; selector: LabelSelector | 'all' }[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** One analysed file as cross-file rules see it. */
export interface WorkspaceFile {
  /** Absolute, `/`-separated. */
  path: string;
  kind: FileKind;
  facts: FileFacts;
}

export function dockerfileFacts(model: DockerfileModel): FileFacts {
  const copies: { instruction: string; range: Range }[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const source = wholeContextSource(instruction);
      if (source) copies.push({ instruction: keyword, range: source });
    }
  }
  return copies.length > 0 ? { wholeContextCopies: copies } : {};
}

function wholeContextSource(instruction: Instruction): Range | undefined {
  const flags = (instruction as unknown as { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
  if (flags.some((f) => f.getName() === 'from')) return undefined;
  const json = (instruction as unknown as { getJSONStrings?(): { getJSONValue(): string; getRange(): Range }[] }).getJSONStrings?.() ?? [];
  const sources = json.length > 0 ? json.slice(0, -1).map((s) => ({ value: s.getJSONValue(), range: s.getRange() })) : instruction.getArguments().slice(0, -1).map((a) => ({ value: a.getValue(), range: a.getRange() }));
  return sources.find((s) => /^(?:\.\/?|\.\/\.|\*)$/.test(s.value))?.range;
}

export function composeFacts(document: ComposeDocument): FileFacts {
  const { view } = document;
  const builds: NonNullable<FileFacts['builds']> = [];
  for (const service of document.services) {
    const pair = view.pair(service.node, 'build');
    if (!pair) continue;
    const value = view.resolve(pair.value);
    const asText = (node: unknown) => {
      const text = view.string(node);
      if (text === undefined) return undefined;
      const result = interpolate(text);
      return result.unresolved ? undefined : result.value;
    };
    let context: string | undefined;
    let dockerfile = 'Dockerfile';
    const map = view.map(value);
    if (map) {
      if (view.get(map, 'dockerfile_inline') !== undefined) continue;
      context = view.get(map, 'context') === undefined ? '.' : asText(view.get(map, 'context'));
      dockerfile = asText(view.get(map, 'dockerfile')) ?? 'Dockerfile';
    } else {
      context = asText(value);
    }
    // Remote contexts (git URLs, tarballs) are not in the workspace.
    if (!context || /^[a-z][a-z0-9+.-]*:\/\/|^git@|\.git(?:#|$)/i.test(context)) continue;
    builds.push({ service: service.name, context, dockerfile, range: view.keyRange(pair)! });
  }
  return builds.length > 0 ? { builds } : {};
}

export function kubernetesFacts(document: KubernetesDocument): FileFacts {
  const { view } = document;
  const workloads: NonNullable<FileFacts['workloads']> = [];
  const networkPolicies: NonNullable<FileFacts['networkPolicies']> = [];
  for (const object of document.objects) {
    const namespace = object.namespace ?? 'default';
    if (object.kind === 'NetworkPolicy' && object.apiVersion.startsWith('networking.k8s.io/')) {
      const selector = view.map(view.path(object.node, 'spec', 'podSelector'));
      networkPolicies.push({ kind: object.kind, name: object.name, namespace, selector: selector ? readSelector(view, selector) : 'all' });
    } else if (object.kind === 'CiliumNetworkPolicy') {
      const selector = view.map(view.path(object.node, 'spec', 'endpointSelector'));
      networkPolicies.push({ kind: object.kind, name: object.name, namespace, selector: selector ? readSelector(view, selector) : 'all' });
    } else if (/NetworkPolicy$/.test(object.kind)) {
      // Calico (`selector:` expressions), cluster-wide policies, AdminNetworkPolicy: counted as
      // covering everything they could cover, so the rule never flags what it cannot evaluate.
      const clusterWide = /^(?:Global|CiliumClusterwide|Admin|BaselineAdmin)/.test(object.kind);
      networkPolicies.push({ kind: object.kind, name: object.name, namespace: clusterWide ? '*' : namespace, selector: 'all' });
    }
    for (const pod of object.podSpecs) {
      if (object.kind === 'PodTemplate') continue;
      const templatePath = pod.path.slice(0, -1);
      const template = templatePath.length > 0 ? view.map(view.path(object.node, ...templatePath)) : object.node;
      const labels: Record<string, string> = {};
      for (const entry of view.entries(view.map(view.path(template, 'metadata', 'labels')))) {
        const key = view.string(entry.key);
        const value = view.string(entry.value);
        if (key !== undefined) labels[key] = value ?? '';
      }
      workloads.push({ kind: object.kind, name: object.name, namespace, labels, range: object.anchorRange });
    }
  }
  return { ...(workloads.length > 0 ? { workloads } : {}), ...(networkPolicies.length > 0 ? { networkPolicies } : {}) };
}

function readSelector(view: YamlView, selector: import('yaml').YAMLMap): LabelSelector {
  const matchLabels: Record<string, string> = {};
  for (const entry of view.entries(view.map(view.get(selector, 'matchLabels')))) {
    const key = view.string(entry.key);
    if (key !== undefined) matchLabels[key] = view.string(entry.value) ?? '';
  }
  const matchExpressions = view.items(view.get(selector, 'matchExpressions')).map((item) => {
    const map = view.map(item);
    return {
      key: view.string(view.get(map, 'key')) ?? '',
      operator: view.string(view.get(map, 'operator')) ?? '',
      values: view.items(view.get(map, 'values')).map((v) => view.string(v) ?? ''),
    };
  });
  return { matchLabels, matchExpressions };
}

/** Whether a label selector selects a pod with these labels (Kubernetes semantics). */
export function selects(selector: LabelSelector | 'all', labels: Record<string, string>): boolean {
  if (selector === 'all') return true;
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Merges the facts of a file's YAML documents (ranges already in file coordinates). */
export function mergeFacts(parts: FileFacts[]): FileFacts {
  const merged: FileFacts = {};
  for (const part of parts) {
    for (const key of Object.keys(part) as (keyof FileFacts)[]) {
      const list = part[key] as unknown[] | undefined;
      if (!list || list.length === 0) continue;
      (merged[key] as unknown[] | undefined) = [...((merged[key] as unknown[] | undefined) ?? []), ...list];
    }
  }
  return merged;
}

/** Moves every range in the facts down by `lines` (YAML documents after the first). */
export function shiftFacts(facts: FileFacts, lines: number): FileFacts {
  if (lines === 0) return facts;
  const shift = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  return {
    ...facts,
    ...(facts.wholeContextCopies ? { wholeContextCopies: facts.wholeContextCopies.map((c) => ({ ...c, range: shift(c.range) })) } : {}),
    ...(facts.builds ? { builds: facts.builds.map((b) => ({ ...b, range: shift(b.range) })) } : {}),
    ...(facts.workloads ? { workloads: facts.workloads.map((w) => ({ ...w, range: shift(w.range) })) } : {}),
  };
}

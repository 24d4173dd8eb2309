import { defineRule } from '../rule';
import type { YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import { describeContainer, type PodSpecRef } from '../kubernetes/model';
import { capitalize } from '../text/sentence';
import { isPodSpecFragment } from '../kubernetes/fragments';
import { servicePathValue } from '../compose/lookup';
import type { ComposeService } from '../compose/model';
import type { ComposeDocument } from '../compose/document';
import type { KubernetesDocument } from '../kubernetes/document';
import type { ContainerRef } from '../kubernetes/model';
import type { FixDefaults } from '../config';
import type { Fix } from '../types';
import { editorFor, oneFix } from '../kubernetes/fixes';
import { CONTAINER_HEAD, SERVICE_HEAD, type NewEntry } from '../yaml/edits';

/**
 * Fixes insert `bulkhead.fix.limits` (default cpu 500m, memory 512Mi, 200 processes) for what is
 * missing, never changing a value that is set. Kubernetes requests are set equal to the container's
 * limits, which is what Kubernetes assumes when requests are missing, so they change nothing. Safe
 * for fix-all: the values are the project's configured defaults (set them in `.bulkhead.yaml`).
 */
function kubernetesFix(model: KubernetesDocument, container: ContainerRef, missing: { limits: string[]; requests: string[] }, defaults: FixDefaults['limits']): Fix[] | undefined {
  const { view } = model;
  const limitsMap = view.map(view.path(container.node, 'resources', 'limits'));
  const value = (resource: 'cpu' | 'memory') => (resource === 'cpu' ? defaults.cpu : defaults.memory);
  const limits: NewEntry[] = [];
  const requests: NewEntry[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    if (missing.limits.includes(`limits.${resource}`)) limits.push([resource, value(resource)]);
    if (missing.requests.includes(`requests.${resource}`)) {
      // Equal to the limit in force: the one written (container level), else the one inserted.
      const limitNode = view.get(limitsMap, resource) as { range?: [number, number] } | undefined;
      const written = view.string(limitNode)?.trim() && limitNode?.range ? model.yaml.segment.text.slice(limitNode.range[0], limitNode.range[1]) : undefined;
      const request = missing.limits.includes(`limits.${resource}`) || !written ? value(resource) : written;
      if (!/^(?:[0-9A-Za-z.+-]+|"[0-9A-Za-z.+-]+"|'[0-9A-Za-z.+-]+')$/.test(request)) return undefined;
      requests.push([resource, request]);
    }
  }
  const entries: NewEntry[] = [];
  if (limits.length > 0) entries.push(['limits', limits]);
  if (requests.length > 0) entries.push(['requests', requests]);
  if (entries.length === 0) return undefined;
  const edits = editorFor(model).set(container.node, ['resources'], entries, { after: CONTAINER_HEAD });
  const describe = (list: NewEntry[]) => list.map(([k, v]) => `${k} ${v as string}`).join(', ');
  const title =
    limits.length > 0
      ? `Add resources.limits (${describe(limits)})${requests.length > 0 ? ' and equal requests' : ''}`
      : `Add resources.requests equal to the limits (${describe(requests)})`;
  return oneFix(title, edits, true);
}

/** `500m` → `0.5`, `2` → `2` (Compose `cpus` counts whole CPUs). */
export function composeCpus(cpu: string): string | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(cpu.trim());
  if (!m) return undefined;
  const value = m[2] === 'm' ? Number(m[1]) / 1000 : Number(m[1]);
  return value > 0 ? String(value) : undefined;
}

/** `512Mi` → `512M`, `1Gi` → `1G` (Compose byte units are powers of 1024 already). */
export function composeMemory(memory: string): string | undefined {
  const m = /^([0-9]+)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(memory.trim());
  if (!m) return undefined;
  return `${m[1]}${(m[2] ?? '').replace('i', '')}`;
}

/** Which of memory, cpu and pids a Compose service lacks (the keys of `missingComposeLimits`). */
function composeFix(model: ComposeDocument, service: ComposeService, missing: string[], defaults: FixDefaults['limits']): Fix[] | undefined {
  const { view } = model;
  const editor = editorFor(model);
  const cpus = composeCpus(defaults.cpu);
  const memory = composeMemory(defaults.memory);
  if (!cpus || !memory) return undefined;
  const lacks = (what: string) => missing.some((m) => m.startsWith(what));
  // Service-level keys when the service (or the file) writes them, else deploy.resources.limits (the Compose specification's place).
  const serviceLevel = ['mem_limit', 'cpus', 'pids_limit', 'cpu_quota'].some((k) => editor.ownPair(service.node, k)) || (!editor.ownPair(service.node, 'deploy') && /^\s+(?:mem_limit|pids_limit):/m.test(editor.text));
  const parts: string[] = [];
  const entries: NewEntry[] = [];
  if (lacks('memory')) {
    entries.push([serviceLevel ? 'mem_limit' : 'memory', memory]);
    parts.push(`memory ${memory}`);
  }
  if (lacks('CPU')) {
    entries.push(['cpus', `"${cpus}"`]);
    parts.push(`cpus ${cpus}`);
  }
  if (lacks('process')) {
    entries.push([serviceLevel ? 'pids_limit' : 'pids', String(defaults.pids)]);
    parts.push(`pids ${defaults.pids}`);
  }
  if (entries.length === 0) return undefined;
  const edits = serviceLevel ? editor.set(service.node, [], entries, { after: [...SERVICE_HEAD, 'mem_limit', 'memswap_limit', 'mem_reservation', 'cpus', 'cpu_quota', 'cpu_shares', 'pids_limit'] }) : editor.set(service.node, ['deploy', 'resources', 'limits'], entries, { after: SERVICE_HEAD });
  return oneFix(`Add ${serviceLevel ? 'limits' : 'deploy.resources.limits'} (${parts.join(', ')})`, edits, true);
}

/** A resource quantity counts when it has a value (`0` / empty do not bound anything). */
function hasQuantity(view: YamlView, map: YAMLMap | undefined, key: string): boolean {
  const value = view.string(view.get(map, key))?.trim();
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * Kubernetes: what a container (or init container) lacks of limits.memory, limits.cpu,
 * requests.memory and requests.cpu. Pod-level `spec.resources` (Kubernetes 1.32+) bound every
 * container, so they count for all of them. Requests are checked explicitly, as rules.md and the
 * peers (Checkov, KICS, kube-linter, Polaris) do: Kubernetes defaults a missing request to the
 * limit, so a container with both limits but no requests is reported at info level only.
 */
function missingResources(view: YamlView, pod: PodSpecRef, container: YAMLMap): { limits: string[]; requests: string[] } {
  const limits: string[] = [];
  const requests: string[] = [];
  for (const part of ['limits', 'requests'] as const) {
    const own = view.map(view.path(container, 'resources', part));
    const podLevel = view.map(view.path(pod.spec, 'resources', part));
    for (const resource of ['memory', 'cpu']) {
      if (hasQuantity(view, own, resource) || hasQuantity(view, podLevel, resource)) continue;
      (part === 'limits' ? limits : requests).push(`${part}.${resource}`);
    }
  }
  return { limits, requests };
}

/** Compose: memory, CPU and process-count limits, from `deploy.resources.limits` or the service-level keys. */
function missingComposeLimits(view: YamlView, service: ComposeService): string[] {
  const value = (...path: string[]) => servicePathValue(view, service, ...path);
  const set = (...path: string[]) => {
    const text = view.string(value(...path))?.trim();
    return text !== undefined && text !== '' && text !== '0';
  };
  const missing: string[] = [];
  if (!set('deploy', 'resources', 'limits', 'memory') && !set('mem_limit')) missing.push('memory limit (deploy.resources.limits.memory or mem_limit)');
  if (!set('deploy', 'resources', 'limits', 'cpus') && !set('cpus') && !set('cpu_quota')) missing.push('CPU limit (deploy.resources.limits.cpus or cpus)');
  // `pids_limit: -1` (and 0) mean unlimited.
  const pids = view.number(value('pids_limit')) ?? view.number(value('deploy', 'resources', 'limits', 'pids'));
  const pidsText = view.string(value('pids_limit')) ?? view.string(value('deploy', 'resources', 'limits', 'pids'));
  const pidsSet = pids !== undefined ? pids > 0 : pidsText !== undefined && pidsText.trim() !== '';
  if (!pidsSet) missing.push(pids !== undefined ? `process limit (pids_limit ${pids} means unlimited)` : 'process limit (pids_limit)');
  return missing;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default defineRule({
  id: 'missing-limits',
  title: 'No resource limits',
  description:
    'A container without memory, CPU (and, in Compose, process-count) limits can starve its neighbours or the whole node: one leak, fork bomb or busy loop becomes a denial of service.',
  severity: 'warning',
  kinds: ['compose', 'kubernetes'],
  peerIds: {
    checkov: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
    kics: ['cpus_not_limited', 'memory_not_limited', 'pids_limit_not_set', 'cpu_limits_not_set', 'cpu_requests_not_set', 'memory_limits_not_defined', 'memory_requests_not_defined'],
    trivy: ['KSV011', 'KSV015', 'KSV016', 'KSV018'],
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    polaris: ['cpuLimitsMissing', 'cpuRequestsMissing', 'memoryLimitsMissing', 'memoryRequestsMissing'],
  },
  howToFix:
    'Kubernetes: give every container and init container `resources.limits` and `resources.requests` for `memory` and `cpu`. Compose: set `deploy.resources.limits` (`memory`, `cpus`, `pids`) or `mem_limit`, `cpus` and `pids_limit`.',
  fixable: true,
  check: {
    kubernetes({ model, config, report }) {
      const { view } = model;
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          // A patch fragment gets its resources from the base it patches.
          if (isPodSpecFragment(view, pod)) continue;
          for (const container of pod.containers) {
            // Ephemeral containers may not set resources.
            if (container.group === 'ephemeralContainers') continue;
            const { limits, requests } = missingResources(view, pod, container.node);
            if (limits.length === 0 && requests.length === 0) continue;
            const who = capitalize(describeContainer(container));
            const fixes = kubernetesFix(model, container, { limits, requests }, config.fix.limits);
            if (limits.length > 0) {
              report({
                range: container.anchorRange,
                message: `${who} has no ${list([...limits, ...requests])}: without limits it can take all of the node's ${limits.some((l) => l.endsWith('memory')) ? 'memory' : 'CPU'} and starve every other pod.`,
                fixes,
              });
            } else {
              report({
                range: container.anchorRange,
                severity: 'info',
                message: `${who} has limits but no ${list(requests)}: Kubernetes then reserves the full limit; set requests to what the container needs.`,
                fixes,
              });
            }
          }
        }
      }
    },
    compose({ model, config, report }) {
      const { view } = model;
      for (const service of model.services) {
        const missing = missingComposeLimits(view, service);
        if (missing.length === 0) continue;
        report({
          fixes: composeFix(model, service, missing, config.fix.limits),
          range: service.anchorRange,
          message: `Service "${service.name}" has no ${list(missing)}: one leak or fork bomb can exhaust the host and take every other container with it.`,
        });
      }
    },
  },
});

import { defineRule } from '../rule';
import type { YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import { describeContainer, type PodSpecRef } from '../kubernetes/model';
import { capitalize } from '../text/sentence';
import { isPodSpecFragment } from '../kubernetes/fragments';
import { servicePathValue } from '../compose/lookup';
import type { ComposeService } from '../compose/model';

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
  fixable: false,
  check: {
    kubernetes({ model, report }) {
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
            if (limits.length > 0) {
              report({
                range: container.anchorRange,
                message: `${who} has no ${list([...limits, ...requests])}: without limits it can take all of the node's ${limits.some((l) => l.endsWith('memory')) ? 'memory' : 'CPU'} and starve every other pod.`,
              });
            } else {
              report({
                range: container.anchorRange,
                severity: 'info',
                message: `${who} has limits but no ${list(requests)}: Kubernetes then reserves the full limit; set requests to what the container needs.`,
              });
            }
          }
        }
      }
    },
    compose({ model, report }) {
      const { view } = model;
      for (const service of model.services) {
        const missing = missingComposeLimits(view, service);
        if (missing.length === 0) continue;
        report({
          range: service.anchorRange,
          message: `Service "${service.name}" has no ${list(missing)}: one leak or fork bomb can exhaust the host and take every other container with it.`,
        });
      }
    },
  },
});

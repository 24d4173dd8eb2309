import { defineRule } from '../rule';
import { pairRange } from '../yaml/pair-range';
import { isWindowsPod } from '../kubernetes/pod-template';
import { servicePathPair } from '../compose/lookup';

export default defineRule({
  id: 'writable-root-filesystem',
  title: 'Writable root file system',
  description:
    'A writable root file system lets an attacker who gets code execution drop tools, change binaries and persist in the container; a read-only one confines writes to the volumes you choose.',
  severity: 'warning',
  kinds: ['compose', 'kubernetes'],
  peerIds: { checkov: ['CKV_K8S_22'], kics: ['root_container_not_mounted_as_read_only'], trivy: ['KSV014'], kubeLinter: ['no-read-only-root-fs'], polaris: ['notReadOnlyRootFilesystem'] },
  howToFix:
    'Kubernetes: set `securityContext.readOnlyRootFilesystem: true` on every container and mount an `emptyDir` where the program must write (`/tmp`, caches). Compose: `read_only: true`, with `tmpfs:` for writable paths.',
  fixable: false,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          // Windows containers cannot have a read-only root file system.
          if (isWindowsPod(view, pod)) continue;
          for (const container of pod.containers) {
            const what = container.group === 'initContainers' ? 'Init container' : container.group === 'ephemeralContainers' ? 'Ephemeral container' : 'Container';
            const name = container.name ? ` "${container.name}"` : '';
            // readOnlyRootFilesystem exists only at container level.
            const pair = view.pair(view.map(view.get(container.node, 'securityContext')), 'readOnlyRootFilesystem');
            const value = view.bool(pair?.value);
            if (value === true) continue;
            if (pair && value === false) {
              report({ range: pairRange(view, pair)!, message: `${what}${name} sets readOnlyRootFilesystem: false: code running in it can change its binaries and persist.` });
            } else {
              report({ range: container.anchorRange, message: `${what}${name} does not set securityContext.readOnlyRootFilesystem: true, so its root file system is writable.` });
            }
          }
        }
      }
    },
    compose({ model, report }) {
      const { view } = model;
      for (const service of model.services) {
        const pair = servicePathPair(view, service, 'read_only');
        const value = view.bool(pair?.value);
        if (value === true) continue;
        if (pair && value === false && pair.key && service.node.items.includes(pair)) {
          report({ range: pairRange(view, pair)!, message: `Service "${service.name}" sets read_only: false: code running in it can change its binaries and persist.` });
        } else {
          report({ range: service.anchorRange, message: `Service "${service.name}" does not set read_only: true, so its root file system is writable.` });
        }
      }
    },
  },
});

import { defineRule } from '../rule';
import { pairRange } from '../yaml/pair-range';
import { describeContainer, isWindowsPod } from '../kubernetes/model';
import { serviceBool } from '../compose/model';
import { reportOnce } from '../yaml/report-once';
import { capitalize } from '../text/sentence';
import { isPodSpecFragment } from '../kubernetes/fragments';
import { editorFor, oneFix, setContainerSecurity } from '../kubernetes/fixes';
import { SERVICE_HEAD } from '../yaml/edits';

/** Not part of fix-all: a program that writes outside its volumes (`/tmp`, caches, pid files) fails until you mount a writable volume there. */
const K8S_TITLE = 'Set readOnlyRootFilesystem: true';
const COMPOSE_TITLE = 'Set read_only: true';

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
  fixable: true,
  check: {
    kubernetes({ model, report: reportAll }) {
      const { view } = model;
      // A securityContext shared through an anchor is one place in the file.
      const report = reportOnce(reportAll);
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          // Windows containers cannot have a read-only root file system.
          if (isWindowsPod(view, pod)) continue;
          const fragment = isPodSpecFragment(view, pod);
          for (const container of pod.containers) {
            const who = capitalize(describeContainer(container));
            // readOnlyRootFilesystem exists only at container level.
            const pair = view.pair(view.map(view.get(container.node, 'securityContext')), 'readOnlyRootFilesystem');
            const value = view.bool(pair?.value);
            if (value === true) continue;
            if (pair && value === false) {
              report({ range: pairRange(view, pair)!, message: `${who} sets readOnlyRootFilesystem: false: code running in it can change its binaries and persist.`, fixes: oneFix(K8S_TITLE, editorFor(model).replace(view.resolve(pair.value), 'true'), false) });
            } else if (!fragment) {
              const fixes = oneFix(K8S_TITLE, setContainerSecurity(model, container, [['readOnlyRootFilesystem', 'true']]), false);
              report({ range: container.anchorRange, message: `${who} does not set securityContext.readOnlyRootFilesystem: true, so its root file system is writable.`, fixes });
            }
          }
        }
      }
    },
    compose({ model, report }) {
      const { view } = model;
      for (const service of model.services) {
        const readOnly = serviceBool(view, service, 'read_only');
        if (readOnly?.value === true) continue;
        const pair = view.pair(service.node, 'read_only');
        if (readOnly?.value === false && pair && service.node.items.includes(pair)) {
          report({ range: pairRange(view, pair)!, message: `Service "${service.name}" sets read_only: false: code running in it can change its binaries and persist.`, fixes: oneFix(COMPOSE_TITLE, editorFor(model).replace(view.resolve(pair.value), 'true'), false) });
        } else {
          const fixes = oneFix(COMPOSE_TITLE, editorFor(model).set(service.node, [], [['read_only', 'true']], { after: SERVICE_HEAD }), false);
          report({ range: service.anchorRange, message: `Service "${service.name}" does not set read_only: true, so its root file system is writable.`, fixes });
        }
      }
    },
  },
});

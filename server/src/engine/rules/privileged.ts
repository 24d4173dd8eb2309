import { defineRule } from '../rule';
import { serviceBool } from '../compose/model';
import { containersOf, describeContainer } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import { editorFor, oneFix } from '../kubernetes/fixes';

/** Not part of fix-all: a workload that asks for privileged mode usually needs some of it (a device, a capability). */
const TITLE = 'Set privileged: false';

export default defineRule({
  id: 'privileged',
  title: 'Privileged container',
  description: 'A privileged container has every capability and every host device, with no seccomp or AppArmor confinement: root in it is root on the host.',
  severity: 'error',
  kinds: ['compose', 'kubernetes'],
  peerIds: { checkov: ['CKV_K8S_16'], kics: ['privileged_containers_enabled', 'privileged_container'], trivy: ['KSV017'], kubeLinter: ['privileged-container'], polaris: ['privilegeEscalationAllowed'] },
  howToFix: 'Remove `privileged: true` (Compose) / `securityContext.privileged: true` (Kubernetes). Grant the one capability or device the workload really needs instead (`cap_add`, `devices`, `capabilities.add`).',
  fixable: true,
  check: {
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        const privileged = serviceBool(view, service, 'privileged');
        const range = privileged?.value ? view.range(privileged.node) : undefined;
        if (range) once({ range, message: `Service "${service.name}" runs privileged: it gets every capability and host device, so root in the container is root on the host.`, fixes: oneFix(TITLE, editorFor(model).replace(privileged!.node, 'false'), false) });
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { container } of containersOf(model.objects)) {
        const node = view.path(container.node, 'securityContext', 'privileged');
        const range = view.bool(node) === true ? view.range(node) : undefined;
        if (range) once({ range, message: `The ${describeContainer(container)} runs privileged: it gets every capability and host device, so root in the container is root on the node.`, fixes: oneFix(TITLE, editorFor(model).replace(node, 'false'), false) });
      }
    },
  },
});

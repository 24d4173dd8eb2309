import type { Node } from 'yaml';
import { defineRule, type Report } from '../rule';
import { interpolatedText, servicePair, serviceItems } from '../compose/model';
import { containersOf, describeContainer, isWindowsPod } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';

/** The Pod Security Standards baseline: capabilities a container may add. */
export const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** Capabilities that amount to (or lead straight to) root on the host: reported as errors. */
export const DANGEROUS_CAPABILITIES = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'BPF', 'PERFMON']);

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are the same capability. */
export function capabilityName(text: string): string {
  return text.trim().toUpperCase().replace(/^CAP_/, '');
}

interface CapabilityItem {
  name: string;
  node: Node;
}

function readCapabilities(view: YamlView, items: Node[], compose: boolean): CapabilityItem[] {
  return items.flatMap((node) => {
    const written = view.string(node);
    const text = written !== undefined && compose ? interpolatedText(written) : written;
    return text === undefined || text.trim() === '' ? [] : [{ name: capabilityName(text), node }];
  });
}

/** Reports each added capability beyond the baseline; the dangerous ones as errors. */
function checkAdds(view: YamlView, adds: CapabilityItem[], who: string, report: (r: Report) => void): void {
  for (const add of adds) {
    if (BASELINE_CAPABILITIES.has(add.name)) continue;
    const range = view.range(add.node);
    if (!range) continue;
    const dangerous = DANGEROUS_CAPABILITIES.has(add.name);
    const what =
      add.name === 'ALL'
        ? 'ALL capabilities, which is root on the host in all but name'
        : dangerous
          ? `the capability ${add.name}, which leads straight to control of the host`
          : `the capability ${add.name}, which is beyond the Pod Security Standards baseline set`;
    report({ range, severity: dangerous ? 'error' : undefined, message: `${who} adds ${what}.` });
  }
}

export default defineRule({
  id: 'capabilities',
  title: 'Linux capabilities not minimised',
  description: "Capabilities beyond the default set widen what root in the container can do to the kernel and the host; dropping ALL leaves only the ones the workload asks for.",
  severity: 'warning',
  kinds: ['compose', 'kubernetes'],
  peerIds: {
    checkov: ['CKV_K8S_25', 'CKV_K8S_28', 'CKV_K8S_37', 'CKV_K8S_39'],
    kics: ['containers_with_added_capabilities', 'container_capabilities_unrestricted', 'containers_with_sys_admin_capabilities'],
    trivy: ['KSV003', 'KSV005', 'KSV022'],
    kubeLinter: ['drop-net-raw-capability'],
    polaris: ['dangerousCapabilities', 'insecureCapabilities'],
  },
  howToFix: 'Drop every capability and add back only what the workload needs: Kubernetes `securityContext.capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}`, Compose `cap_drop: [ALL]` with `cap_add` for the few needed. Never add ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, BPF or PERFMON.',
  fixable: false,
  check: {
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        const who = `Service "${service.name}"`;
        checkAdds(view, readCapabilities(view, serviceItems(view, service, 'cap_add'), true), who, once);
        const drops = readCapabilities(view, serviceItems(view, service, 'cap_drop'), true);
        // A base service in another file may drop them; it is not read.
        if (drops.some((d) => d.name === 'ALL') || service.extendsOtherFile) continue;
        const dropPair = servicePair(view, service, 'cap_drop');
        const range: Range = view.keyRange(dropPair) ?? service.anchorRange;
        once({ range, message: `${who} does not drop ALL capabilities (cap_drop: [ALL]): root in the container keeps the default set, including NET_RAW, MKNOD and SETUID.` });
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { pod, container } of containersOf(model.objects)) {
        if (isWindowsPod(view, pod)) continue;
        const who = `The ${describeContainer(container)}`;
        const capabilities = view.map(view.path(container.node, 'securityContext', 'capabilities'));
        checkAdds(view, readCapabilities(view, view.items(view.get(capabilities, 'add')), false), who, once);
        const drops = readCapabilities(view, view.items(view.get(capabilities, 'drop')), false);
        if (drops.some((d) => d.name === 'ALL')) continue;
        const range: Range = view.keyRange(view.pair(capabilities, 'drop')) ?? container.anchorRange;
        once({ range, message: `${who} does not drop ALL capabilities (securityContext.capabilities.drop: [ALL]): it keeps the runtime's default set, including NET_RAW and SETUID.` });
      }
    },
  },
});

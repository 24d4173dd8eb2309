import type { Node } from 'yaml';
import { defineRule, type Report } from '../rule';
import { interpolatedText, servicePair, serviceItems } from '../compose/model';
import { containersOf, describeContainer, isWindowsPod } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import type { YamlView } from '../yaml/view';
import type { Fix, Range } from '../types';
import { editorFor, oneFix, setContainerSecurity } from '../kubernetes/fixes';
import type { YamlEditor } from '../yaml/edits';
import type { YAMLMap, YAMLSeq } from 'yaml';

/**
 * Not part of fix-all: a process that binds a low port, changes file ownership or switches user
 * needs a capability back after `drop: [ALL]`, and a removed capability may be one the workload
 * uses. Both are offered one by one.
 */
const DROP_TITLE = 'Drop ALL capabilities';

/** Removes `item` from `seq` (the sequence of `pair` in `map`); the whole pair when it is the only item. */
function removeCapability(editor: YamlEditor, map: YAMLMap | undefined, key: string, seq: YAMLSeq | undefined, item: Node, name: string): Fix[] | undefined {
  if (!map || !seq || !seq.items.includes(item)) return undefined;
  const pair = editor.ownPair(map, key);
  const edit = seq.items.length > 1 ? editor.removeItem(seq, item) : pair ? editor.removePair(map, pair) : undefined;
  return oneFix(`Remove the capability ${name}`, edit, false);
}

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
function checkAdds(view: YamlView, adds: CapabilityItem[], who: string, report: (r: Report) => void, fixFor: (add: CapabilityItem) => Fix[] | undefined): void {
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
    report({ range, severity: dangerous ? 'error' : undefined, message: `${who} adds ${what}.`, fixes: dangerous ? fixFor(add) : undefined });
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
  fixable: true,
  check: {
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        const who = `Service "${service.name}"`;
        const editor = editorFor(model);
        checkAdds(view, readCapabilities(view, serviceItems(view, service, 'cap_add'), true), who, once, (add) => {
          const owner = [service, ...service.bases].find((s) => view.seq(view.get(s.node, 'cap_add'))?.items.includes(add.node));
          return owner && removeCapability(editor, owner.node, 'cap_add', view.seq(view.get(owner.node, 'cap_add')), add.node, add.name);
        });
        const drops = readCapabilities(view, serviceItems(view, service, 'cap_drop'), true);
        // A base service in another file may drop them; it is not read.
        if (drops.some((d) => d.name === 'ALL') || service.extendsOtherFile) continue;
        const dropPair = servicePair(view, service, 'cap_drop');
        const range: Range = view.keyRange(dropPair) ?? service.anchorRange;
        const own = editor.ownPair(service.node, 'cap_drop');
        const ownSeq = view.seq(own?.value);
        const edits = own ? (ownSeq ? editor.appendItem(ownSeq, 'ALL') : undefined) : editor.set(service.node, [], [['cap_drop', { seq: ['ALL'] }]], { before: ['cap_add'] });
        once({ range, message: `${who} does not drop ALL capabilities (cap_drop: [ALL]): root in the container keeps the default set, including NET_RAW, MKNOD and SETUID.`, fixes: oneFix(DROP_TITLE, edits, false) });
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { pod, container } of containersOf(model.objects)) {
        if (isWindowsPod(view, pod)) continue;
        const who = `The ${describeContainer(container)}`;
        const capabilities = view.map(view.path(container.node, 'securityContext', 'capabilities'));
        const editor = editorFor(model);
        const addSeq = view.seq(view.get(capabilities, 'add'));
        checkAdds(view, readCapabilities(view, view.items(addSeq), false), who, once, (add) => removeCapability(editor, capabilities, 'add', addSeq, add.node, add.name));
        const drops = readCapabilities(view, view.items(view.get(capabilities, 'drop')), false);
        if (drops.some((d) => d.name === 'ALL')) continue;
        const range: Range = view.keyRange(view.pair(capabilities, 'drop')) ?? container.anchorRange;
        const ownDrop = capabilities && editor.ownPair(capabilities, 'drop');
        const dropSeq = view.seq(ownDrop?.value);
        const edits = ownDrop ? (dropSeq ? editor.appendItem(dropSeq, 'ALL') : undefined) : setContainerSecurity(model, container, [['capabilities', [['drop', { seq: ['ALL'] }]]]]);
        once({ range, message: `${who} does not drop ALL capabilities (securityContext.capabilities.drop: [ALL]): it keeps the runtime's default set, including NET_RAW and SETUID.`, fixes: oneFix(DROP_TITLE, edits, false) });
      }
    },
  },
});

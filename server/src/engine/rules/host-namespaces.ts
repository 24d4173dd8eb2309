import { defineRule } from '../rule';
import { serviceText } from '../compose/model';
import { podSpecsOf } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import { editorFor, oneFix } from '../kubernetes/fixes';

/*
 * Fixes (offered one by one, not part of fix-all: a workload that shares a host namespace often
 * does so on purpose, e.g. a monitoring agent): Kubernetes sets the field to false; Compose removes
 * the `host` setting, where the service (or the base it extends) writes it.
 */

const KUBERNETES_FIELDS: Record<string, string> = {
  hostNetwork: "the node's network stack: it can bind node ports, reach services listening on localhost and sniff traffic",
  hostPID: "the node's process table: it can see, signal and ptrace every process on the node",
  hostIPC: "the node's IPC namespace: it can read and write other processes' shared memory",
};

const COMPOSE_FIELDS: Record<string, string> = {
  network_mode: "the host's network stack: it can bind host ports, reach services listening on localhost and sniff traffic",
  pid: "the host's process table: it can see, signal and ptrace every process on the host",
  ipc: "the host's IPC namespace: it can read and write other processes' shared memory",
  userns_mode: "the host's user namespace: user-namespace remapping is off, so root in the container is root on the host",
};

export default defineRule({
  id: 'host-namespaces',
  title: 'Host namespaces shared',
  description: "Sharing the host's network, process or IPC namespace removes the isolation between the container and everything else on the machine.",
  severity: 'error',
  kinds: ['compose', 'kubernetes'],
  peerIds: {
    checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
    kics: ['shared_host_network_namespace', 'shared_host_ipc_namespace', 'shared_host_pid_namespace', 'host_network_namespace_shared'],
    trivy: ['KSV008', 'KSV009', 'KSV010'],
    kubeLinter: ['host-network', 'host-pid', 'host-ipc'],
    polaris: ['hostNetworkSet', 'hostPIDSet', 'hostIPCSet'],
  },
  howToFix: 'Remove `hostNetwork`/`hostPID`/`hostIPC: true` (Kubernetes) or `network_mode`/`pid`/`ipc`/`userns_mode: host` (Compose). Publish ports instead of sharing the host network.',
  fixable: true,
  check: {
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        for (const [field, consequence] of Object.entries(COMPOSE_FIELDS)) {
          const value = serviceText(view, service, field);
          const range = value?.text.trim() === 'host' ? view.range(value.node) : undefined;
          if (!range) continue;
          const editor = editorFor(model);
          const owner = [service, ...service.bases].find((s) => view.resolve(editor.ownPair(s.node, field)?.value) === value!.node);
          const pair = owner && editor.ownPair(owner.node, field);
          const fixes = oneFix(`Remove ${field}: host`, owner && pair ? editor.removePair(owner.node, pair) : undefined, false);
          once({ range, message: `Service "${service.name}" sets ${field}: host and shares ${consequence}.`, fixes });
        }
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { object, pod } of podSpecsOf(model.objects)) {
        for (const [field, consequence] of Object.entries(KUBERNETES_FIELDS)) {
          const node = view.get(pod.spec, field);
          const range = view.bool(node) === true ? view.range(node) : undefined;
          const who = object.name ? `${object.kind} "${object.name}"` : object.kind;
          if (range) once({ range, message: `${who} sets ${field}: true; its pods share ${consequence}.`, fixes: oneFix(`Set ${field}: false`, editorFor(model).replace(node, 'false'), false) });
        }
      }
    },
  },
});

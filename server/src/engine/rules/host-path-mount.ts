import { defineRule } from '../rule';
import type { YAMLMap } from 'yaml';
import type { YamlView } from '../yaml/view';
import { assessHostPath, describeHostPathRisk, severityOfHostPath } from '../host/paths';
import { readHostMount } from '../compose/volumes';
import { serviceItems } from '../compose/model';
import { reportOnce } from '../yaml/report-once';

/** Kubernetes hostPath volumes: in pod specs, and PersistentVolumes (any pod that claims one gets the host path). */
function* hostPathVolumes(view: YamlView, volumes: Iterable<YAMLMap>): Generator<{ name?: string; hostPath: YAMLMap }> {
  for (const volume of volumes) {
    const hostPath = view.map(view.get(volume, 'hostPath'));
    if (hostPath) yield { name: view.string(view.get(volume, 'name')), hostPath };
  }
}

export default defineRule({
  id: 'host-path-mount',
  title: 'Host path mounted into a container',
  description:
    'A host directory mounted into a container breaks the file-system isolation between them: the Docker socket or a sensitive directory (/, /etc, /proc, /sys, /var/run…) is a direct path to root on the host.',
  severity: 'error',
  kinds: ['compose', 'kubernetes'],
  peerIds: {
    checkov: ['CKV_K8S_27'],
    kics: ['docker_socket_mounted_in_container', 'volume_has_sensitive_host_directory', 'docker_daemon_socket_is_exposed_to_containers', 'non_kube_system_pod_with_host_mount', 'workload_mounting_with_sensitive_os_directory'],
    trivy: ['KSV006', 'KSV023'],
    kubeLinter: ['docker-sock', 'container-runtime-sock', 'sensitive-host-mounts', 'writable-host-mount'],
  },
  howToFix:
    'Use a named volume (Compose) or an `emptyDir`/PersistentVolumeClaim (Kubernetes) instead. Never mount the Docker socket; if a host path is unavoidable, mount the narrowest directory read-only.',
  fixable: false,
  check: {
    kubernetes({ model, report: reportAll }) {
      const { view } = model;
      const report = reportOnce(reportAll);
      for (const object of model.objects) {
        const found: Array<{ name?: string; hostPath: YAMLMap; where: string; readOnly?: boolean }> = [];
        for (const pod of object.podSpecs) {
          const volumes = view.items(view.get(pod.spec, 'volumes')).map((v) => view.map(v)).filter((v): v is YAMLMap => v !== undefined);
          for (const v of hostPathVolumes(view, volumes)) {
            // Read-only when every container that mounts it mounts it read-only.
            const mounts = pod.containers.flatMap((c) => view.items(view.get(c.node, 'volumeMounts')).filter((m) => v.name !== undefined && view.string(view.get(view.map(m), 'name')) === v.name));
            const readOnly = mounts.length > 0 && mounts.every((m) => view.bool(view.get(view.map(m), 'readOnly')) === true);
            found.push({ ...v, readOnly, where: `The hostPath volume${v.name ? ` "${v.name}"` : ''} mounts` });
          }
        }
        if (object.kind === 'PersistentVolume') {
          const hostPath = view.map(view.path(object.node, 'spec', 'hostPath'));
          if (hostPath) found.push({ name: object.name, hostPath, where: `PersistentVolume${object.name ? ` "${object.name}"` : ''} gives any pod that claims it` });
        }
        for (const { hostPath, where, readOnly } of found) {
          const pathNode = view.get(hostPath, 'path');
          const path = view.string(pathNode);
          const range = view.range(pathNode) ?? view.range(hostPath);
          if (!range) continue;
          if (path === undefined) {
            report({ range, severity: 'warning', message: `${where} a host path.` });
            continue;
          }
          const risk = assessHostPath(path, readOnly);
          report({ range, severity: severityOfHostPath(risk), message: `${where} the host path ${path}: ${describeHostPathRisk(path, risk, readOnly)}.` });
        }
      }
    },
    compose({ model, report: reportAll }) {
      const { view } = model;
      // Compose merges volumes across `extends`; a mount written once (or through an anchor) is reported once.
      const report = reportOnce(reportAll);
      for (const service of model.services) {
        for (const item of serviceItems(view, service, 'volumes')) {
          const mount = readHostMount(view, item);
          if (!mount) continue;
          const shown = mount.resolved ?? mount.source;
          const risk = mount.resolved !== undefined ? assessHostPath(mount.resolved, mount.readOnly) : assessHostPath(mount.source, mount.readOnly);
          const detail = risk.level === 'other' && mount.resolved === undefined ? `a host directory set by a variable, which the container can read${mount.readOnly ? '' : ' and change'}` : describeHostPathRisk(shown, risk, mount.readOnly);
          report({ range: mount.range, severity: severityOfHostPath(risk), message: `Service "${service.name}" bind-mounts the host path ${mount.source}: ${detail}.` });
        }
      }
      // A named volume of the local driver with `o: bind` is a bind mount under another name.
      for (const pair of view.entries(view.map(view.get(model.root, 'volumes')))) {
        const volume = view.map(pair.value);
        const driver = view.string(view.get(volume, 'driver'));
        if (!volume || (driver !== undefined && driver !== 'local')) continue;
        const options = view.map(view.get(volume, 'driver_opts'));
        const bind = (view.string(view.get(options, 'o')) ?? '').split(',').some((o) => o.trim() === 'bind');
        const deviceNode = view.get(options, 'device');
        const device = view.string(deviceNode);
        const range = view.range(deviceNode);
        if (!bind || device === undefined || !range) continue;
        const risk = assessHostPath(device);
        report({
          range,
          severity: severityOfHostPath(risk),
          message: `Volume "${view.string(pair.key)}" binds the host path ${device} (local driver, o: bind), so every service using it mounts the host: ${describeHostPathRisk(device, risk)}.`,
        });
      }
    },
  },
});

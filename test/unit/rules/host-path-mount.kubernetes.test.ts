import rule from '../../../server/src/engine/rules/host-path-mount';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

const container = 'containers:\n- name: app\n  image: app:1.0\n';
const hostPath = (path: string, mounts = '') => `${container}${mounts}volumes:\n- name: host\n  hostPath:\n    path: ${path}\n`;
// The path value is on line 7 of the pod spec (line 4 + mounts), at column 11.
const pathSpan = (w: ReturnType<typeof workload>, path: string, extraLines = 0) => span(w, 7 + extraLines, 11, 11 + path.length);

ruleTester(rule, {
  valid: [
    ...inEveryWorkload(`${container}volumes:\n- name: cache\n  emptyDir: {}\n- name: data\n  persistentVolumeClaim: {claimName: data}\n- name: cfg\n  configMap: {name: cfg}\n`).map((w) => ({
      name: `${w.kind}: emptyDir, PVC and configMap volumes`,
      code: w.code,
      kind: 'kubernetes' as const,
    })),
    { name: 'a local PersistentVolume is not a hostPath', code: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity: {storage: 1Gi}\n  local:\n    path: /mnt/disks/ssd1\n', kind: 'kubernetes' },
    { name: 'a ConfigMap mentioning hostPath is not a pod', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  hostPath: /var/run/docker.sock\n', kind: 'kubernetes' },
  ],
  invalid: [
    ...inEveryWorkload(hostPath('/var/run/docker.sock')).map((w) => ({
      name: `${w.kind}: the Docker socket is an error, at the path`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...pathSpan(w, '/var/run/docker.sock'), severity: 'error' as const, message: 'The hostPath volume "host" mounts the host path /var/run/docker.sock: /var/run/docker.sock is the Docker socket' }],
    })),
    ...inEveryWorkload(hostPath('/data/app')).map((w) => ({
      name: `${w.kind}: any other host path is a warning`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...pathSpan(w, '/data/app'), severity: 'warning' as const, message: 'mounts the host path /data/app: the container can read and change /data/app on the host' }],
    })),
    ...[
      ['/', '/ is a sensitive host directory (the whole host file system)'],
      ['/etc', '/etc is a sensitive host directory'],
      ['/proc', '/proc is a sensitive host directory'],
      ['/sys/fs/cgroup', 'lies inside the sensitive host directory /sys'],
      ['/dev', 'is a sensitive host directory'],
      ['/boot', 'is a sensitive host directory'],
      ['/root/.ssh', 'lies inside the sensitive host directory /root'],
      ['/run/containerd/containerd.sock', 'is the containerd socket'],
      ['/var/lib/docker/containers', 'lies inside the sensitive host directory /var/lib/docker'],
      ['/var/lib/kubelet/pods', 'lies inside the sensitive host directory /var/lib/kubelet'],
      ['/var', 'contains the sensitive host directory /var/run'],
      ['/etc/../var/run/', 'is a sensitive host directory'],
    ].map(([path, message]) => {
      const w = workload('Deployment', hostPath(path));
      return { name: `sensitive: ${path}`, code: w.code, kind: 'kubernetes' as const, errors: [{ ...pathSpan(w, path), severity: 'error' as const, message }] };
    }),
    (() => {
      const mounts = '  volumeMounts:\n  - {name: host, mountPath: /etc/localtime, readOnly: true}\n';
      const w = workload('DaemonSet', hostPath('/etc/localtime', mounts));
      return { name: 'the time zone file mounted read-only is only a warning', code: w.code, kind: 'kubernetes' as const, errors: [{ ...pathSpan(w, '/etc/localtime', 2), severity: 'warning' as const, message: 'the container can read /etc/localtime on the host.' }] };
    })(),
    (() => {
      const mounts = '  volumeMounts:\n  - {name: host, mountPath: /etc/localtime}\n';
      const w = workload('DaemonSet', hostPath('/etc/localtime', mounts));
      return { name: 'the time zone file mounted writable is an error', code: w.code, kind: 'kubernetes' as const, errors: [{ ...pathSpan(w, '/etc/localtime', 2), severity: 'error' as const }] };
    })(),
    (() => {
      const w = workload('Pod', `${container}volumes:\n- name: logs\n  hostPath: {path: /var/log, type: Directory}\n- name: tmp\n  emptyDir: {}\n- name: sock\n  hostPath:\n    type: Socket\n    path: "/var/run/docker.sock"\n`);
      return {
        name: 'several volumes, flow and quoted styles',
        code: w.code,
        kind: 'kubernetes' as const,
        errors: [
          { ...span(w, 6, 20, 28), severity: 'warning' as const, message: '"logs"' },
          { ...span(w, 12, 11, 33), severity: 'error' as const, message: '"sock"' },
        ],
      };
    })(),
    {
      name: 'a PersistentVolume with hostPath: any pod that claims it gets the host path',
      code: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-001\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /boot\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 16, severity: 'error', message: 'PersistentVolume "pv-001" gives any pod that claims it the host path /boot' }],
    },
  ],
});

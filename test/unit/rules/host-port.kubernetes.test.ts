import rule from '../../../server/src/engine/rules/host-port';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

ruleTester(rule, {
  valid: [
    ...inEveryWorkload('containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    name: http\n').map((w) => ({ name: `${w.kind}: container ports only`, code: w.code, kind: 'kubernetes' as const })),
    { name: 'hostPort 0 means not set', code: workload('Pod', 'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - {containerPort: 80, hostPort: 0}\n').code, kind: 'kubernetes' },
    { name: 'a Service nodePort is not a hostPort', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n', kind: 'kubernetes' },
  ],
  invalid: [
    ...inEveryWorkload('containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n    hostPort: 8080\n').map((w) => ({
      name: `${w.kind}: hostPort, at the setting`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 6, 5, 19), severity: 'warning' as const, message: 'Container "web" binds host port 8080 (to container port 80)' }],
    })),
    (() => {
      const w = workload('DaemonSet', 'initContainers:\n- name: init\n  image: app:1.0\n  ports: [{containerPort: 9000, hostPort: 9000}]\ncontainers:\n- name: dns\n  image: coredns:1.11\n  ports:\n  - {containerPort: 53, hostPort: 53, protocol: UDP}\n  - {containerPort: 53, hostPort: 53, protocol: TCP}\n  - {containerPort: 9153}\n');
      return {
        name: 'init containers and several ports, flow style',
        code: w.code,
        kind: 'kubernetes' as const,
        errors: [
          { ...span(w, 4, 33, 47), message: 'Init container "init" binds host port 9000' },
          { ...span(w, 9, 25, 37), message: 'Container "dns" binds host port 53' },
          { ...span(w, 10, 25, 37) },
        ],
      };
    })(),
  ],
});

import rule from '../../../server/src/engine/rules/privileged';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('privileged: false', 'containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: false\n'),
    { name: 'no securityContext', code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n'), kind: 'kubernetes' },
    { name: 'PodSecurityPolicy is not a workload', code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\nspec:\n  privileged: true\n', kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('init and regular containers', 'initContainers:\n  - name: sysctl\n    image: busybox:1.36\n    securityContext:\n      privileged: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext: {privileged: true}\n', [
      { line: 5, column: 19, endLine: 5, endColumn: 23, severity: 'error', message: 'init container "sysctl" runs privileged' },
      { line: 9, column: 35, endLine: 9, endColumn: 39, message: 'container "app"' },
    ]),
    {
      name: 'multi-document file with a broken document',
      code: `apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n---\n${pod('  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n')}`,
      kind: 'kubernetes',
      errors: [{ line: 15, column: 21, endLine: 15, endColumn: 25 }],
    },
    {
      name: 'JSON manifest',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "nginx:1.27", "securityContext": {"privileged": true}}]}}\n',
      errors: [{ line: 2, column: 97, endLine: 2, endColumn: 101 }],
    },
    {
      name: 'anchors and merge keys: one place',
      code: pod('  containers:\n    - &c\n      name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n    - <<: *c\n      name: b\n'),
      kind: 'kubernetes',
      errors: [{ line: 11, column: 21, endLine: 11, endColumn: 25 }],
    },
  ],
});

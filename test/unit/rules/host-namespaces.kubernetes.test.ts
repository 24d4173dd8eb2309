import rule from '../../../server/src/engine/rules/host-namespaces';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('explicitly false', 'hostNetwork: false\nhostPID: false\nhostIPC: false\ncontainers:\n  - name: app\n    image: nginx:1.27\n'),
    { name: 'not set', code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n'), kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('hostNetwork, hostPID and hostIPC', 'hostNetwork: true\nhostPID: true\nhostIPC: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n', [
      { line: 1, column: 14, endLine: 1, endColumn: 18, severity: 'error', message: 'hostNetwork: true' },
      { line: 2, column: 10, endLine: 2, endColumn: 14, message: 'hostPID: true' },
      { line: 3, column: 10, endLine: 3, endColumn: 14, message: 'hostIPC: true' },
    ]),
    {
      name: 'multi-document file with a broken document',
      code: `apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: [\n---\n${pod('  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n')}`,
      kind: 'kubernetes',
      errors: [{ line: 11, column: 12, endLine: 11, endColumn: 16 }],
    },
    {
      name: 'JSON manifest',
      path: 'ds.json',
      code: '{"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "d"},\n "spec": {"template": {"spec": {"hostNetwork": true, "containers": [{"name": "a", "image": "nginx:1.27"}]}}}}\n',
      errors: [{ line: 2, column: 48, endLine: 2, endColumn: 52 }],
    },
    {
      name: 'kind: List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      hostIPC: true\n      containers: [{name: a, image: nginx}]\n',
      kind: 'kubernetes',
      errors: [{ line: 8, column: 16, endLine: 8, endColumn: 20 }],
    },
  ],
});

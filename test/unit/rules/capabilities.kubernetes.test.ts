import rule from '../../../server/src/engine/rules/capabilities';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('drop ALL and add a baseline capability', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      capabilities: {drop: [ALL]}\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]\n'),
    { name: 'shared through an anchor', code: pod('  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: &sc\n        capabilities: {drop: [ALL]}\n    - name: b\n      image: nginx:1.27\n      securityContext: *sc\n'), kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('nothing dropped on the init container; dangerous add on the container', 'initContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop: [ALL]\n        add: [SYS_ADMIN, IPC_LOCK, KILL]\n', [
      { line: 2, column: 5, endLine: 2, endColumn: 9, severity: 'warning', message: 'init container "init" does not drop ALL' },
      { line: 10, column: 15, endLine: 10, endColumn: 24, severity: 'error', message: 'SYS_ADMIN' },
      { line: 10, column: 26, endLine: 10, endColumn: 34, severity: 'warning', message: 'IPC_LOCK' },
    ]),
    {
      name: 'drop without ALL points at drop; pod-level securityContext has no capabilities',
      code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [NET_RAW]\n'),
      kind: 'kubernetes',
      errors: [{ line: 13, column: 11, endLine: 13, endColumn: 15 }],
    },
    {
      name: 'every dangerous capability is an error',
      code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [ALL, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, BPF, PERFMON]\n'),
      kind: 'kubernetes',
      errors: [
        { line: 12, column: 17, endLine: 12, endColumn: 20, severity: 'error' },
        { line: 12, column: 22, endLine: 12, endColumn: 31, severity: 'error' },
        { line: 12, column: 33, endLine: 12, endColumn: 43, severity: 'error' },
        { line: 12, column: 45, endLine: 12, endColumn: 55, severity: 'error' },
        { line: 12, column: 57, endLine: 12, endColumn: 72, severity: 'error' },
        { line: 12, column: 74, endLine: 12, endColumn: 77, severity: 'error' },
        { line: 12, column: 79, endLine: 12, endColumn: 86, severity: 'error' },
      ],
    },
    {
      name: 'multi-document file with a broken document',
      code: `kind: Pod\napiVersion: v1\nspec: {containers: [}\n---\n${pod('  containers:\n    - name: a\n      image: nginx:1.27\n')}`,
      kind: 'kubernetes',
      errors: [{ line: 11, column: 7, endLine: 11, endColumn: 11 }],
    },
    {
      name: 'JSON manifest',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "nginx:1.27",\n   "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_ADMIN"]}}}]}}\n',
      errors: [{ line: 3, column: 66, endLine: 3, endColumn: 77, severity: 'error' }],
    },
  ],
});

import rule from '../../../server/src/engine/rules/privilege-escalation';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('every container sets it', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {allowPrivilegeEscalation: false}\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n'),
    { name: 'shared through an anchor', code: pod('  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: &sc\n        allowPrivilegeEscalation: false\n    - name: b\n      image: nginx:1.27\n      securityContext: *sc\n'), kind: 'kubernetes' },
    { name: 'Windows pods', code: pod('  os: {name: windows}\n  containers:\n    - name: app\n      image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'), kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('missing on the init container, true on the container', 'initContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: true\n', [
      { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'init container "init" does not set' },
      { line: 8, column: 33, endLine: 8, endColumn: 37, message: 'allowPrivilegeEscalation: true' },
    ]),
    {
      name: 'pod-level securityContext has no such field: it does not count',
      code: pod('  securityContext:\n    allowPrivilegeEscalation: false\n  containers:\n    - name: app\n      image: nginx:1.27\n'),
      kind: 'kubernetes',
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 11 }],
    },
    {
      name: 'multi-document file with a broken document',
      code: `${pod('  containers:\n    - name: a\n      image: nginx:1.27\n')}---\nkind: [\n`,
      kind: 'kubernetes',
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 11 }],
    },
    {
      name: 'JSON manifest: points at "name"',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "nginx:1.27"}]}}\n',
      errors: [{ line: 2, column: 27, endLine: 2, endColumn: 33 }],
    },
  ],
});

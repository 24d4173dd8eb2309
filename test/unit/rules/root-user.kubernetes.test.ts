import rule from '../../../server/src/engine/rules/root-user';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('pod-level runAsNonRoot: true covers init and regular containers', 'securityContext:\n  runAsNonRoot: true\ninitContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n'),
    { name: 'container-level non-zero runAsUser', code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 10001\n'), kind: 'kubernetes' },
    { name: 'pod-level non-zero runAsUser', code: pod('  securityContext:\n    runAsUser: 1000\n  containers:\n    - name: app\n      image: nginx:1.27\n'), kind: 'kubernetes' },
    { name: 'a runAsUser placeholder is not known to be root', code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsUser: ${APP_UID}\n'), kind: 'kubernetes' },
    { name: 'Windows pods run as a Windows user', code: pod('  os:\n    name: windows\n  containers:\n    - name: app\n      image: mcr.microsoft.com/windows/servercore:ltsc2022\n'), kind: 'kubernetes' },
    { name: 'objects without pod specs', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n', kind: 'kubernetes' },
    { name: 'a securityContext shared through an anchor', code: pod('  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: &sc\n        runAsNonRoot: true\n    - name: b\n      image: nginx:1.27\n      securityContext: *sc\n'), kind: 'kubernetes' },
    { name: 'a securityContext merged with <<', code: pod('  containers:\n    - &base\n      name: a\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n    - <<: *base\n      name: b\n'), kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('no runAsNonRoot or runAsUser anywhere: points at the container\'s name', 'containers:\n  - name: app\n    image: nginx:1.27\n', [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'container "app" may run as root' }]),
    ...everyWorkload('pod-level runAsUser: 0 is reported once, for every container that inherits it', 'securityContext:\n  runAsUser: 0\ninitContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n', [{ line: 2, column: 14, endLine: 2, endColumn: 15, message: 'the pod securityContext sets runAsUser: 0' }]),
    ...everyWorkload('an init container without the pod-level setting', 'initContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      runAsNonRoot: true\n', [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'init container "init"' }]),
    {
      name: 'a container overrides the pod: runAsUser 0 and runAsNonRoot false',
      code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        runAsUser: 0\n    - name: b\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: false\n'),
      kind: 'kubernetes',
      errors: [
        { line: 12, column: 20, endLine: 12, endColumn: 21, message: 'its securityContext sets runAsUser: 0' },
        { line: 16, column: 23, endLine: 16, endColumn: 28, message: 'runAsNonRoot: false' },
      ],
    },
    {
      name: 'ephemeral containers too',
      code: pod('  securityContext:\n    runAsUser: 1000\n  containers:\n    - name: app\n      image: nginx:1.27\n  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n      securityContext:\n        runAsUser: 0\n'),
      kind: 'kubernetes',
      errors: [{ line: 15, column: 20, endLine: 15, endColumn: 21, message: 'ephemeral container "debug"' }],
    },
    {
      name: 'a container without a name: the first key of its entry',
      code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n        - image: gcr.io/knative-samples/helloworld-go\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 16 }],
    },
    {
      name: 'multi-document file: a broken document does not hide the others, positions are in the file',
      code: `${pod('  containers:\n    - name: a\n      image: nginx:1.27\n')}---\napiVersion: v1\nkind: Pod\nspec: [unclosed\n---\n${pod('  containers:\n    - name: c\n      image: nginx:1.27\n')}`,
      kind: 'kubernetes',
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11 },
        { line: 20, column: 7, endLine: 20, endColumn: 11 },
      ],
    },
    {
      name: 'JSON manifest',
      path: 'k8s/pod.json',
      code: '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p"},\n  "spec": {\n    "containers": [\n      {"name": "app", "image": "nginx:1.27", "securityContext": {"runAsUser": 0}}\n    ]\n  }\n}\n',
      errors: [{ line: 7, column: 79, endLine: 7, endColumn: 80 }],
    },
    {
      name: 'kind: List items',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: b}\n    spec:\n      template:\n        spec:\n          securityContext: {runAsNonRoot: true}\n          containers:\n            - name: b\n              image: nginx:1.27\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 15 }],
    },
    {
      name: 'a root securityContext shared through an anchor is one place',
      code: pod('  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: &sc\n        runAsUser: 0\n    - name: b\n      image: nginx:1.27\n      securityContext:\n        <<: *sc\n'),
      kind: 'kubernetes',
      errors: [{ line: 10, column: 20, endLine: 10, endColumn: 21 }],
    },
  ],
});

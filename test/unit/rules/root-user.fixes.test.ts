import rule from '../../../server/src/engine/rules/root-user';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "2 spaces, non-indented sequence: securityContext created after image/ports, before volumeMounts; comments kept",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app # the web server\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n    # mounts\n    volumeMounts:\n    - name: data\n      mountPath: /data\n",
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 9, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app # the web server\n    image: nginx:1.27\n    ports:\n    - containerPort: 8080\n    securityContext:\n      runAsNonRoot: true\n      runAsUser: 10001\n    # mounts\n    volumeMounts:\n    - name: data\n      mountPath: /data\n",
    },
    {
      name: "4 spaces, indented sequence",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        - name: app\n          image: nginx:1.27\n",
      errors: [
        { line: 7, column: 11, endLine: 7, endColumn: 15, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        - name: app\n          image: nginx:1.27\n          securityContext:\n              runAsNonRoot: true\n              runAsUser: 10001\n",
    },
    {
      name: "merges into an existing securityContext, replacing runAsNonRoot: false",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: false  # legacy\n        readOnlyRootFilesystem: true\n",
      errors: [
        { line: 10, column: 23, endLine: 10, endColumn: 28, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true  # legacy\n        readOnlyRootFilesystem: true\n        runAsUser: 10001\n",
    },
    {
      name: "pod-level runAsUser: 0 is fixed in the pod securityContext",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n      image: nginx:1.27\n",
      errors: [
        { line: 7, column: 16, endLine: 7, endColumn: 17, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n",
    },
    {
      name: "securityContext: {} is filled in block style",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: {}\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n",
    },
    {
      name: "multi-document: only the second document changes",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: b\n      image: nginx:1.27\n",
      errors: [
        { line: 18, column: 7, endLine: 18, endColumn: 11, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: b\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n",
    },
    {
      name: "CronJob nesting",
      kind: 'kubernetes',
      code: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n              image: busybox:1.36\n              command: [\"sh\", \"-c\", \"date\"]\n",
      errors: [
        { line: 13, column: 15, endLine: 13, endColumn: 19, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n              image: busybox:1.36\n              command: [\"sh\", \"-c\", \"date\"]\n              securityContext:\n                runAsNonRoot: true\n                runAsUser: 10001\n",
    },
    {
      name: "flow-style container: no fix rather than broken YAML",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - {name: app, image: nginx:1.27}\n",
      errors: [
        { line: 7, column: 8, endLine: 7, endColumn: 12, fix: null },
      ],
      output: null,
    },
    {
      name: "flow-style securityContext with content: no fix",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: {readOnlyRootFilesystem: true}\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: null },
      ],
      output: null,
    },
    {
      name: "CRLF line breaks are kept",
      kind: 'kubernetes',
      code: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n      securityContext:\r\n        runAsNonRoot: true\r\n        runAsUser: 10001\r\n",
    },
    {
      name: "compose user root",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    user: root # needs port 80\n  db:\n    image: postgres:16\n    user: '0:0'\n",
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 15, fix: "Run as non-root user 10001", safe: false },
        { line: 7, column: 11, endLine: 7, endColumn: 16, fix: "Run as non-root user 10001", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    user: \"10001:10001\" # needs port 80\n  db:\n    image: postgres:16\n    user: '10001:10001'\n",
    },
  ],
});

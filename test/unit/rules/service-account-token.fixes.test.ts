import rule from '../../../server/src/engine/rules/service-account-token';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "missing: added above containers; true: set to false",
      kind: 'kubernetes',
      code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: reader\n  automountServiceAccountToken: true\n  containers:\n    - name: app\n      image: nginx:1.27\n",
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 9, fix: "Set automountServiceAccountToken: false", safe: false },
        { line: 18, column: 3, endLine: 18, endColumn: 37, fix: "Set automountServiceAccountToken: false", safe: false },
      ],
      output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      automountServiceAccountToken: false\n      containers:\n        - name: app\n          image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: reader\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: nginx:1.27\n",
    },
    {
      name: "comment above containers stays with containers",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  # the app\n  containers:\n    - name: app\n      image: nginx:1.27\n",
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, fix: "Set automountServiceAccountToken: false", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  # the app\n  containers:\n    - name: app\n      image: nginx:1.27\n",
    },
    {
      name: "CronJob nesting",
      kind: 'kubernetes',
      code: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n              image: busybox:1.36\n",
      errors: [
        { line: 10, column: 9, endLine: 10, endColumn: 13, fix: "Set automountServiceAccountToken: false", safe: false },
      ],
      output: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          automountServiceAccountToken: false\n          containers:\n            - name: job\n              image: busybox:1.36\n",
    },
    {
      name: "4 spaces",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    securityContext:\n        runAsNonRoot: true\n    containers:\n        - name: app\n          image: nginx:1.27\n",
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, fix: "Set automountServiceAccountToken: false", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    securityContext:\n        runAsNonRoot: true\n    automountServiceAccountToken: false\n    containers:\n        - name: app\n          image: nginx:1.27\n",
    },
  ],
});

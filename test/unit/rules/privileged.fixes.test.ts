import rule from '../../../server/src/engine/rules/privileged';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s privileged",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true # for the GPU\n",
      errors: [
        { line: 10, column: 21, endLine: 10, endColumn: 25, fix: "Set privileged: false", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false # for the GPU\n",
    },
    {
      name: "compose privileged",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n",
      errors: [
        { line: 4, column: 17, endLine: 4, endColumn: 21, fix: "Set privileged: false", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    privileged: false\n",
    },
  ],
});

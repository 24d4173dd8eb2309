import rule from '../../../server/src/engine/rules/writable-root-filesystem';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s missing and false",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n    - name: side\n      image: busybox:1.36\n      securityContext:\n        readOnlyRootFilesystem: false\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Set readOnlyRootFilesystem: true", safe: false },
        { line: 12, column: 9, endLine: 12, endColumn: 38, fix: "Set readOnlyRootFilesystem: true", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n    - name: side\n      image: busybox:1.36\n      securityContext:\n        readOnlyRootFilesystem: true\n",
    },
    {
      name: "compose read_only",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports: [\"80:80\"]\n  db:\n    image: postgres:16\n    read_only: false\n",
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, fix: "Set read_only: true", safe: false },
        { line: 8, column: 5, endLine: 8, endColumn: 21, fix: "Set read_only: true", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    restart: always\n    read_only: true\n    ports: [\"80:80\"]\n  db:\n    image: postgres:16\n    read_only: true\n",
    },
  ],
});

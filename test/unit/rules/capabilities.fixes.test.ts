import rule from '../../../server/src/engine/rules/capabilities';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s: drop created inside an existing securityContext; dangerous add removed",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n    - name: net\n      image: net:1.0\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add:\n            - NET_ADMIN\n            - NET_BIND_SERVICE\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Drop ALL capabilities", safe: false },
        { line: 17, column: 15, endLine: 17, endColumn: 24, fix: "Remove the capability NET_ADMIN", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n        capabilities:\n          drop:\n            - ALL\n    - name: net\n      image: net:1.0\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add:\n            - NET_BIND_SERVICE\n",
    },
    {
      name: "k8s: drop without ALL gets ALL appended",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [NET_RAW]\n          add: [SYS_ADMIN, CHOWN]\n",
      errors: [
        { line: 11, column: 11, endLine: 11, endColumn: 15, fix: "Drop ALL capabilities", safe: false },
        { line: 12, column: 17, endLine: 12, endColumn: 26, fix: "Remove the capability SYS_ADMIN", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [NET_RAW, ALL]\n          add: [CHOWN]\n",
    },
    {
      name: "compose cap_drop and cap_add",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - SYS_ADMIN\n  vpn:\n    image: vpn:1.0\n    cap_drop: [NET_RAW]\n    cap_add: [NET_ADMIN, NET_BIND_SERVICE]\n",
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, fix: "Drop ALL capabilities", safe: false },
        { line: 5, column: 9, endLine: 5, endColumn: 18, fix: "Remove the capability SYS_ADMIN", safe: false },
        { line: 8, column: 5, endLine: 8, endColumn: 13, fix: "Drop ALL capabilities", safe: false },
        { line: 9, column: 15, endLine: 9, endColumn: 24, fix: "Remove the capability NET_ADMIN", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n    cap_add:\n      - SYS_ADMIN\n  vpn:\n    image: vpn:1.0\n    cap_drop: [NET_RAW, ALL]\n    cap_add: [NET_BIND_SERVICE]\n",
    },
    {
      name: "JSON manifest: ALL is appended to the flow sequence in JSON style",
      kind: 'kubernetes',
      code: "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},\n \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1.27\",\n   \"securityContext\": {\"capabilities\": {\"drop\": [\"NET_RAW\"]}}}]}}\n",
      errors: [
        { line: 3, column: 41, endLine: 3, endColumn: 47, fix: "Drop ALL capabilities", safe: false },
      ],
      output: "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},\n \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1.27\",\n   \"securityContext\": {\"capabilities\": {\"drop\": [\"NET_RAW\", \"ALL\"]}}}]}}\n",
    },
  ],
});

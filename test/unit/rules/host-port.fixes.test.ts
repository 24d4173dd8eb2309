import rule from '../../../server/src/engine/rules/host-port';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "hostPort removed; a port item holding only hostPort gets no fix",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 8080\n          hostPort: 80 # legacy\n          protocol: TCP\n        - hostPort: 443\n",
      errors: [
        { line: 11, column: 11, endLine: 11, endColumn: 23, fix: "Remove hostPort", safe: false },
        { line: 13, column: 11, endLine: 13, endColumn: 24, fix: null },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 8080\n          protocol: TCP\n        - hostPort: 443\n",
    },
    {
      name: "4 spaces, non-indented ports",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n    -   name: app\n        image: nginx:1.27\n        ports:\n        -   containerPort: 8080\n            hostPort: 8080\n",
      errors: [
        { line: 11, column: 13, endLine: 11, endColumn: 27, fix: "Remove hostPort", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n    -   name: app\n        image: nginx:1.27\n        ports:\n        -   containerPort: 8080\n",
    },
    {
      name: "4 spaces: hostPort removed after, before and inside a flow mapping; comment lines kept",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        - name: app\n          image: nginx:1.27\n          ports:\n              - containerPort: 8080\n                hostPort: 80 # legacy LB\n                protocol: TCP\n              - hostPort: 443\n                containerPort: 8443\n              - {containerPort: 9090, hostPort: 9090}\n",
      errors: [
        { line: 11, column: 17, endLine: 11, endColumn: 29, fix: "Remove hostPort", safe: false },
        { line: 13, column: 17, endLine: 13, endColumn: 30, fix: "Remove hostPort", safe: false },
        { line: 15, column: 39, endLine: 15, endColumn: 53, fix: "Remove hostPort", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        - name: app\n          image: nginx:1.27\n          ports:\n              - containerPort: 8080\n                protocol: TCP\n              - containerPort: 8443\n              - {containerPort: 9090}\n",
    },
  ],
});

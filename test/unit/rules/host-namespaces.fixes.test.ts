import rule from '../../../server/src/engine/rules/host-namespaces';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s hostNetwork and hostPID set to false",
      kind: 'kubernetes',
      code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true  # node exporter\n      hostPID: true\n      containers:\n        - name: app\n          image: nginx:1.27\n",
      errors: [
        { line: 8, column: 20, endLine: 8, endColumn: 24, fix: "Set hostNetwork: false", safe: false },
        { line: 9, column: 16, endLine: 9, endColumn: 20, fix: "Set hostPID: false", safe: false },
      ],
      output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: false  # node exporter\n      hostPID: false\n      containers:\n        - name: app\n          image: nginx:1.27\n",
    },
    {
      name: "compose network_mode/pid host removed; a pair of a flow service is removed",
      kind: 'compose',
      code: "services:\n  agent:\n    image: agent:1.0\n    network_mode: host\n    pid: \"host\"\n    restart: always\n  other: {image: nginx:1.27, ipc: host}\n",
      errors: [
        { line: 4, column: 19, endLine: 4, endColumn: 23, fix: "Remove network_mode: host", safe: false },
        { line: 5, column: 10, endLine: 5, endColumn: 16, fix: "Remove pid: host", safe: false },
        { line: 7, column: 35, endLine: 7, endColumn: 39, fix: "Remove ipc: host", safe: false },
      ],
      output: "services:\n  agent:\n    image: agent:1.0\n    restart: always\n  other: {image: nginx:1.27}\n",
    },
    {
      name: "k8s multi-document: the other document is untouched",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n  containers:\n    - name: b\n      image: nginx:1.27\n",
      errors: [
        { line: 15, column: 12, endLine: 15, endColumn: 16, fix: "Set hostIPC: false", safe: false },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: false\n  containers:\n    - name: b\n      image: nginx:1.27\n",
    },
    {
      name: "compose: the host setting is removed with its comment; merged or only keys get no fix",
      kind: 'compose',
      code: "x-base: &base\n  image: busybox:1.36\n  pid: host\nservices:\n  web:\n    image: nginx:1.27\n    network_mode: \"host\" # needs multicast\n    ipc: host\n  worker:\n    <<: *base\n    command: run\n  solo:\n    network_mode: host\n",
      errors: [
        { line: 3, column: 8, endLine: 3, endColumn: 12, fix: null },
        { line: 7, column: 19, endLine: 7, endColumn: 25, fix: "Remove network_mode: host", safe: false },
        { line: 8, column: 10, endLine: 8, endColumn: 14, fix: "Remove ipc: host", safe: false },
        { line: 13, column: 19, endLine: 13, endColumn: 23, fix: null },
      ],
      output: "x-base: &base\n  image: busybox:1.36\n  pid: host\nservices:\n  web:\n    image: nginx:1.27\n  worker:\n    <<: *base\n    command: run\n  solo:\n    network_mode: host\n",
    },
    {
      name: "an anchored value shared through an alias is not rewritten",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: &on true\n  hostIPC: *on\n  containers:\n    - name: a\n      image: nginx:1.27\n",
      errors: [
        { line: 6, column: 16, endLine: 6, endColumn: 20, fix: null },
      ],
      output: null,
    },
  ],
});

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
      name: "compose network_mode/pid host removed; a lone key in a flow service gets no fix",
      kind: 'compose',
      code: "services:\n  agent:\n    image: agent:1.0\n    network_mode: host\n    pid: \"host\"\n    restart: always\n  other: {image: nginx:1.27, ipc: host}\n",
      errors: [
        { line: 4, column: 19, endLine: 4, endColumn: 23, fix: "Remove network_mode: host", safe: false },
        { line: 5, column: 10, endLine: 5, endColumn: 16, fix: "Remove pid: host", safe: false },
        { line: 7, column: 35, endLine: 7, endColumn: 39, fix: null },
      ],
      output: "services:\n  agent:\n    image: agent:1.0\n    restart: always\n  other: {image: nginx:1.27, ipc: host}\n",
    },
  ],
});

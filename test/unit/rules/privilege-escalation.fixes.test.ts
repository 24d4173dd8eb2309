import rule from '../../../server/src/engine/rules/privilege-escalation';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s missing and true, init container",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: true\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Set allowPrivilegeEscalation: false", safe: true },
        { line: 13, column: 35, endLine: 13, endColumn: 39, fix: "Set allowPrivilegeEscalation: false", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      image: busybox:1.36\n      securityContext:\n        allowPrivilegeEscalation: false\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n",
    },
    {
      name: "compose: new key, block and flow sequences, false value",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n  api:\n    image: api:1.0\n    security_opt:\n      - label:type:svirt_t\n  db:\n    image: postgres:16\n    security_opt: [apparmor:docker-default]\n  old:\n    image: old:1.0\n    security_opt:\n      - no-new-privileges:false\n",
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, fix: "Add security_opt no-new-privileges:true", safe: true },
        { line: 6, column: 3, endLine: 6, endColumn: 6, fix: "Add security_opt no-new-privileges:true", safe: true },
        { line: 10, column: 3, endLine: 10, endColumn: 5, fix: "Add security_opt no-new-privileges:true", safe: true },
        { line: 16, column: 9, endLine: 16, endColumn: 32, fix: "Set no-new-privileges:true", safe: true },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n    ports:\n      - \"8080:80\"\n  api:\n    image: api:1.0\n    security_opt:\n      - label:type:svirt_t\n      - no-new-privileges:true\n  db:\n    image: postgres:16\n    security_opt: [apparmor:docker-default, \"no-new-privileges:true\"]\n  old:\n    image: old:1.0\n    security_opt:\n      - no-new-privileges:true\n",
    },
    {
      name: "JSON manifest: no fix (flow mappings are not restructured)",
      kind: 'kubernetes',
      code: "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},\n \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1.27\"}]}}\n",
      errors: [
        { line: 2, column: 27, endLine: 2, endColumn: 33, fix: null },
      ],
      output: null,
    },
    {
      name: "merge key: a securityContext that comes from <<: *defaults is not shadowed",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - &base\n      name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n    - <<: *base\n      name: other\n",
      errors: [
        { line: 8, column: 7, endLine: 8, endColumn: 11, fix: "Set allowPrivilegeEscalation: false", safe: true },
        { line: 13, column: 7, endLine: 13, endColumn: 11, fix: null },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - &base\n      name: app\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n    - <<: *base\n      name: other\n",
    },
  ],
});

import rule from '../../../server/src/engine/rules/security-profile';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "pod-level seccompProfile created; merged into an existing pod securityContext",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n",
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, fix: "Set seccompProfile type RuntimeDefault", safe: true },
        { line: 14, column: 1, endLine: 14, endColumn: 5, fix: "Set seccompProfile type RuntimeDefault", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: nginx:1.27\n",
    },
    {
      name: "container-level: another container sets a profile; Unconfined replaced",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: Unconfined\n    - name: side\n      image: busybox:1.36\n",
      errors: [
        { line: 11, column: 17, endLine: 11, endColumn: 27, fix: "Set seccompProfile type RuntimeDefault", safe: false },
        { line: 12, column: 7, endLine: 12, endColumn: 11, fix: "Set seccompProfile type RuntimeDefault", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n    - name: side\n      image: busybox:1.36\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n",
    },
    {
      name: "compose seccomp:unconfined removed",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n  debug:\n    image: busybox:1.36\n    security_opt: [\"apparmor:unconfined\"]\n    restart: \"no\"\n",
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, fix: "Remove seccomp:unconfined from security_opt", safe: false },
        { line: 9, column: 20, endLine: 9, endColumn: 41, fix: "Remove apparmor:unconfined from security_opt", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n  debug:\n    image: busybox:1.36\n    restart: \"no\"\n",
    },
    {
      name: "4 spaces: merged into the existing pod securityContext",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    securityContext:\n        runAsNonRoot: true\n    containers:\n        - name: app\n          image: nginx:1.27\n",
      errors: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, fix: "Set seccompProfile type RuntimeDefault", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n            type: RuntimeDefault\n    containers:\n        - name: app\n          image: nginx:1.27\n",
    },
    {
      name: "compose: unconfined options removed from block and flow security_opt; an only option removes the key",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:unconfined # strace\n      - apparmor=unconfined\n  db:\n    image: postgres:16\n    security_opt: [\"seccomp=unconfined\"]\n    restart: always\n  cache:\n    image: redis:7\n    security_opt: [label:disable, no-new-privileges:true]\n",
      errors: [
        { line: 6, column: 9, endLine: 6, endColumn: 27, fix: "Remove seccomp:unconfined from security_opt", safe: false },
        { line: 7, column: 9, endLine: 7, endColumn: 28, fix: "Remove apparmor=unconfined from security_opt", safe: false },
        { line: 10, column: 20, endLine: 10, endColumn: 40, fix: "Remove seccomp=unconfined from security_opt", safe: false },
        { line: 14, column: 20, endLine: 14, endColumn: 33, fix: "Remove label:disable from security_opt", safe: false },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n  db:\n    image: postgres:16\n    restart: always\n  cache:\n    image: redis:7\n    security_opt: [no-new-privileges:true]\n",
    },
  ],
});

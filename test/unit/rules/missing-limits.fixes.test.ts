import rule from '../../../server/src/engine/rules/missing-limits';
import { ruleTester } from '../../helpers/rule-tester';

// Quick fixes for Compose and Kubernetes: the exact text after each finding's preferred fix.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "k8s: none, partial limits, requests only missing",
      kind: 'kubernetes',
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n      securityContext:\n        runAsNonRoot: true\n    - name: half\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 1Gi\n    - name: limited\n      image: nginx:1.27\n      resources:\n        limits: {cpu: \"1\", memory: 256Mi}\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Add resources.limits (cpu 500m, memory 512Mi) and equal requests", safe: true },
        { line: 13, column: 7, endLine: 13, endColumn: 11, fix: "Add resources.limits (cpu 500m) and equal requests", safe: true },
        { line: 18, column: 7, endLine: 18, endColumn: 11, fix: "Add resources.requests equal to the limits (cpu \"1\", memory 256Mi)", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n      resources:\n        limits:\n          cpu: 500m\n          memory: 512Mi\n        requests:\n          cpu: 500m\n          memory: 512Mi\n      securityContext:\n        runAsNonRoot: true\n    - name: half\n      image: nginx:1.27\n      resources:\n        limits:\n          memory: 1Gi\n          cpu: 500m\n        requests:\n          cpu: 500m\n          memory: 1Gi\n    - name: limited\n      image: nginx:1.27\n      resources:\n        limits: {cpu: \"1\", memory: 256Mi}\n        requests:\n          cpu: \"1\"\n          memory: 256Mi\n",
    },
    {
      name: "k8s configured defaults",
      kind: 'kubernetes',
      config: {"fix":{"user":"10001","limits":{"cpu":"2","memory":"4Gi","pids":100}}},
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n",
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 11, fix: "Add resources.limits (cpu 2, memory 4Gi) and equal requests", safe: true },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        limits:\n          cpu: 2\n          memory: 4Gi\n        requests:\n          cpu: 2\n          memory: 4Gi\n",
    },
    {
      name: "compose deploy style and service-level style",
      kind: 'compose',
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n  db:\n    image: postgres:16\n    mem_limit: 1g\n  api:\n    image: api:1.0\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 256M\n",
      errors: [
        { line: 2, column: 3, endLine: 2, endColumn: 6, fix: "Add limits (memory 512M, cpus 0.5, pids 200)", safe: true },
        { line: 6, column: 3, endLine: 6, endColumn: 5, fix: "Add limits (cpus 0.5, pids 200)", safe: true },
        { line: 9, column: 3, endLine: 9, endColumn: 6, fix: "Add deploy.resources.limits (cpus 0.5, pids 200)", safe: true },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 512M\n    cpus: \"0.5\"\n    pids_limit: 200\n    ports:\n      - \"80:80\"\n  db:\n    image: postgres:16\n    mem_limit: 1g\n    cpus: \"0.5\"\n    pids_limit: 200\n  api:\n    image: api:1.0\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          memory: 256M\n          cpus: \"0.5\"\n          pids: 200\n",
    },
  ],
});

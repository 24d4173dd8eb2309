import rule from '../../../server/src/engine/rules/missing-limits';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

const RESOURCES = '  resources:\n    limits: {memory: 256Mi, cpu: 500m}\n    requests: {memory: 128Mi, cpu: 250m}\n';
const bounded = `initContainers:\n- name: migrate\n  image: app:1.0\n${RESOURCES}containers:\n- name: app\n  image: app:1.0\n${RESOURCES}`;
const unbounded = 'containers:\n- name: app\n  image: nginx:1.27\n';
const ALL = 'limits.memory, limits.cpu, requests.memory and requests.cpu';

ruleTester(rule, {
  valid: [
    ...inEveryWorkload(bounded).map((w) => ({ name: `${w.kind}: containers and init containers with limits and requests`, code: w.code, kind: 'kubernetes' as const })),
    {
      name: 'pod-level resources (Kubernetes 1.32+) bound every container',
      code: workload('Pod', 'resources:\n  limits: {memory: 1Gi, cpu: "1"}\n  requests: {memory: 512Mi, cpu: 500m}\ncontainers:\n- name: app\n  image: app:1.0\n- name: sidecar\n  image: proxy:1.0\n').code,
      kind: 'kubernetes',
    },
    {
      name: 'numeric quantities and quoted strings',
      code: workload('Deployment', 'containers:\n- name: app\n  image: app:1.0\n  resources:\n    limits:\n      cpu: 0.5\n      memory: "512Mi"\n    requests:\n      cpu: 1\n      memory: 1e8\n').code,
      kind: 'kubernetes',
    },
    {
      name: 'ephemeral containers cannot set resources and are not checked',
      code: workload('Pod', `containers:\n- name: app\n  image: app:1.0\n${RESOURCES}ephemeralContainers:\n- name: debugger\n  image: busybox:1.36\n`).code,
      kind: 'kubernetes',
    },
    {
      name: 'resources shared through a YAML anchor',
      code: workload('Pod', `containers:\n- name: app\n  image: app:1.0\n  resources: &res\n    limits: {memory: 256Mi, cpu: 500m}\n    requests: {memory: 128Mi, cpu: 250m}\n- name: sidecar\n  image: proxy:1.0\n  resources: *res\n`).code,
      kind: 'kubernetes',
    },
    { name: 'a Kustomize patch (containers without image) gets its resources from the base (regression: kubeflow istio seccomp patches)', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n', kind: 'kubernetes' },
    { name: 'objects that are not workloads', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n', kind: 'kubernetes' },
    {
      name: 'a LimitRange is not a workload even though it talks about limits',
      code: 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n  - type: Container\n    default: {memory: 512Mi}\n',
      kind: 'kubernetes',
    },
  ],
  invalid: [
    ...inEveryWorkload(unbounded).map((w) => ({
      name: `${w.kind}: a container without resources, at its name`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 2, 3, 7), severity: 'warning' as const, message: `Container "app" has no ${ALL}` }],
    })),
    ...inEveryWorkload(`initContainers:\n- name: migrate\n  image: app:1.0\ncontainers:\n- name: app\n  image: app:1.0\n${RESOURCES}`).map((w) => ({
      name: `${w.kind}: an init container without resources`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 2, 3, 7), message: `Init container "migrate" has no ${ALL}` }],
    })),
    (() => {
      const w = workload('Deployment', 'containers:\n- name: app\n  image: app:1.0\n  resources:\n    limits:\n      memory: 256Mi\n    requests:\n      memory: 128Mi\n      cpu: 100m\n');
      return { name: 'memory limit only: the CPU limit is missing', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 2, 3, 7), severity: 'warning' as const, message: 'has no limits.cpu: without limits it can take all of the node\'s CPU' }] };
    })(),
    (() => {
      const w = workload('StatefulSet', 'containers:\n- name: db\n  image: postgres:16\n  resources:\n    requests: {memory: 1Gi, cpu: "1"}\n');
      return { name: 'requests without limits', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 2, 3, 7), severity: 'warning' as const, message: 'Container "db" has no limits.memory and limits.cpu:' }] };
    })(),
    (() => {
      const w = workload('CronJob', 'containers:\n- name: report\n  image: app:1.0\n  resources:\n    limits: {memory: 256Mi, cpu: 500m}\nrestartPolicy: OnFailure\n');
      return {
        name: 'limits without requests: info, Kubernetes reserves the whole limit',
        code: w.code,
        kind: 'kubernetes' as const,
        errors: [{ ...span(w, 2, 3, 7), severity: 'info' as const, message: 'Container "report" has limits but no requests.memory and requests.cpu' }],
      };
    })(),
    (() => {
      const w = workload('Pod', 'containers:\n- name: app\n  image: app:1.0\n  resources:\n    limits: {memory: "", cpu: 0}\n    requests: {memory: 128Mi, cpu: 100m}\n');
      return { name: 'empty and zero quantities bound nothing', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 2, 3, 7), message: 'has no limits.memory and limits.cpu' }] };
    })(),
    (() => {
      const w = workload('Pod', `containers:\n- image: app:1.0\n  name: first\n${RESOURCES}- image: sidecar:1.0\n  ports:\n  - containerPort: 80\n`);
      return {
        name: 'each container on its own; one without a name points at its first key',
        code: w.code,
        kind: 'kubernetes' as const,
        errors: [{ ...span(w, 7, 3, 8), message: `Container has no ${ALL}` }],
      };
    })(),
    {
      name: 'a custom resource holding a pod template (Knative Service)',
      code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n        - name: hello\n          image: gcr.io/knative-samples/helloworld-go:1.0\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 11, endLine: 9, endColumn: 15 }],
    },
    {
      name: 'every document of a multi-document file',
      code: `${workload('Pod', unbounded).code}---\n${workload('Job', unbounded).code}`,
      kind: 'kubernetes',
      errors: [
        { line: 7, column: 5, endLine: 7, endColumn: 9 },
        { line: 22, column: 9, endLine: 22, endColumn: 13 },
      ],
    },
  ],
});

import rule from '../../../server/src/engine/rules/writable-root-filesystem';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

const readOnly = 'initContainers:\n- name: init\n  image: app:1.0\n  securityContext:\n    readOnlyRootFilesystem: true\ncontainers:\n- name: app\n  image: app:1.0\n  securityContext:\n    readOnlyRootFilesystem: true\n';

ruleTester(rule, {
  valid: [
    ...inEveryWorkload(readOnly).map((w) => ({ name: `${w.kind}: every container read-only`, code: w.code, kind: 'kubernetes' as const })),
    { name: 'a Kustomize patch (containers without image) is completed by its base (regression: kubeflow istio patches)', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n', kind: 'kubernetes' },
    { name: 'Windows pods cannot have a read-only root file system', code: workload('Pod', 'os:\n  name: windows\ncontainers:\n- name: app\n  image: mcr.microsoft.com/windows/servercore:ltsc2022\n').code, kind: 'kubernetes' },
    {
      name: 'a securityContext shared through an anchor',
      code: workload('Deployment', 'containers:\n- name: app\n  image: app:1.0\n  securityContext: &sc\n    readOnlyRootFilesystem: true\n- name: sidecar\n  image: proxy:1.0\n  securityContext: *sc\n').code,
      kind: 'kubernetes',
    },
  ],
  invalid: [
    ...inEveryWorkload('containers:\n- name: app\n  image: app:1.0\n').map((w) => ({
      name: `${w.kind}: not set, at the container's name`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 2, 3, 7), severity: 'warning' as const, message: 'Container "app" does not set securityContext.readOnlyRootFilesystem: true' }],
    })),
    ...inEveryWorkload('containers:\n- name: app\n  image: app:1.0\n  securityContext:\n    readOnlyRootFilesystem: false\n').map((w) => ({
      name: `${w.kind}: explicitly false, at the setting`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 5, 5, 34), message: 'Container "app" sets readOnlyRootFilesystem: false' }],
    })),
    ...inEveryWorkload('initContainers:\n- name: init\n  image: app:1.0\ncontainers:\n- name: app\n  image: app:1.0\n  securityContext: {readOnlyRootFilesystem: true}\n').map((w) => ({
      name: `${w.kind}: an init container counts too`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 2, 3, 7), message: 'Init container "init" does not set' }],
    })),
    (() => {
      const w = workload('Pod', 'securityContext:\n  readOnlyRootFilesystem: true\ncontainers:\n- name: app\n  image: app:1.0\n');
      return { name: 'the pod securityContext has no readOnlyRootFilesystem: containers do not inherit it', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 4, 3, 7) }] };
    })(),
    (() => {
      const w = workload('Deployment', 'containers:\n- name: app\n  image: app:1.0\n  securityContext: &sc\n    readOnlyRootFilesystem: false\n- name: sidecar\n  image: proxy:1.0\n  securityContext: *sc\n');
      return { name: 'a shared false setting is reported once, where it is written', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 5, 5, 34) }] };
    })(),
    {
      name: 'a Kustomize patch that sets readOnlyRootFilesystem: false is still reported',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        securityContext:\n          readOnlyRootFilesystem: false\n',
      kind: 'kubernetes',
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 40 }],
    },
  ],
});

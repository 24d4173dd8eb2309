import rule from '../../../server/src/engine/rules/service-account-token';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

const app = 'containers:\n- name: app\n  image: app:1.0\n';

ruleTester(rule, {
  valid: [
    ...inEveryWorkload(`automountServiceAccountToken: false\n${app}`).map((w) => ({ name: `${w.kind}: the pod spec opts out`, code: w.code, kind: 'kubernetes' as const })),
    { name: 'a ServiceAccount is not a pod spec', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: true\n', kind: 'kubernetes' },
    { name: 'a Kustomize patch (containers without image) is completed by its base (regression: kubeflow istio patches)', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n', kind: 'kubernetes' },
    { name: 'merged in from an anchor', code: workload('Pod', `<<: {automountServiceAccountToken: false}\n${app}`).code, kind: 'kubernetes' },
  ],
  invalid: [
    ...inEveryWorkload(app).map((w) => ({
      name: `${w.kind}: not set, at the pod spec`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...w.specKey, severity: 'info' as const, message: 'The pod spec does not set automountServiceAccountToken: false' }],
    })),
    (() => {
      const w = workload('Deployment', `serviceAccountName: app\nautomountServiceAccountToken: true\n${app}`);
      return { name: 'explicitly true, at the setting', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 2, 1, 35), severity: 'info' as const, message: 'sets automountServiceAccountToken: true' }] };
    })(),
    {
      name: 'the ServiceAccount opting out does not help a pod spec in another document (checked per pod spec)',
      code: `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: false\n---\n${workload('Pod', `serviceAccountName: app\n${app}`).code}`,
      kind: 'kubernetes',
      errors: [{ line: 11, column: 1, endLine: 11, endColumn: 5 }],
    },
  ],
});

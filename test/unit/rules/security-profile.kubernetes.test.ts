import rule from '../../../server/src/engine/rules/security-profile';
import { ruleTester } from '../../helpers/rule-tester';
import { inEveryWorkload, span, workload } from '../../helpers/workloads';

const app = 'containers:\n- name: app\n  image: app:1.0\n';
const podLevel = `securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ninitContainers:\n- name: init\n  image: app:1.0\n${app}`;

ruleTester(rule, {
  valid: [
    ...inEveryWorkload(podLevel).map((w) => ({ name: `${w.kind}: pod-level RuntimeDefault covers every container`, code: w.code, kind: 'kubernetes' as const })),
    {
      name: 'every container sets its own profile (Localhost or RuntimeDefault)',
      code: workload('Deployment', 'containers:\n- name: app\n  image: app:1.0\n  securityContext:\n    seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}\n- name: proxy\n  image: proxy:1.0\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n').code,
      kind: 'kubernetes',
    },
    {
      name: 'confined AppArmor and SELinux settings',
      code: workload('Pod', 'securityContext:\n  seccompProfile: {type: RuntimeDefault}\n  appArmorProfile: {type: RuntimeDefault}\n  seLinuxOptions: {type: container_t, level: "s0:c123,c456"}\ncontainers:\n- name: app\n  image: app:1.0\n  securityContext:\n    appArmorProfile: {type: Localhost, localhostProfile: k8s-app}\n').code,
      kind: 'kubernetes',
    },
    { name: 'a Kustomize patch (containers without image) that sets nothing is completed by its base', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env: [{name: MODE, value: prod}]\n', kind: 'kubernetes' },
    { name: 'Windows pods have no seccomp', code: workload('Pod', `os: {name: windows}\n${app}`).code, kind: 'kubernetes' },
    { name: 'objects without pods', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  seccomp: unconfined\n', kind: 'kubernetes' },
  ],
  invalid: [
    ...inEveryWorkload(app).map((w) => ({
      name: `${w.kind}: no profile anywhere: one finding at the pod spec`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...w.specKey, severity: 'warning' as const, message: 'Neither the pod nor its containers set a seccompProfile' }],
    })),
    (() => {
      const w = workload('Deployment', 'containers:\n- name: frontend\n  image: nginx:1.27\n- name: echo\n  image: echo:1.4\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n');
      return { name: 'one container sets it, the other does not: at the other container', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 2, 3, 7), message: 'Container "frontend" gets no seccompProfile of type RuntimeDefault or Localhost' }] };
    })(),
    ...inEveryWorkload('initContainers:\n- name: init\n  image: app:1.0\ncontainers:\n- name: app\n  image: app:1.0\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\n').map((w) => ({
      name: `${w.kind}: an init container without a profile`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 2, 3, 7), message: 'Init container "init" gets no seccompProfile' }],
    })),
    ...inEveryWorkload('containers:\n- name: app\n  image: app:1.0\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n').map((w) => ({
      name: `${w.kind}: container-level Unconfined, at the value`,
      code: w.code,
      kind: 'kubernetes' as const,
      errors: [{ ...span(w, 6, 13, 23), message: 'Container "app" sets seccompProfile type Unconfined' }],
    })),
    (() => {
      const w = workload('Pod', 'securityContext:\n  seccompProfile: {type: Unconfined}\n  appArmorProfile: {type: Unconfined}\ncontainers:\n- name: app\n  image: app:1.0\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\n');
      return {
        name: 'pod-level Unconfined seccomp and AppArmor, container-level unconfined SELinux type',
        code: w.code,
        kind: 'kubernetes' as const,
        errors: [
          { ...span(w, 2, 26, 36), message: 'The pod sets seccompProfile type Unconfined' },
          { ...span(w, 3, 27, 37), message: 'The pod sets appArmorProfile type Unconfined' },
          { ...span(w, 9, 13, 18), message: 'Container "app" runs with the unconfined SELinux type spc_t' },
        ],
      };
    })(),
    {
      name: 'unconfined annotations on a Pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\nspec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: app\n    image: app:1.0\n',
      kind: 'kubernetes',
      errors: [
        { line: 6, column: 57, endLine: 6, endColumn: 67, message: 'switches AppArmor off for container "app"' },
        { line: 7, column: 47, endLine: 7, endColumn: 57, message: 'switches seccomp off' },
      ],
    },
    {
      name: 'CronJob: annotations live in the pod template; the legacy runtime/default annotation no longer applies',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: "*/1 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n            seccomp.security.alpha.kubernetes.io/pod: runtime/default\n            container.seccomp.security.alpha.kubernetes.io/hello: unconfined\n        spec:\n          containers:\n          - name: hello\n            image: busybox:1.36\n          restartPolicy: OnFailure\n',
      kind: 'kubernetes',
      errors: [
        { line: 13, column: 67, endLine: 13, endColumn: 77, message: 'container.seccomp.security.alpha.kubernetes.io/hello switches seccomp off' },
        { line: 14, column: 9, endLine: 14, endColumn: 13, message: 'Neither the pod nor its containers set a seccompProfile' },
      ],
    },
    (() => {
      const w = workload('Deployment', 'containers:\n- name: a\n  image: app:1.0\n  securityContext: &sc\n    seccompProfile: {type: Unconfined}\n- name: b\n  image: app:1.0\n  securityContext: *sc\n');
      return { name: 'an Unconfined profile shared through an anchor is reported once', code: w.code, kind: 'kubernetes' as const, errors: [{ ...span(w, 5, 28, 38) }] };
    })(),
    {
      name: 'a Kustomize patch that sets Unconfined is still reported',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        seccompProfile: {type: Unconfined}\n      containers:\n      - name: web\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 32, endLine: 9, endColumn: 42, message: 'The pod sets seccompProfile type Unconfined' }],
    },
  ],
});

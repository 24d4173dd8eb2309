import { describe } from 'node:test';
import { CATALOGUE } from './catalogue';
import { runCases } from './table';

const POD = (annotations: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n${annotations}spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n${extra}`;
const SECOND = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  containers:\n  - name: other\n    image: nginx:1.27\n';

describe('suppression layer: Kubernetes manifests', () => {
  runCases('kubernetes', [
    {
      name: 'bulkhead.dev/ignore on an object covers that object only',
      code: POD('    bulkhead.dev/ignore: "privileged,root-user"\n') + SECOND,
      findings: ['privileged@12', 'root-user@9', 'root-user@20'],
      kept: ['root-user@20'],
      suppressed: ['root-user@9 by bulkhead', 'privileged@12 by bulkhead'],
    },
    {
      name: 'bulkhead.dev/ignore: unknown and unused ids are reported at the id inside the quotes',
      code: POD('    bulkhead.dev/ignore: "privileged, nope, embedded-secret"\n'),
      findings: ['privileged@12'],
      suppressed: ['privileged@12 by bulkhead'],
      unused: ['6:39-6:43 "nope" is not a Bulkhead rule id', '6:45-6:60 no embedded-secret finding in this object'],
    },
    {
      name: 'an annotation on the pod template covers the template, not the rest of the Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      annotations:\n        bulkhead.dev/ignore: privileged\n    spec:\n      containers:\n      - name: web\n        securityContext:\n          privileged: true\n',
      findings: ['privileged@15', 'privileged@2'],
      kept: ['privileged@2'],
      suppressed: ['privileged@15 by bulkhead'],
    },
    {
      name: 'kube-linter, checkov and polaris annotations map through peer ids',
      code: POD('    ignore-check.kube-linter.io/privileged-container: "needs raw sockets"\n    checkov.io/skip1: CKV_K8S_20=reviewed\n    polaris.fairwinds.com/runAsRootAllowed-exempt: "true"\n'),
      findings: ['privileged@14', 'privilege-escalation@14', 'root-user@11'],
      suppressed: ['root-user@11 by polaris', 'privilege-escalation@14 by checkov', 'privileged@14 by kube-linter'],
    },
    {
      name: 'a polaris exemption set to false does not suppress',
      code: POD('    polaris.fairwinds.com/runAsRootAllowed-exempt: "false"\n'),
      findings: ['root-user@11'],
      kept: ['root-user@11'],
    },
    {
      name: 'comments work in manifests too, per line',
      code: POD('    team: a\n', '      # bulkhead-disable-next-line host-port\n      hostPort: 80\n'),
      findings: ['privileged@12', 'host-port@14'],
      kept: ['privileged@12'],
      suppressed: ['host-port@14 by bulkhead'],
    },
    {
      name: 'a quoted annotation value that only looks like a directive elsewhere is no comment',
      code: POD('    note: "# bulkhead-disable-file privileged"\n'),
      findings: ['privileged@12'],
      kept: ['privileged@12'],
    },
  ], CATALOGUE);
});

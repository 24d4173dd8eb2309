import rule from '../../../server/src/engine/rules/untrusted-registry';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('trusted by default', 'initContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: registry.k8s.io/pause:3.9\n'),
    ...everyWorkloadValid('trusted by configuration', 'containers:\n  - name: app\n    image: us-docker.pkg.dev/acme/apps/web:1.0\n').map((c) => ({ ...c, config: { trustedRegistries: ['us-docker.pkg.dev/acme'] } })),
  ],
  invalid: [
    ...everyWorkload('init container and container', 'initContainers:\n  - name: init\n    image: ghcr.io/acme/init:1.0\ncontainers:\n  - name: app\n    image: "quay.io/prometheus/node-exporter:v1.8.0"\n', [
      { line: 3, column: 12, endLine: 3, endColumn: 33, message: 'ghcr.io/acme/init' },
      { line: 6, column: 12, endLine: 6, endColumn: 53, message: 'quay.io/prometheus/node-exporter' },
    ]),
    {
      name: 'JSON manifest',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "acme/web:1"}]}}\n',
      errors: [{ line: 2, column: 49, endLine: 2, endColumn: 61, message: 'docker.io/acme/web' }],
    },
  ],
});

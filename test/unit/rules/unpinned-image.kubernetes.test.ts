import rule from '../../../server/src/engine/rules/unpinned-image';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('tags and digests', 'initContainers:\n  - name: init\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: registry.k8s.io/pause@sha256:0f9a8e1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\n'),
    { name: 'no image (a partial pod spec)', code: pod('  containers:\n    - name: app\n'), kind: 'kubernetes' },
  ],
  invalid: [
    ...everyWorkload('init container without a tag, container on latest', 'initContainers:\n  - name: init\n    image: busybox\ncontainers:\n  - name: app\n    image: nginx:latest\n', [
      { line: 3, column: 12, endLine: 3, endColumn: 19, message: 'Image busybox has no tag' },
      { line: 6, column: 18, endLine: 6, endColumn: 24, message: 'mutable tag latest' },
    ]),
    {
      name: 'ephemeral containers, registry with a port',
      code: pod('  containers:\n    - name: app\n      image: nginx:1.27\n  ephemeralContainers:\n    - name: debug\n      image: localhost:5000/tools\n'),
      kind: 'kubernetes',
      errors: [{ line: 11, column: 14, endLine: 11, endColumn: 34 }],
    },
    {
      name: 'multi-document file with a broken document',
      code: `${pod('  containers:\n    - name: a\n      image: redis\n')}---\n  - broken: [\n---\n${pod('  containers:\n    - name: b\n      image: "redis:latest"\n')}`,
      kind: 'kubernetes',
      errors: [{ line: 8, column: 14, endLine: 8, endColumn: 19 }, { line: 19, column: 21, endLine: 19, endColumn: 27 }],
    },
    {
      name: 'JSON manifest',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "nginx"}]}}\n',
      errors: [{ line: 2, column: 49, endLine: 2, endColumn: 56 }],
    },
    {
      name: 'an image shared through an anchor is one place',
      code: pod('  containers:\n    - name: a\n      image: &img redis\n    - name: b\n      image: *img\n'),
      kind: 'kubernetes',
      errors: [{ line: 8, column: 19, endLine: 8, endColumn: 24 }],
    },
  ],
});

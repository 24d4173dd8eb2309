import rule from '../../../server/src/engine/rules/ssh-server';
import { ruleTester } from '../../helpers/rule-tester';
import { everyWorkload, everyWorkloadValid } from '../../helpers/workloads';

ruleTester(rule, {
  valid: [
    ...everyWorkloadValid('other ports, and hostPort 22 to another container port', 'containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - containerPort: 8080\n      - containerPort: 2222\n        hostPort: 22\n'),
  ],
  invalid: [
    ...everyWorkload('containerPort 22 on an init container and a container', 'initContainers:\n  - name: init\n    image: busybox:1.36\n    ports: [{containerPort: 22}]\ncontainers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - name: ssh\n        containerPort: 22\n', [
      { line: 4, column: 29, endLine: 4, endColumn: 31, message: 'init container "init" declares containerPort 22' },
      { line: 10, column: 24, endLine: 10, endColumn: 26, message: 'container "app"' },
    ]),
    {
      name: 'JSON manifest',
      path: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "nginx:1.27", "ports": [{"containerPort": 22}]}]}}\n',
      errors: [{ line: 2, column: 91, endLine: 2, endColumn: 93 }],
    },
  ],
});

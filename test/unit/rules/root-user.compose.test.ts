import rule from '../../../server/src/engine/rules/root-user';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no user: the image decides (the Dockerfile rule checks it)', code: 'services:\n  web:\n    image: nginx:1.27\n', kind: 'compose' },
    { name: 'a non-root uid', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "10001:10001"\n', kind: 'compose' },
    { name: 'a named user', code: 'services:\n  web:\n    image: node:20\n    user: node\n', kind: 'compose' },
    { name: 'a variable without default is not known to be root', code: 'services:\n  web:\n    image: nginx:1.27\n    user: ${APP_UID}\n', kind: 'compose' },
    { name: 'a non-root default', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "${APP_UID:-1000}"\n', kind: 'compose' },
    { name: 'a service overriding a root base', code: 'services:\n  base:\n    image: nginx:1.27\n    user: "1000"\n  web:\n    extends: base\n    user: "1001"\n', kind: 'compose' },
    { name: 'unrelated YAML is left alone', code: 'services:\n  - docker:dind\nscript:\n  - user: root\n', path: '.gitlab-ci.yml' },
  ],
  invalid: [
    { name: 'user: root', code: 'services:\n  web:\n    image: nginx:1.27\n    user: root\n', kind: 'compose', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 15, message: 'Service "web" runs as user root' }] },
    { name: 'user: "0:0"', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "0:0"\n', kind: 'compose', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 16 }] },
    { name: 'user: 0 as a number', code: 'services:\n  web:\n    image: nginx:1.27\n    user: 0\n', kind: 'compose', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 12 }] },
    { name: 'interpolation default 0', code: 'services:\n  web:\n    image: nginx:1.27\n    user: "${APP_UID:-0}"\n', kind: 'compose', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 26, message: 'user 0' }] },
    {
      name: 'inherited through extends: reported once, at the base',
      code: 'services:\n  base:\n    image: nginx:1.27\n    user: root\n  web:\n    extends: base\n  worker:\n    extends:\n      service: base\n',
      kind: 'compose',
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'merged from an x- anchor with <<',
      code: 'x-defaults: &defaults\n  user: root\nservices:\n  web:\n    <<: *defaults\n    image: nginx:1.27\n',
      kind: 'compose',
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 13, message: 'Service "web"' }],
    },
    { name: 'a Compose file by content', path: 'deploy/stack.yml', code: 'services:\n  web:\n    image: nginx:1.27\n    user: root\n', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 15 }] },
    { name: 'docker-compose.override.yml by name', path: 'docker-compose.override.yml', code: 'services:\n  web:\n    user: root\n', errors: [{ line: 3, column: 11, endLine: 3, endColumn: 15 }] },
  ],
});

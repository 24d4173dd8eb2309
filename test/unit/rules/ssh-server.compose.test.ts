import rule from '../../../server/src/engine/rules/ssh-server';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "2222:2200"\n      - 443\n', kind: 'compose' },
    { name: 'host port 22 forwarded to another container port', code: 'services:\n  git:\n    image: gitea/gitea:1.22\n    ports:\n      - "22:2222"\n', kind: 'compose' },
    { name: 'expose is not published', code: 'services:\n  web:\n    image: nginx:1.27\n    expose: ["22"]\n', kind: 'compose' },
    { name: 'a variable without default', code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["${SSH_PORT}"]\n', kind: 'compose' },
  ],
  invalid: [
    {
      name: 'short syntax forms',
      code: 'services:\n  box:\n    image: nginx:1.27\n    ports:\n      - "2222:22"\n      - "127.0.0.1:2223:22/tcp"\n      - 22\n      - "20-25:20-25"\n      - "${HOST_PORT:-2224}:${SSH:-22}"\n',
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'Service "box" publishes container port 22' },
        { line: 6, column: 9, endLine: 6, endColumn: 32 },
        { line: 7, column: 9, endLine: 7, endColumn: 11 },
        { line: 8, column: 9, endLine: 8, endColumn: 22 },
        { line: 9, column: 9, endLine: 9, endColumn: 40 },
      ],
    },
    { name: 'long syntax: the target', code: 'services:\n  box:\n    image: nginx:1.27\n    ports:\n      - target: 22\n        published: "2222"\n', kind: 'compose', errors: [{ line: 5, column: 17, endLine: 5, endColumn: 19 }] },
    { name: 'ports merged through extends', code: 'services:\n  base:\n    image: nginx:1.27\n    ports: ["2222:22"]\n  web:\n    extends: base\n    ports: ["8080:80"]\n', kind: 'compose', errors: [{ line: 4, column: 13, endLine: 4, endColumn: 22 }] },
  ],
});

import rule from '../../../server/src/engine/rules/host-namespaces';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n    pid: "service:db"\n    ipc: shareable\n', kind: 'compose' },
    { name: 'a variable without default', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: ${NET_MODE}\n', kind: 'compose' },
    { name: 'network_mode of another service', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: "service:vpn"\n', kind: 'compose' },
  ],
  invalid: [
    {
      name: 'every host namespace',
      code: 'services:\n  agent:\n    image: nginx:1.27\n    network_mode: host\n    pid: host\n    ipc: "host"\n    userns_mode: host\n',
      kind: 'compose',
      errors: [
        { line: 4, column: 19, endLine: 4, endColumn: 23, severity: 'error', message: 'network_mode: host' },
        { line: 5, column: 10, endLine: 5, endColumn: 14, message: 'pid: host' },
        { line: 6, column: 10, endLine: 6, endColumn: 16, message: 'ipc: host' },
        { line: 7, column: 18, endLine: 7, endColumn: 22, message: 'userns_mode: host' },
      ],
    },
    { name: 'interpolation default', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: ${NET:-host}\n', kind: 'compose', errors: [{ line: 4, column: 19, endLine: 4, endColumn: 31 }] },
    { name: 'extends: once at the base', code: 'services:\n  base:\n    image: nginx:1.27\n    pid: host\n  web:\n    extends: base\n', kind: 'compose', errors: [{ line: 4, column: 10, endLine: 4, endColumn: 14 }] },
    { name: 'merge key', code: 'x-host: &host\n  network_mode: host\nservices:\n  web:\n    <<: *host\n    image: nginx:1.27\n', kind: 'compose', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 21 }] },
  ],
});

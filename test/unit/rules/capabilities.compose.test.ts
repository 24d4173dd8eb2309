import rule from '../../../server/src/engine/rules/capabilities';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'drop ALL, add baseline ones', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN, SETUID, SETGID]\n', kind: 'compose' },
    { name: 'CAP_ prefix and lower case', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [cap_all]\n    cap_add: [cap_net_bind_service]\n', kind: 'compose' },
    { name: 'cap_drop from the base (extends merges it)', code: 'services:\n  base:\n    image: nginx:1.27\n    cap_drop: [ALL]\n  web:\n    extends: base\n', kind: 'compose' },
    { name: 'cap_drop from an x- anchor', code: 'x-caps: &caps\n  cap_drop: [ALL]\nservices:\n  web:\n    <<: *caps\n    image: nginx:1.27\n', kind: 'compose' },
    { name: 'a base in another file is not read', code: 'services:\n  web:\n    extends: {file: base.yaml, service: web}\n', kind: 'compose' },
  ],
  invalid: [
    { name: 'nothing dropped: points at the service key', code: 'services:\n  web:\n    image: nginx:1.27\n', kind: 'compose', errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'warning', message: 'does not drop ALL' }] },
    { name: 'cap_drop without ALL: points at cap_drop', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [NET_RAW]\n', kind: 'compose', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 13 }] },
    {
      name: 'dangerous adds are errors, others beyond the baseline warnings',
      code: 'services:\n  vpn:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add:\n      - NET_ADMIN\n      - SYS_TIME\n      - CAP_SYS_ADMIN\n      - ALL\n      - NET_BIND_SERVICE\n',
      kind: 'compose',
      errors: [
        { line: 6, column: 9, endLine: 6, endColumn: 18, severity: 'error', message: 'NET_ADMIN' },
        { line: 7, column: 9, endLine: 7, endColumn: 17, severity: 'warning', message: 'SYS_TIME, which is beyond the Pod Security Standards baseline' },
        { line: 8, column: 9, endLine: 8, endColumn: 22, severity: 'error', message: 'SYS_ADMIN' },
        { line: 9, column: 9, endLine: 9, endColumn: 12, severity: 'error', message: 'ALL capabilities' },
      ],
    },
    {
      name: 'adds through extends and interpolation defaults',
      code: 'services:\n  base:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [SYS_PTRACE]\n  web:\n    extends: base\n    cap_add: ["${EXTRA_CAP:-BPF}"]\n',
      kind: 'compose',
      errors: [
        { line: 5, column: 15, endLine: 5, endColumn: 25, severity: 'error' },
        { line: 8, column: 15, endLine: 8, endColumn: 34, severity: 'error', message: 'BPF' },
      ],
    },
  ],
});

import rule from '../../../server/src/engine/rules/privilege-escalation';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:true\n', kind: 'compose' },
    { name: 'other spellings', code: 'services:\n  a:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges"]\n  b:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges=true", "seccomp:default.json"]\n', kind: 'compose' },
    { name: 'from the base service (extends merges security_opt)', code: 'services:\n  base:\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n  web:\n    extends: base\n    security_opt: [label:type:svirt_apache_t]\n', kind: 'compose' },
    { name: 'from an x- anchor', code: 'x-hardened: &hardened\n  security_opt: [no-new-privileges:true]\nservices:\n  web:\n    <<: *hardened\n    image: nginx:1.27\n', kind: 'compose' },
    { name: 'a base in another file is not read: no "missing" finding', code: 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: base\n', kind: 'compose' },
  ],
  invalid: [
    { name: 'no security_opt: points at the service key', code: 'services:\n  web:\n    image: nginx:1.27\n', kind: 'compose', errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'warning', message: 'Service "web" has no "no-new-privileges:true"' }] },
    { name: 'security_opt without it', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: [apparmor:docker-default]\n', kind: 'compose', errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6 }] },
    { name: 'turned off', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - "no-new-privileges:false"\n', kind: 'compose', errors: [{ line: 5, column: 9, endLine: 5, endColumn: 34, message: 'turns no-new-privileges off' }] },
    { name: 'interpolation default false', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt:\n      - no-new-privileges:${NNP:-false}\n', kind: 'compose', errors: [{ line: 5, column: 9, endLine: 5, endColumn: 40 }] },
  ],
});

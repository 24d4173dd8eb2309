import rule from '../../../server/src/engine/rules/writable-root-filesystem';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'read_only: true', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n', kind: 'compose' },
    { name: 'an interpolated default', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: ${READ_ONLY:-true}\n', kind: 'compose' },
    { name: 'inherited through extends and merge keys', code: 'x-hardened: &hardened\n  read_only: true\nservices:\n  base:\n    image: app:1.0\n    <<: *hardened\n  worker:\n    extends: base\n', kind: 'compose' },
  ],
  invalid: [
    {
      name: 'not set: at the service key',
      code: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n    read_only: true\n',
      kind: 'compose',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'warning', message: 'Service "web" does not set read_only: true' }],
    },
    {
      name: 'read_only: false, at the setting',
      code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: false\n',
      kind: 'compose',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'Service "web" sets read_only: false' }],
    },
    {
      name: 'a base that sets false: the base at its setting, the extending service at its key',
      code: 'services:\n  base:\n    image: app:1.0\n    read_only: false\n  worker:\n    extends: base\n',
      kind: 'compose',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 21 },
        { line: 5, column: 3, endLine: 5, endColumn: 9, message: 'Service "worker" does not set read_only: true' },
      ],
    },
  ],
});

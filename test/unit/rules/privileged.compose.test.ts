import rule from '../../../server/src/engine/rules/privileged';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n', kind: 'compose' },
    { code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n', kind: 'compose' },
    { name: 'an override turns the base off', code: 'services:\n  base:\n    image: nginx:1.27\n    privileged: false\n  web:\n    extends: base\n', kind: 'compose' },
    { name: 'a variable without default', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIV}\n', kind: 'compose' },
  ],
  invalid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n', kind: 'compose', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 21, severity: 'error', message: 'Service "web" runs privileged' }] },
    { name: 'quoted and YAML 1.1 spellings', code: 'services:\n  a:\n    image: nginx:1.27\n    privileged: "true"\n  b:\n    image: nginx:1.27\n    privileged: yes\n', kind: 'compose', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 23 }, { line: 7, column: 17, endLine: 7, endColumn: 20 }] },
    { name: 'interpolation default', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIV:-true}\n', kind: 'compose', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 30 }] },
    { name: 'extends: once, at the base', code: 'services:\n  base:\n    image: nginx:1.27\n    privileged: true\n  web:\n    extends: base\n', kind: 'compose', errors: [{ line: 4, column: 17, endLine: 4, endColumn: 21 }] },
    { name: 'merge key from an x- anchor', code: 'x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: nginx:1.27\n  b:\n    <<: [*priv]\n    image: redis:7\n', kind: 'compose', errors: [{ line: 2, column: 15, endLine: 2, endColumn: 19 }] },
  ],
});

import rule from '../../../server/src/engine/rules/eol-image';
import { ruleTester } from '../../helpers/rule-tester';

const config = { now: new Date('2026-06-15T12:00:00Z') };
const kind = 'compose' as const;

ruleTester(rule, {
  valid: [
    { code: 'services:\n  db:\n    image: postgres:17\n', config, kind },
    { name: 'a variable without default is unknown', code: 'services:\n  db:\n    image: postgres:${PG}\n', config, kind },
    { name: 'build-only services', code: 'services:\n  web:\n    build: .\n', config, kind },
  ],
  invalid: [
    { name: 'quoted image, on the tag', code: 'services:\n  cache:\n    image: "redis:6.0-alpine"\n', config, kind, errors: [{ line: 3, column: 19, endLine: 3, endColumn: 22, message: 'Redis 6.0' }] },
    { name: 'release and base distribution both past: the fix moves both, quotes kept', code: 'services:\n  db:\n    image: "mariadb:10.5-focal"\n', config, kind, errors: [{ line: 3, column: 21, endLine: 3, endColumn: 25, fix: 'Update to MariaDB 10.6 on Ubuntu 22.04 (jammy)', safe: false }], output: 'services:\n  db:\n    image: "mariadb:10.6-jammy"\n' },
    { name: 'interpolated default: the whole value', code: 'services:\n  db:\n    image: mysql:${TAG:-5.7}\n', config, kind, errors: [{ line: 3, column: 12, endLine: 3, endColumn: 29, message: 'MySQL 5.7' }] },
    { name: 'extends: the base service image', code: 'services:\n  base:\n    image: php:7.4-fpm\n  app:\n    extends: base\n', config, kind, errors: [{ line: 3, column: 16, endLine: 3, endColumn: 19 }, { line: 3, column: 16, endLine: 3, endColumn: 19 }] },
  ],
});

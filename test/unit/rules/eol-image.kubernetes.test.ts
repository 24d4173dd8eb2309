import rule from '../../../server/src/engine/rules/eol-image';
import { ruleTester } from '../../helpers/rule-tester';

const config = { now: new Date('2026-06-15T12:00:00Z') };
const kind = 'kubernetes' as const;
const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

ruleTester(rule, {
  valid: [
    { code: pod('nginx:1.28'), config, kind },
    { name: 'private registries follow their own schemes', code: pod('registry.example.com/node:16'), config, kind },
  ],
  invalid: [
    { name: 'container image', code: pod('node:18.20.4'), config, kind, errors: [{ line: 8, column: 19, endLine: 8, endColumn: 26, message: 'Node.js 18 (hydrogen)' }] },
    { name: 'release and base distribution both past: the fix moves both', code: pod('php:7.4-apache-buster'), config, kind, errors: [{ line: 8, column: 18, endLine: 8, endColumn: 21, fix: 'Update to PHP 8.2 on Debian 11 (bullseye)', safe: false }], output: pod('php:8.2-apache-bullseye') },
    { name: 'init containers of a CronJob', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              image: alpine:3.18\n          containers:\n            - name: run\n              image: ruby:3.4\n', config, kind, errors: [{ line: 12, column: 29, endLine: 12, endColumn: 33, message: 'Alpine Linux 3.18' }] },
  ],
});

import rule from '../../../server/src/engine/rules/security-profile';
import { ruleTester } from '../../helpers/rule-tester';

const head = 'services:\n  app:\n    image: app:1.0\n    security_opt:\n';

ruleTester(rule, {
  valid: [
    { name: 'no security_opt: Docker applies its default profiles', code: 'services:\n  app:\n    image: app:1.0\n', kind: 'compose' },
    {
      name: 'custom and default profiles, SELinux levels and confined types',
      code: `${head}      - no-new-privileges:true\n      - seccomp=./profiles/app.json\n      - apparmor=docker-default\n      - label:type:container_t\n      - "label=level:s0:c100,c200"\n`,
      kind: 'compose',
    },
    {
      name: 'label:seccomp:unconfined is not an option Docker accepts (label: takes SELinux options)',
      code: `${head}      - label:seccomp:unconfined\n`,
      kind: 'compose',
    },
  ],
  invalid: [
    {
      name: 'seccomp, AppArmor and SELinux switched off, each item flagged',
      code: `${head}      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n      - "label=type:spc_t"\n      - no-new-privileges:true\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, severity: 'warning', message: 'Service "app": seccomp is switched off (seccomp:unconfined)' },
        { line: 6, column: 9, endLine: 6, endColumn: 28, message: 'AppArmor is switched off' },
        { line: 7, column: 9, endLine: 7, endColumn: 22, message: 'SELinux labelling is switched off (label:disable)' },
        { line: 8, column: 9, endLine: 8, endColumn: 27, message: 'unconfined SELinux type spc_t' },
      ],
    },
    {
      name: 'flow style and case',
      code: 'services:\n  app:\n    image: app:1.0\n    security_opt: ["seccomp=Unconfined", "label=disable"]\n',
      kind: 'compose',
      errors: [
        { line: 4, column: 20, endLine: 4, endColumn: 40 },
        { line: 4, column: 42, endLine: 4, endColumn: 57 },
      ],
    },
    {
      name: 'an option inherited through extends is reported once, where it is written',
      code: 'services:\n  base:\n    image: app:1.0\n    security_opt:\n      - seccomp:unconfined\n  worker:\n    extends: base\n    security_opt:\n      - apparmor:unconfined\n',
      kind: 'compose',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, message: 'Service "base"' },
        { line: 9, column: 9, endLine: 9, endColumn: 28, message: 'Service "worker"' },
      ],
    },
  ],
});

import rule, { modeSetsSetuid } from '../../../server/src/engine/rules/setuid-bits';
import { ruleTester } from '../../helpers/rule-tester';
import assert from 'node:assert/strict';
import { it } from 'node:test';

it('modeSetsSetuid reads octal and symbolic modes', () => {
  for (const m of ['4755', '2755', '6755', '04755', '7777', '+s', 'u+s', 'g+s', 'ug+s', 'u=rwxs', 'a+x,g+s']) assert.equal(modeSetsSetuid(m), true, m);
  for (const m of ['755', '0755', '1777', '+x', 'u-s', 'a-s', 'g-s', 'o+t', 'u+rwx', 'o+s']) assert.equal(modeSetsSetuid(m), false, m);
});

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN chmod 755 /usr/local/bin/app\n' },
    { name: 'removing the bits is good practice', code: 'FROM debian:12\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n' },
    { name: 'sticky bit is not setuid', code: 'FROM debian:12\nRUN chmod 1777 /tmp\n' },
    { name: 'setgid on a directory made in the same RUN', code: 'FROM debian:12\nRUN mkdir -p /data && chmod g+s /data\n' },
    { name: 'install -d with 3777 only sets directory inheritance', code: 'FROM debian:12\nRUN install --verbose --directory --owner postgres --mode 3777 /var/run/postgresql\n' },
    { name: 'chmod in an echo', code: 'FROM debian:12\nRUN echo "chmod u+s /bin/x"\n' },
    { name: 'variable mode is not judged', code: 'FROM debian:12\nRUN chmod $MODE /x\n' },
  ],
  invalid: [
    { name: 'octal 4755', code: 'FROM debian:12\nRUN chmod 4755 /usr/bin/tool\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 15, message: 'setuid/setgid' }] },
    { name: 'symbolic u+s after -R', code: 'FROM debian:12\nRUN chmod -R u+s /opt/bin\n', errors: [{ line: 2, column: 14, endLine: 2, endColumn: 17 }] },
    { name: '+s in a continued chain', code: 'FROM debian:12\nRUN cp x /usr/bin/x && \\\n    chmod +s /usr/bin/x\n', errors: [{ line: 3, column: 11, endLine: 3, endColumn: 13 }] },
    { name: 'setgid on a file', code: 'FROM debian:12\nRUN chmod g+s /usr/bin/wall\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 14 }] },
    { name: 'install -m 4755', code: 'FROM debian:12\nRUN install -m 4755 tool /usr/bin/tool\n', errors: [{ line: 2, column: 16, endLine: 2, endColumn: 20 }] },
    { name: 'in sh -c', code: 'FROM debian:12\nRUN sh -c "chmod 6755 /bin/x"\n', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 22 }] },
  ],
});

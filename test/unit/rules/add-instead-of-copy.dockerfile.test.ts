import rule from '../../../server/src/engine/rules/add-instead-of-copy';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nCOPY app /app\n' },
    { name: 'a local archive that ADD unpacks', code: 'FROM debian:12\nADD rootfs.tar.xz /\nADD dist.tgz /opt\nADD data.gz /data\n' },
    { name: 'remote sources are add-remote-url', code: 'FROM debian:12\nADD https://x.example/a.jar /a.jar\nADD https://github.com/o/r.git#v1 /r\n' },
    { name: 'unresolved variable to a directory', code: 'FROM debian:12\nADD ${ARTIFACT} /app\n' },
    { name: 'unresolved variable to an archive name', code: 'FROM debian:12\nADD ${ARTIFACT} /tmp/rootfs.tar.gz\n' },
    { name: 'glob that may match archives', code: 'FROM debian:12\nADD dist/* /opt\n' },
    { name: 'ADD --from is not valid Dockerfile and is left to the build', code: 'FROM debian:12\nADD --from=build /app /app\n' },
  ],
  invalid: [
    { name: 'plain file, on the ADD keyword', code: 'FROM debian:12\nADD run.sh /run.sh\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'info', message: 'COPY' }] },
    { name: 'the whole context', code: 'FROM debian:12\nADD --chown=1000 . /app\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { name: 'exec form', code: 'FROM debian:12\nADD ["config.ini", "/etc/app/"]\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { name: 'unknown source copied to a non-archive file name', code: 'FROM eclipse-temurin:21\nARG JAR_FILE\nADD ${JAR_FILE} app.jar\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 4 }] },
    { name: 'lower-case keyword and ONBUILD', code: 'FROM debian:12\nadd main.go .\nONBUILD ADD . /src\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }, { line: 3, column: 9, endLine: 3, endColumn: 12 }] },
    // Fix (safe): ADD → COPY, same case, flags kept.
    { name: 'fix: keyword replaced, flags and ONBUILD kept', code: 'FROM debian:12\nADD --chown=1000 run.sh /run.sh\nadd main.go .\nONBUILD ADD . /src\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4, fix: 'Use COPY instead of ADD', safe: true }, { line: 3, column: 1, endLine: 3, endColumn: 4 }, { line: 4, column: 9, endLine: 4, endColumn: 12 }], output: 'FROM debian:12\nCOPY --chown=1000 run.sh /run.sh\ncopy main.go .\nONBUILD COPY . /src\n' },
  ],
});

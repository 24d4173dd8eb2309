import rule from '../../../server/src/engine/rules/add-remote-url';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x.example/a.tar.gz /a\n' },
    { name: 'local sources', code: 'FROM debian:12\nADD app.tar.gz /app\nCOPY . /src\n' },
    { name: 'git source pinned to a commit', code: 'FROM debian:12\nADD https://github.com/moby/buildkit.git#b9f54fa3be4d9c0bc1ca7e5e3e1d3b5d2d2a2e2f /src\n' },
    { name: 'a URL in COPY is not ADD', code: 'FROM debian:12\nCOPY http.conf /etc/http.conf\n' },
  ],
  invalid: [
    { name: 'http URL without checksum, on the URL', code: 'FROM debian:12\nADD --chmod=644 https://x.example/agent.jar /opt/agent.jar\n', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 44, message: 'without --checksum' }] },
    { name: 'git source on a tag', code: 'FROM debian:12\nADD https://github.com/moby/buildkit.git#v0.10.1 /buildkit\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 49, message: 'commit pin' }] },
    { name: 'ssh git source', code: 'FROM debian:12\nADD git@github.com:org/repo.git /src\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 32 }] },
    { name: 'ONBUILD ADD', code: 'FROM debian:12\nONBUILD ADD http://x.example/a /a\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 31 }] },
    { name: 'credentials are not repeated in the message', code: 'FROM debian:12\nADD https://user:hunter2@x.example/a /a\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 37, message: /^(?!.*hunter2)/ }] },
  ],
});

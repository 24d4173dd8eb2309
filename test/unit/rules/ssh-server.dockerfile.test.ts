import rule from '../../../server/src/engine/rules/ssh-server';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'the SSH client is not a server', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client git\n' },
    { name: 'ssh in a comment', code: 'FROM debian:12\n# no ssh server here\nRUN true # sshd is not started\n' },
    { name: 'sshd in an echo', code: 'FROM debian:12\nRUN echo "sshd is disabled" > /etc/motd\n' },
    { name: 'openssh on Fedora is the base package, not the server', code: 'FROM fedora:40\nRUN dnf install -y openssh openssh-clients\n' },
    { name: 'other ports', code: 'FROM debian:12\nEXPOSE 2222 8022/tcp 80\n' },
    { name: 'ssh-keygen alone', code: 'FROM debian:12\nRUN ssh-keygen -t ed25519 -f /k -N ""\n' },
  ],
  invalid: [
    { name: 'openssh-server, on the package word', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl \\\n    openssh-server=1:9.2*\n', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 26, message: 'openssh-server' }] },
    { name: 'alpine openssh and dropbear', code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh dropbear\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 31 }, { line: 2, column: 32, endLine: 2, endColumn: 40 }] },
    { name: 'EXPOSE 22 and a range that includes it', code: 'FROM debian:12\nEXPOSE 80 22/tcp\nEXPOSE 20-25\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 17 }, { line: 3, column: 8, endLine: 3, endColumn: 13 }] },
    { name: 'sshd as the exec-form CMD', code: 'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D"]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 22 }] },
    { name: 'service ssh start in a shell-form CMD', code: 'FROM debian:12\nCMD service ssh start && nginx -g "daemon off;"\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12 }] },
    { name: 'systemctl enable sshd in RUN', code: 'FROM rockylinux:9\nRUN systemctl enable sshd\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 14 }] },
    { name: 'every stage counts', code: 'FROM debian:12 AS tools\nRUN apt-get install -y openssh-server\nFROM debian:12-slim\nCOPY --from=tools /usr/bin/scp /usr/bin/scp\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 38 }] },
    { name: 'heredoc install', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y ssh\nEOF\n', errors: [{ line: 3, column: 20, endLine: 3, endColumn: 23 }] },
    // Fixes: the package leaves the install list, port 22 leaves EXPOSE.
    { name: 'fix: package on its own continued line', code: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    openssh-server \\\n    vim\n', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 19, fix: 'Remove openssh-server from the install list', safe: true }], output: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    vim\n' },
    { name: 'fix: last package of a continued list takes the continuation before it', code: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    openssh-server=1:9.2*\n', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 26 }], output: 'FROM debian:12\nRUN apt-get install -y \\\n    curl\n' },
    { name: 'fix: inline, the rest of the command stays', code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh curl && echo ok\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 31 }], output: 'FROM alpine:3.20\nRUN apk add --no-cache curl && echo ok\n' },
    { name: 'fix: not safe when the image starts sshd', code: 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nCMD ["/usr/sbin/sshd", "-D"]\n', errors: [{ line: 2, column: 29, endLine: 2, endColumn: 43, safe: false }, { line: 3, column: 6, endLine: 3, endColumn: 22, fix: null }], output: 'FROM debian:12\nRUN apt-get install -y curl\nCMD ["/usr/sbin/sshd", "-D"]\n' },
    { name: 'no fix when it is the only package', code: 'FROM debian:12\nRUN apt-get install -y openssh-server\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 38, fix: null }], output: null },
    { name: 'fix: EXPOSE 22 alone goes, 22 among others goes from the list, ranges stay', code: 'FROM debian:12\nEXPOSE 22\nEXPOSE 80 22/tcp 443\nEXPOSE 20-25\n', errors: [{ line: 2, column: 8, endLine: 2, endColumn: 10, fix: 'Remove port 22 from EXPOSE' }, { line: 3, column: 11, endLine: 3, endColumn: 17 }, { line: 4, column: 8, endLine: 4, endColumn: 13, fix: null }], output: 'FROM debian:12\nEXPOSE 80 443\nEXPOSE 20-25\n' },
    { name: 'fix: escape directive backtick', code: '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    curl `\n    openssh-server\n', errors: [{ line: 5, column: 5, endLine: 5, endColumn: 19 }], output: '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    curl\n' },
  ],
});

import rule from '../../../server/src/engine/rules/sudo';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'sudo inside a quoted echo', code: 'FROM debian:12\nRUN echo "run sudo make install" > /README\n' },
    { name: 'sudo in a shell comment', code: 'FROM debian:12\nRUN make install # no sudo needed\n' },
    { name: 'sudo in a comment line of a continuation', code: 'FROM debian:12\nRUN make \\\n# sudo make install\n  && make install\n' },
    { name: 'looking sudo up is not running it', code: 'FROM debian:12\nRUN command -v sudo || true\n' },
    { name: 'sudoers-like package names', code: 'FROM debian:12\nRUN apt-get install -y sudo-ldap-doc-not-real\n' },
    { name: 'pip package named sudo is not the system sudo', code: 'FROM python:3.12\nRUN pip install --no-cache-dir sudo\n' },
    { name: 'gosu is the recommended alternative', code: 'FROM debian:12\nRUN gosu nobody true\n' },
  ],
  invalid: [
    { name: 'sudo prefix', code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, message: 'Uses sudo' }] },
    { name: 'sudo installed, on the package word', code: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    sudo\n', errors: [{ line: 4, column: 5, endLine: 4, endColumn: 9, message: 'Installs sudo' }] },
    { name: 'sudo after && and in if/then', code: 'FROM debian:12\nRUN true && sudo ls; if [ -d /x ]; then sudo rm -rf /x; fi\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 17 }, { line: 2, column: 41, endLine: 2, endColumn: 45 }] },
    { name: 'sudo in sh -c', code: 'FROM debian:12\nRUN sh -c "sudo make install"\n', errors: [{ line: 2, column: 12, endLine: 2, endColumn: 16 }] },
    { name: 'sudo in a heredoc', code: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo make install\nEOF\n', errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5 }] },
    { name: 'exec-form RUN', code: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 12 }] },
    { name: 'ONBUILD RUN triggers count', code: 'FROM debian:12\nONBUILD RUN sudo make install\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 17 }] },
    { name: 'escape directive backtick', code: '# escape=`\nFROM debian:12\nRUN make `\n  && sudo make install\n', errors: [{ line: 4, column: 6, endLine: 4, endColumn: 10 }] },
    { name: 'apk add sudo', code: 'FROM alpine:3.20\nRUN apk add --no-cache sudo=1.9.15-r0\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 38 }] },
    // Fixes: the sudo prefix goes where RUN already runs as root; the package goes when nothing uses it.
    { name: 'fix: prefix removed (no USER, official image: safe)', code: 'FROM debian:12\nRUN sudo apt-get update && true\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, fix: 'Remove the sudo prefix', safe: true }], output: 'FROM debian:12\nRUN apt-get update && true\n' },
    { name: 'fix: after USER root (safe); other base image without USER is offered, not safe', code: 'FROM jenkins/jenkins:lts\nRUN sudo ls\nUSER root\nRUN sudo ls\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, safe: false }, { line: 4, column: 5, endLine: 4, endColumn: 9, safe: true }], output: 'FROM jenkins/jenkins:lts\nRUN ls\nUSER root\nRUN ls\n' },
    { name: 'no prefix fix under a non-root USER or with sudo options', code: 'FROM debian:12\nRUN sudo -u app ls\nUSER app\nRUN sudo ls\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 9, fix: null }, { line: 4, column: 5, endLine: 4, endColumn: 9, fix: null }], output: null },
    { name: 'fix: the package goes when no RUN uses sudo', code: 'FROM debian:12\nRUN apt-get install -y curl sudo\n', errors: [{ line: 2, column: 29, endLine: 2, endColumn: 33, fix: 'Remove sudo from the install list' }], output: 'FROM debian:12\nRUN apt-get install -y curl\n' },
  ],
});

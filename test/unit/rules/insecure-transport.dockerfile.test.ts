import rule from '../../../server/src/engine/rules/insecure-transport';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://x.example/a -o a && wget -q https://x.example/b\n' },
    { name: 'curl -o value that contains k', code: 'FROM debian:12\nRUN curl -fsSLo kubectl https://dl.k8s.io/kubectl\n' },
    { name: 'flags quoted in an echo', code: 'FROM debian:12\nRUN echo "never use curl -k or --no-check-certificate"\n' },
    { name: 'a file: apt source built in the same RUN', code: 'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n' },
    { name: 'apk --allow-untrusted on local packages only', code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk\n' },
    { name: 'TLS variables set to the safe value', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nRUN npm config set strict-ssl true\n' },
    { name: 'git sslVerify true', code: 'FROM debian:12\nRUN git config --global http.sslVerify true\n' },
    { name: 'ARG without a value', code: 'FROM debian:12\nARG PIP_TRUSTED_HOST\n' },
  ],
  invalid: [
    { name: 'curl -k combined, curl --insecure', code: 'FROM debian:12\nRUN curl -fsSLk https://x.example/a | tar -x && curl --insecure -O https://x.example/b\n', errors: [{ line: 2, column: 10, endLine: 2, endColumn: 16, message: 'curl -k' }, { line: 2, column: 54, endLine: 2, endColumn: 64 }] },
    { name: 'wget --no-check-certificate in a continuation', code: 'FROM debian:12\nRUN set -eux; \\\n    wget --no-check-certificate \\\n      https://x.example/a\n', errors: [{ line: 3, column: 10, endLine: 3, endColumn: 32 }] },
    { name: 'apt flags', code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated a && apt-get install -y --force-yes b\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 47 }, { line: 2, column: 72, endLine: 2, endColumn: 83 }] },
    { name: 'yum/dnf --nogpgcheck, apk --allow-untrusted from a URL', code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck x && apk add --allow-untrusted https://x.example/p.apk\n', errors: [{ line: 2, column: 20, endLine: 2, endColumn: 32 }, { line: 2, column: 46, endLine: 2, endColumn: 63 }] },
    { name: 'pip --trusted-host', code: 'FROM python:3.12\nRUN pip install --no-cache-dir --trusted-host pypi.internal flask\n', errors: [{ line: 2, column: 32, endLine: 2, endColumn: 46 }] },
    { name: 'npm and yarn strict-ssl false', code: 'FROM node:20\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm ci --strict-ssl=false\n', errors: [{ line: 2, column: 20, endLine: 2, endColumn: 36 }, { line: 2, column: 56, endLine: 2, endColumn: 72 }, { line: 2, column: 83, endLine: 2, endColumn: 101 }] },
    { name: 'git http.sslVerify false and git -c', code: 'FROM debian:12\nRUN git config --global http.sslVerify false && git -c http.sslVerify=false clone https://x.example/r\n', errors: [{ line: 2, column: 25, endLine: 2, endColumn: 45 }, { line: 2, column: 56, endLine: 2, endColumn: 76 }] },
    { name: 'variables in ENV and ARG', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nARG GIT_SSL_NO_VERIFY=true\nENV PYTHONHTTPSVERIFY 0\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 35, message: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }, { line: 3, column: 5, endLine: 3, endColumn: 27 }, { line: 4, column: 5, endLine: 4, endColumn: 24 }] },
    { name: 'variables inline and exported in RUN', code: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci; export GIT_SSL_NO_VERIFY=1\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 35 }, { line: 2, column: 51, endLine: 2, endColumn: 70 }] },
    { name: '[trusted=yes] network source, on the option', code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.example/ ./" > /etc/apt/sources.list.d/r.list\n', errors: [{ line: 2, column: 16, endLine: 2, endColumn: 27 }] },
    { name: 'wgetrc check_certificate = off', code: 'FROM debian:12\nRUN echo "check_certificate = off" >> /root/.wgetrc\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 34 }] },
    { name: '.npmrc strict-ssl=false', code: 'FROM node:20\nRUN echo "strict-ssl=false" >> ~/.npmrc\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 27 }] },
    { name: 'inside sh -c', code: 'FROM debian:12\nRUN sh -c "curl -k https://x.example"\n', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 19 }] },
    // Fixes (safe): the flag or variable goes, the command stays.
    { name: 'fix: curl -k in combined flags and --insecure', code: 'FROM debian:12\nRUN curl -fsSLk https://x.example/a | tar -x && curl --insecure -O https://x.example/b\n', errors: [{ line: 2, column: 10, endLine: 2, endColumn: 16, fix: 'Remove the setting', safe: true }, { line: 2, column: 54, endLine: 2, endColumn: 64 }], output: 'FROM debian:12\nRUN curl -fsSL https://x.example/a | tar -x && curl -O https://x.example/b\n' },
    { name: 'fix: wget flag alone on a continued line', code: 'FROM debian:12\nRUN wget \\\n      --no-check-certificate \\\n      https://x.example/a\n', errors: [{ line: 3, column: 7, endLine: 3, endColumn: 29 }], output: 'FROM debian:12\nRUN wget \\\n      https://x.example/a\n' },
    { name: 'fix: pip --trusted-host with its value, apt -o option with its value', code: 'FROM python:3.12\nRUN pip install --no-cache-dir --trusted-host pypi.example x && apt-get -o Acquire::AllowInsecureRepositories=true update\n', errors: [{ line: 2, column: 32, endLine: 2, endColumn: 46 }, { line: 2, column: 76, endLine: 2, endColumn: 115 }], output: 'FROM python:3.12\nRUN pip install --no-cache-dir x && apt-get update\n' },
    { name: 'fix: variables in ENV, ARG and before a command', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 GIT_SSL_NO_VERIFY=true B=2\nRUN PYTHONHTTPSVERIFY=0 python x.py\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 35 }, { line: 3, column: 9, endLine: 3, endColumn: 31 }, { line: 4, column: 5, endLine: 4, endColumn: 24 }], output: 'FROM node:20\nENV A=1 B=2\nRUN python x.py\n' },
    { name: 'no fix for settings written into config files', code: 'FROM node:20\nRUN echo "strict-ssl=false" >> ~/.npmrc\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 27, fix: null }], output: null },
  ],
});

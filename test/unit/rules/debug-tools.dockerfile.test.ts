import rule from '../../../server/src/engine/rules/debug-tools';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl ca-certificates\n' },
    { name: 'debug tools in a build stage that is only copied from', code: 'FROM debian:12 AS build\nRUN apt-get install -y gdb strace\nRUN make\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'tool names in an echo', code: 'FROM debian:12\nRUN echo "install tcpdump nmap for debugging"\n' },
    { name: 'pip packages are not system tools', code: 'FROM python:3.12\nRUN pip install --no-cache-dir gdb\n' },
    { name: 'simulated install', code: 'FROM debian:12\nRUN apt-get install -s gdb\n' },
    { name: 'similar names', code: 'FROM debian:12\nRUN apt-get install -y telnetd-ssl-docs netcat-dev-none socat-doc\n' },
  ],
  invalid: [
    { name: 'several tools, on each package word', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    netcat-openbsd \\\n    # packet capture\n    tcpdump=4.99.* && rm -rf /var/lib/apt/lists/*\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 19, severity: 'info', message: 'netcat' }, { line: 5, column: 5, endLine: 5, endColumn: 19, message: 'tcpdump' }] },
    { name: 'in the stage the final stage builds on', code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache strace\nFROM base\nUSER 1000\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 30 }] },
    { name: 'yum nmap', code: 'FROM rockylinux:9\nRUN yum install -y nmap socat\n', errors: [{ line: 2, column: 20, endLine: 2, endColumn: 24 }, { line: 2, column: 25, endLine: 2, endColumn: 30 }] },
    { name: 'heredoc install', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y telnet gdb\nEOF\n', errors: [{ line: 3, column: 20, endLine: 3, endColumn: 26 }, { line: 3, column: 27, endLine: 3, endColumn: 30 }] },
    // Fixes: the package leaves the install list.
    { name: 'fix: comment lines inside the continuation stay', code: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    # packet capture\n    tcpdump \\\n    vim\n', errors: [{ line: 5, column: 5, endLine: 5, endColumn: 12, fix: 'Remove tcpdump from the install list', safe: true }], output: 'FROM debian:12\nRUN apt-get install -y \\\n    curl \\\n    # packet capture\n    vim\n' },
    { name: 'fix: two tools on one line both go', code: 'FROM rockylinux:9\nRUN yum install -y nmap socat curl\n', errors: [{ line: 2, column: 20, endLine: 2, endColumn: 24 }, { line: 2, column: 25, endLine: 2, endColumn: 30 }], output: 'FROM rockylinux:9\nRUN yum install -y curl\n' },
    { name: 'fix: not safe when a HEALTHCHECK uses the tool', code: 'FROM debian:12\nRUN apt-get install -y curl netcat-openbsd\nHEALTHCHECK CMD nc -z localhost 80\n', errors: [{ line: 2, column: 29, endLine: 2, endColumn: 43, safe: false }], output: 'FROM debian:12\nRUN apt-get install -y curl\nHEALTHCHECK CMD nc -z localhost 80\n' },
    { name: 'no fix when only debug tools are installed', code: 'FROM debian:12\nRUN apt-get install -y gdb strace\n', errors: [{ line: 2, column: 24, endLine: 2, endColumn: 27, fix: null }, { line: 2, column: 28, endLine: 2, endColumn: 34, fix: null }], output: null },
  ],
});

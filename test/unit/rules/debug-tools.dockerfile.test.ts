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
  ],
});

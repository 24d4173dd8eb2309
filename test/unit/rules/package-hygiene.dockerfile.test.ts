import rule from '../../../server/src/engine/rules/package-hygiene';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'Install-Recommends off via -o', code: 'FROM debian:12\nRUN apt-get update && apt-get -o APT::Install-Recommends=false install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'Install-Recommends off in apt.conf.d by an earlier RUN', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/00norecommends\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'cache mounts on the apt lists need no cleanup', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'apt-get dist-clean removes the lists', code: 'FROM debian:13\nRUN apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n' },
    { name: 'apk --no-cache (also as a global option)', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && apk --no-cache add git\n' },
    { name: 'apk --no-network fetches no index', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps\n' },
    { name: 'pip --no-cache-dir and its prefix --no-cache', code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask && python -m pip install --no-cache gunicorn\n' },
    { name: 'PIP_NO_CACHE_DIR in ENV (any value disables the cache)', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR inline', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'pip cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR inherited from the stage this one is built FROM', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'install from lists an earlier layer fetched: nothing to remove here', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends python3\n' },
    { name: 'simulated install', code: 'FROM debian:12\nRUN apt-get install -s postgresql-jit > /dev/null\n' },
    { name: 'install text in an echo', code: 'FROM debian:12\nRUN echo "apt-get install curl"\n' },
  ],
  invalid: [
    { name: 'apt-get install without --no-install-recommends, lists left', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19, severity: 'info', message: 'lists' }, { line: 2, column: 31, endLine: 2, endColumn: 38, message: '--no-install-recommends' }] },
    { name: 'apt-get clean alone does not remove the lists', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get clean\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19 }] },
    { name: 'a cache mount on /var/cache/apt alone keeps the lists in the layer', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends curl\n', errors: [{ line: 2, column: 54, endLine: 2, endColumn: 60 }] },
    { name: 'apk add without --no-cache', code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n', errors: [{ line: 2, column: 23, endLine: 2, endColumn: 26, message: '--no-cache' }] },
    { name: 'pip install without --no-cache-dir, across a continuation', code: 'FROM python:3.12\nRUN python3 -m pip install \\\n    -r requirements.txt\n', errors: [{ line: 2, column: 20, endLine: 2, endColumn: 27, message: '--no-cache-dir' }] },
    { name: 'every stage counts, also build stages', code: 'FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n', errors: [{ line: 2, column: 9, endLine: 2, endColumn: 16 }] },
    { name: 'apt config of an unrelated stage does not carry over', code: 'FROM debian:12 AS a\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\nFROM debian:12\nRUN apt-get install -y curl\n', errors: [{ line: 4, column: 13, endLine: 4, endColumn: 20 }] },
    { name: 'ONBUILD RUN', code: 'FROM alpine:3.20\nONBUILD RUN apk add git\n', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 20 }] },
    { name: 'pip3 in a heredoc', code: 'FROM python:3.12\nRUN <<EOF\npip3 install flask\nEOF\n', errors: [{ line: 3, column: 6, endLine: 3, endColumn: 13 }] },
    // Fixes (safe): the flag after the verb, the lists cleanup at the end of the RUN in its own style.
    { name: 'fix: one-line RUN', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19, fix: 'Remove /var/lib/apt/lists/*', safe: true }, { line: 2, column: 31, endLine: 2, endColumn: 38, fix: 'Add --no-install-recommends', safe: true }], output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'fix: leading && style', code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends \\\n     curl\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19 }], output: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends \\\n     curl \\\n     && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'fix: trailing && style', code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19 }], output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\n' },
    { name: 'fix: set -eux; style', code: 'FROM debian:12\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends curl\n', errors: [{ line: 3, column: 13, endLine: 3, endColumn: 19 }], output: 'FROM debian:12\nRUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends curl; \\\n    rm -rf /var/lib/apt/lists/*\n' },
    { name: 'no cleanup fix for a RUN that only updates (a later RUN needs the lists)', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 19, fix: null }], output: null },
    { name: 'fix: apk --no-cache and pip --no-cache-dir, exec form too', code: 'FROM python:3.12-alpine\nRUN apk add curl\nRUN ["pip", "install", "flask"]\n', errors: [{ line: 2, column: 9, endLine: 2, endColumn: 12, fix: 'Add --no-cache to apk add' }, { line: 3, column: 13, endLine: 3, endColumn: 22, fix: 'Add --no-cache-dir to pip install' }], output: 'FROM python:3.12-alpine\nRUN apk add --no-cache curl\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n' },
  ],
});

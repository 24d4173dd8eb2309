import rule from '../../../server/src/engine/rules/root-user';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM node:20\nUSER node\nCMD ["node", "app.js"]\n' },
    { code: 'FROM node:20\nUSER 10001:10001\n' },
    { name: 'root only in an earlier build stage', code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'USER set in the stage the final stage builds on', code: 'FROM node:20 AS base\nUSER 1000\nFROM base\nCMD ["node"]\n' },
    { name: 'variable user is not known to be root', code: 'FROM alpine:3.20\nUSER $APP_UID\n' },
    { name: 'chainguard images run as non-root', code: 'FROM cgr.dev/chainguard/static:latest\n' },
    { name: 'root then non-root', code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
    { name: 'empty file', code: '' },
    { name: '.NET chiseled/distroless images set USER $APP_UID', code: 'ARG REPO=mcr.microsoft.com/dotnet/runtime-deps\nFROM $REPO:8.0-jammy-chiseled\nCOPY app /app\n' },
    { name: 'USER in a continuation-free ARG-resolved base stage chain', code: 'FROM node:20 AS base\nUSER node\nFROM base AS app\nFROM app\n' },
  ],
  invalid: [
    { name: 'no USER at all', code: 'FROM node:20\nCMD ["node", "app.js"]\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'no USER' }] },
    { name: 'USER root last', code: 'FROM node:20\nUSER node\nRUN id\nUSER root\n', errors: [{ line: 4, column: 6, endLine: 4, endColumn: 10, message: 'USER root' }] },
    { name: 'USER 0:0', code: 'FROM node:20\nUSER 0:0\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 9 }] },
    { name: 'root inherited from the stage the final stage builds on', code: 'FROM node:20 AS base\nUSER root\nFROM base\nCMD ["node"]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10 }] },
    { name: 'ONBUILD USER does not set this image\'s user', code: 'FROM node:20\nONBUILD USER node\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13 }] },
    { name: 'scratch runs as uid 0 unless told otherwise', code: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 13 }] },
    { name: 'only the final stage counts', code: 'FROM node:20 AS build\nUSER node\nFROM node:20-slim\nCMD ["node"]\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 18 }] },
    // Fixes: USER <uid> (bulkhead.fix.user), offered one by one (not fix-all: the uid may not own the files it needs).
    { name: 'fix: USER before the final CMD, above its comment', code: 'FROM node:20\nRUN npm ci\n# start\nCMD ["node", "app.js"]\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13, fix: 'Run as non-root user 10001', safe: false }], output: 'FROM node:20\nRUN npm ci\nUSER 10001\n# start\nCMD ["node", "app.js"]\n' },
    { name: 'fix: ENTRYPOINT then CMD, USER goes before both', code: 'FROM node:20\nEXPOSE 80\nENTRYPOINT ["node"]\nCMD ["app.js"]\n', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13 }], output: 'FROM node:20\nEXPOSE 80\nUSER 10001\nENTRYPOINT ["node"]\nCMD ["app.js"]\n' },
    { name: 'fix: no CMD, appended at the end (missing final newline added)', code: 'FROM node:20\nRUN npm ci', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13 }], output: 'FROM node:20\nRUN npm ci\nUSER 10001\n' },
    { name: 'fix: USER root replaced when nothing is built after it', code: 'FROM node:20\nRUN id\nUSER root\nCMD ["node"]\n', errors: [{ line: 3, column: 6, endLine: 3, endColumn: 10 }], output: 'FROM node:20\nRUN id\nUSER 10001\nCMD ["node"]\n' },
    { name: 'fix: USER root followed by RUN keeps the RUN as root, switches before CMD', code: 'FROM node:20\nUSER root\nRUN apt-get update\nCMD ["node"]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10 }], output: 'FROM node:20\nUSER root\nRUN apt-get update\nUSER 10001\nCMD ["node"]\n' },
    { name: 'fix: root from the base stage, USER added in the final stage', code: 'FROM node:20 AS base\nUSER root\nFROM base\nCMD ["node"]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10 }], output: 'FROM node:20 AS base\nUSER root\nFROM base\nUSER 10001\nCMD ["node"]\n' },
    { name: 'fix: configured uid, CRLF kept', code: 'FROM node:20\r\nCMD ["node"]\r\n', config: { fix: { user: '2000', limits: { cpu: '500m', memory: '512Mi', pids: 200 } } }, errors: [{ line: 1, column: 1, endLine: 1, endColumn: 13, fix: 'Run as non-root user 2000' }], output: 'FROM node:20\r\nUSER 2000\r\nCMD ["node"]\r\n' },
  ],
});

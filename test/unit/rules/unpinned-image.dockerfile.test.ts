import rule from '../../../server/src/engine/rules/unpinned-image';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM node:20.11-bookworm-slim\n' },
    { name: 'a digest pins, even with latest', code: 'FROM nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n' },
    { name: 'build-stage names are not images', code: 'FROM golang:1.22 AS build\nFROM build AS test\nFROM build\n' },
    { name: 'stage names compare case-insensitively', code: 'FROM golang:1.22 AS Build\nFROM build\n' },
    { name: 'scratch is not an image', code: 'FROM scratch\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=node:20\nFROM ${BASE}\n' },
    { name: 'ARG without a default is unknown', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'empty ARG default means "pass it at build time"', code: 'ARG TAG=\nFROM mcr.microsoft.com/windows/servercore:${TAG}\n' },
    { name: 'registry with a port is not a tag', code: 'FROM localhost:5000/team/app:1.2\n' },
    { name: 'tag from an ARG', code: 'ARG VERSION=3.20\nFROM alpine:$VERSION\n' },
  ],
  invalid: [
    { name: 'no tag', code: 'FROM nginx\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 11, message: 'has no tag' }] },
    { name: 'latest, on the tag', code: 'FROM nginx:latest AS web\n', errors: [{ line: 1, column: 12, endLine: 1, endColumn: 18, message: 'latest' }] },
    { name: 'registry port, no tag', code: 'FROM localhost:5000/app\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 24 }] },
    { name: 'ARG-resolved image without a tag, on the variable', code: 'ARG BASE=node\nFROM ${BASE}\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 13, message: 'node' }] },
    { name: '${VAR:-default} resolves to latest', code: 'ARG TAG\nFROM alpine:${TAG:-latest}\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 27, message: 'latest' }] },
    { name: '--platform flag', code: 'FROM --platform=$BUILDPLATFORM alpine AS tools\n', errors: [{ line: 1, column: 32, endLine: 1, endColumn: 38 }] },
    { name: 'every stage counts', code: 'FROM golang AS build\nFROM alpine:3.20\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 12 }] },
  ],
});

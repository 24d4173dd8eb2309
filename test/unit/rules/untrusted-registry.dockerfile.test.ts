import rule from '../../../server/src/engine/rules/untrusted-registry';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'official image', code: 'FROM nginx:1.27\nFROM docker.io/library/node:20\nFROM index.docker.io/library/alpine:3.20\n' },
    { name: 'default trusted vendors', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nFROM registry.k8s.io/pause:3.9\nFROM cgr.dev/chainguard/static:latest\nFROM public.ecr.aws/docker/library/node:20\n' },
    { name: 'per-architecture namespaces of the Official Images', code: 'FROM arm64v8/alpine:3.20\nFROM amd64/buildpack-deps:noble-curl\n' },
    { name: 'build stages and scratch are not images', code: 'FROM nginx:1.27 AS base\nFROM base\nFROM scratch\n' },
    { name: 'user list', code: 'FROM quay.io/myorg/app:1\n', config: { trustedRegistries: ['quay.io/myorg/*'] } },
    { name: 'user list with a registry port', code: 'FROM localhost:5000/team/app:1\n', config: { trustedRegistries: ['localhost:5000'] } },
    { name: 'unresolved variable is not judged', code: 'ARG REGISTRY\nFROM $REGISTRY/app:1\n' },
  ],
  invalid: [
    { name: 'Docker Hub user image', code: 'FROM bitnami/redis:7.2\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 23, message: 'docker.io/bitnami/redis', fix: 'Trust docker.io/bitnami/* in .bulkhead.yaml', safe: false }] },
    { name: 'the fix trusts the registry when there is no namespace', code: 'FROM registry.example.com:5000/app:1\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 37, fix: 'Trust registry.example.com:5000/* in .bulkhead.yaml', safe: false }] },
    { name: 'patterns match whole segments', code: 'FROM gcr.io/distroless-evil/static:1\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 37 }] },
    { name: 'ARG-resolved image', code: 'ARG BASE=ghcr.io/acme/base:1\nFROM ${BASE}\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 13, message: 'ghcr.io/acme/base' }] },
    { name: 'user list replaces the defaults', code: 'FROM nginx:1.27\n', config: { trustedRegistries: ['quay.io/myorg/*'] }, errors: [{ line: 1, column: 6, endLine: 1, endColumn: 16 }] },
    { name: 'a namespace pattern does not trust its sibling', code: 'FROM quay.io/myorg-evil/app:1\n', config: { trustedRegistries: ['quay.io/myorg/*'] }, errors: [{ line: 1, column: 6, endLine: 1, endColumn: 30 }] },
  ],
});

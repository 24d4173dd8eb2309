import rule from '../../../server/src/engine/rules/eol-image';
import { ruleTester } from '../../helpers/rule-tester';

// "Today" is pinned: the table's dates are compared with it, never with the clock.
const config = { now: new Date('2026-06-15T12:00:00Z') };

ruleTester(rule, {
  valid: [
    { code: 'FROM node:22-bookworm-slim\n', config },
    { name: 'a release whose end is after today', code: 'FROM python:3.10-slim\n', config },
    { name: 'a major-only tag is not a release (node 3 vs python 3.x)', code: 'FROM python:3\n', config },
    { name: 'a release newer than the table', code: 'FROM node:30\n', config },
    { name: 'unknown end of life (no date announced)', code: 'FROM nginx:1.29\n', config },
    { name: 'not an official image', code: 'FROM bitnami/node:16\n', config },
    { name: 'no tag is unpinned-image, not eol', code: 'FROM node\n', config },
    { name: 'build stages and scratch', code: 'FROM node:24 AS build\nFROM build\nFROM scratch\n', config },
    { name: 'a supported variant', code: 'FROM python:3.12-slim-bookworm\n', config },
    { name: 'mariadb 10.11 is not 10.1', code: 'FROM mariadb:10.11\n', config },
  ],
  invalid: [
    { name: 'node 16, on the version', code: 'FROM node:16-alpine\n', config, errors: [{ line: 1, column: 11, endLine: 1, endColumn: 13, message: 'Node.js 16 (gallium), which reached its end of life on 2023-09-11' }] },
    { name: 'a full version counts as its release', code: 'FROM python:3.8.18-slim AS build\n', config, errors: [{ line: 1, column: 13, endLine: 1, endColumn: 19, message: 'oldest supported newer release is 3.10' }] },
    { name: 'codename tags', code: 'FROM ubuntu:focal\n', config, errors: [{ line: 1, column: 13, endLine: 1, endColumn: 18, message: 'Ubuntu 20.04 (focal)' }] },
    { name: 'distribution variant', code: 'FROM python:3.12-slim-buster\n', config, errors: [{ line: 1, column: 23, endLine: 1, endColumn: 29, message: 'is built on Debian 10 (buster)' }] },
    { name: 'alpine variant', code: 'FROM node:22-alpine3.16\n', config, errors: [{ line: 1, column: 14, endLine: 1, endColumn: 24, message: 'Alpine Linux 3.16' }] },
    { name: 'every stage, with registry prefixes and digests', code: 'FROM docker.io/library/golang:1.21 AS build\nFROM postgres:12@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n', config, errors: [{ line: 1, column: 31, endLine: 1, endColumn: 35 }, { line: 2, column: 15, endLine: 2, endColumn: 17 }] },
    { name: 'ARG-resolved image: the whole reference', code: 'ARG NODE=16\nFROM node:${NODE}\n', config, errors: [{ line: 2, column: 6, endLine: 2, endColumn: 18, message: 'node:16' }] },
    { name: 'deprecated image: every tag', code: 'FROM openjdk:17-jdk-slim\n', config, errors: [{ line: 1, column: 14, endLine: 1, endColumn: 25, message: 'use eclipse-temurin instead' }] },
    { name: 'the fix: the oldest supported newer release, not safe', code: 'FROM node:16-alpine\n', config, errors: [{ line: 1, column: 11, endLine: 1, endColumn: 13, fix: 'Update to Node.js 22', safe: false }], output: 'FROM node:22-alpine\n' },
    { name: 'the fix keeps the codename style', code: 'FROM ubuntu:focal\n', config, errors: [{ line: 1, column: 13, endLine: 1, endColumn: 18, fix: 'Update to Ubuntu 22.04 (jammy)' }], output: 'FROM ubuntu:jammy\n' },
    {
      name: 'release and distribution both past: the fix moves both, or the new tag would be flagged again',
      code: 'FROM node:16-buster-slim AS build\nFROM postgres:12-alpine3.17\n',
      config,
      errors: [
        { line: 1, column: 11, endLine: 1, endColumn: 13, message: 'Node.js 16', fix: 'Update to Node.js 22 on Debian 11 (bullseye)', safe: false },
        { line: 2, column: 15, endLine: 2, endColumn: 17, message: 'PostgreSQL 12', fix: 'Update to PostgreSQL 14 on Alpine Linux 3.21 (alpine3.21)', safe: false },
      ],
      output: 'FROM node:22-bullseye-slim AS build\nFROM postgres:14-alpine3.21\n',
    },
    { name: 'a supported release on a past distribution: only the distribution moves', code: 'FROM python:3.12-slim-buster\n', config, errors: [{ line: 1, column: 23, endLine: 1, endColumn: 29, fix: 'Update to Debian 11 (bullseye)' }], output: 'FROM python:3.12-slim-bullseye\n' },
    { name: 'centos has no supported release left', code: 'FROM centos:7\n', config, errors: [{ line: 1, column: 13, endLine: 1, endColumn: 14, message: /^Image centos:7 is CentOS 7 \(centos7\) reached|end of life on 2024-06-30: it gets no more security fixes\.$/ }] },
  ],
});

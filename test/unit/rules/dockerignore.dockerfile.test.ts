import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../server/src/engine/rules/dockerignore';
import { runWorkspace, workspaceRuleTester } from '../../helpers/workspace-tester';

const COPY_ALL = 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\n';
const GOOD_IGNORE = '.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n';

workspaceRuleTester(rule, {
  valid: [
    { name: 'a .dockerignore that excludes .git, .env and keys', files: { Dockerfile: COPY_ALL, '.dockerignore': GOOD_IGNORE } },
    { name: 'an allow-list .dockerignore', files: { Dockerfile: COPY_ALL, '.dockerignore': '*\n!src\n!package.json\n' } },
    { name: 'copies only named files', files: { Dockerfile: 'FROM node:24\nCOPY package.json src/ /app/\n' } },
    { name: 'COPY --from another stage is not the context', files: { Dockerfile: 'FROM node:24 AS b\nFROM nginx:1.29\nCOPY --from=b . /usr/share/nginx/html\n' } },
    { name: 'a Dockerfile-specific ignore file wins', files: { 'app/Dockerfile': COPY_ALL, 'app/Dockerfile.dockerignore': GOOD_IGNORE, 'app/.dockerignore': 'node_modules\n' } },
    {
      name: 'Compose gives another context, and that one is filtered',
      files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n', 'docker/Dockerfile': COPY_ALL, '.dockerignore': GOOD_IGNORE },
    },
  ],
  invalid: [
    { name: 'no .dockerignore', files: { Dockerfile: COPY_ALL }, errors: { Dockerfile: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: "COPY sends the whole build context (the Dockerfile's directory) and there is no .dockerignore" }] } },
    { name: 'ADD ./ in a later stage', files: { 'svc/Containerfile': 'FROM golang:1.26 AS build\nADD ./ /src\n' }, errors: { 'svc/Containerfile': [{ line: 2, column: 5, endLine: 2, endColumn: 7 }] } },
    { name: 'exec form', files: { Dockerfile: 'FROM node:24\nCOPY [".", "/app"]\n' }, errors: { Dockerfile: [{ line: 2, column: 7, endLine: 2, endColumn: 10 }] } },
    {
      name: 'a .dockerignore that misses keys and .env',
      files: { Dockerfile: COPY_ALL, '.dockerignore': '.git\nnode_modules\n' },
      errors: { Dockerfile: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: '.dockerignore does not exclude .env, *.pem, *.key, id_rsa' }] },
    },
    {
      name: 'the Compose build context is the one that counts (one finding per context)',
      files: { 'deploy/compose.yaml': 'services:\n  web:\n    build:\n      context: ..\n      dockerfile: app/Dockerfile\n', 'app/Dockerfile': COPY_ALL, 'app/.dockerignore': GOOD_IGNORE },
      errors: { 'app/Dockerfile': [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: '(.., set by service web of ../deploy/compose.yaml)' }] },
    },
  ],
});

describe('dockerignore fixes', () => {
  it('creates the missing file next to the context, relative to the Dockerfile', () => {
    const findings = runWorkspace(rule, { name: '', files: { 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n', 'api/Dockerfile': COPY_ALL } });
    const [fix] = findings.get('api/Dockerfile')![0].fixes!;
    assert.equal(fix.safe, true);
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.fileEdits?.length, 1);
    assert.equal(fix.fileEdits![0].relativePath, '../.dockerignore');
    assert.match(fix.fileEdits![0].create!, /^# .*\n\.git\n\*\*\/\.env\n\*\*\/\*\.pem\n\*\*\/\*\.key\n\*\*\/id_rsa\*\n$/);
  });

  it('appends only the missing entries, starting on a new line', () => {
    const findings = runWorkspace(rule, { name: '', files: { Dockerfile: COPY_ALL, '.dockerignore': '.git\n**/*.pem\n**/*.key\n**/id_rsa*' } });
    const [fix] = findings.get('Dockerfile')![0].fixes!;
    assert.deepEqual(fix.fileEdits, [{ relativePath: '.dockerignore', append: '\n# Keep VCS data, local environment files and keys out of the build context (bulkhead dockerignore).\n**/.env\n' }]);
  });

  it('the fix makes the finding go away', () => {
    const before = runWorkspace(rule, { name: '', files: { Dockerfile: COPY_ALL, '.dockerignore': 'node_modules\n' } });
    const edit = before.get('Dockerfile')![0].fixes![0].fileEdits![0];
    const after = runWorkspace(rule, { name: '', files: { Dockerfile: COPY_ALL, '.dockerignore': `node_modules\n${edit.append}` } });
    assert.equal(after.size, 0);
  });
});

import rule from '../../../server/src/engine/rules/secret-file-copied';
import { ruleTester } from '../../helpers/rule-tester';

const CONTEXT_WITH_SECRETS = ['Dockerfile', 'package.json', 'src/index.js', '.env', 'deploy/id_rsa', 'certs/ca.pem'];
const CLEAN_CONTEXT = ['Dockerfile', 'package.json', 'src/index.js', '.env.example', 'certs/ca.pem', 'keys/id_rsa.pub'];

ruleTester(rule, {
  valid: [
    { name: 'ordinary files', code: 'FROM node:20\nCOPY package.json package-lock.json ./\nCOPY src/ /app/src/\n' },
    { name: 'whole context without a listing is the dockerignore rule\'s concern', code: 'FROM node:20\nCOPY . .\n' },
    { name: 'whole context whose listing has no credentials', code: 'FROM node:20\nCOPY . /app\n', buildContext: CLEAN_CONTEXT },
    { name: 'wide globs without a listing', code: 'FROM node:20\nCOPY *.json ./\nCOPY * /app/\n' },
    { name: 'from another stage or image', code: 'FROM node:20 AS build\nRUN make\nFROM node:20\nCOPY --from=build /root/.ssh/id_rsa /tmp/x\nCOPY --from=build /app/server.key /app/\n' },
    { name: 'public keys, certificates and templates', code: 'FROM node:20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY ca.pem /usr/local/share/ca-certificates/ca.crt\nCOPY .env.example .env.example\nCOPY fullchain.pem /etc/nginx/\n' },
    { name: 'key-like globs copied to certificate folders', code: 'FROM nginx:1.27\nCOPY *.pem /etc/nginx/certs/\nCOPY *.key /etc/apt/keyrings/\n' },
    { name: 'a .key copied to a .pub destination (regression: jenkinsci/docker signing key)', code: 'FROM debian:12\nCOPY jenkins.io-2026.key /war/jenkins-key.pub\n' },
    { name: 'heredoc COPY writes inline text (embedded-secret judges it)', code: 'FROM node:20\nCOPY <<EOF /root/.ssh/config\nHost *\nEOF\n' },
    { name: 'remote sources and variables', code: 'FROM node:20\nADD https://example.com/server.key /tmp/\nCOPY ${KEY_FILE} /app/\n' },
    { name: 'openssh-client is not a key file', code: 'FROM debian:12\nRUN apt-get install -y openssh-client\nCOPY ssh_config /etc/ssh/ssh_config\n' },
  ],
  invalid: [
    { name: 'a TLS private key is one wherever it goes', code: 'FROM nginx:1.27\nCOPY server.key /etc/nginx/certs/\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 16 }] },
    { name: 'SSH private key', code: 'FROM node:20\nCOPY id_rsa /root/.ssh/id_rsa\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 12, message: 'credential file id_rsa' }] },
    {
      name: 'each credential name of the catalogue',
      code: 'FROM node:20\nCOPY server.pem tls.key .env .npmrc .netrc credentials.json .git-credentials /app/\nADD .aws /root/.aws\nCOPY ./config/.env.production /app/.env\n',
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 16 },
        { line: 2, column: 17, endLine: 2, endColumn: 24 },
        { line: 2, column: 25, endLine: 2, endColumn: 29 },
        { line: 2, column: 30, endLine: 2, endColumn: 36 },
        { line: 2, column: 37, endLine: 2, endColumn: 43 },
        { line: 2, column: 44, endLine: 2, endColumn: 60 },
        { line: 2, column: 61, endLine: 2, endColumn: 77 },
        { line: 3, column: 5, endLine: 3, endColumn: 9, message: 'ADD puts the credential file .aws' },
        { line: 4, column: 6, endLine: 4, endColumn: 30 },
      ],
    },
    { name: 'exec form', code: 'FROM node:20\nCOPY ["secrets/.npmrc", "/root/.npmrc"]\n', errors: [{ line: 2, column: 7, endLine: 2, endColumn: 23 }] },
    {
      name: 'globs shaped like key files',
      code: 'FROM node:20\nCOPY *.pem /app/\nCOPY .env* ./\nCOPY keys/id_* /root/.ssh/\n',
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 11, message: 'glob *.pem' },
        { line: 3, column: 6, endLine: 3, endColumn: 11 },
        { line: 4, column: 6, endLine: 4, endColumn: 15 },
      ],
    },
    {
      name: 'whole-context copy when the context holds credential files',
      code: 'FROM node:20\nCOPY . .\n',
      buildContext: CONTEXT_WITH_SECRETS,
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 7, message: 'whole build context copies credential files from the build context into the image (.env, deploy/id_rsa)' }],
    },
    {
      name: 'directories and wide globs judged by the listing',
      code: 'FROM node:20\nCOPY deploy/ /opt/deploy/\nCOPY *.json /app/\n',
      buildContext: ['package.json', 'credentials.json', 'deploy/run.sh', 'deploy/id_rsa'],
      errors: [
        { line: 2, column: 6, endLine: 2, endColumn: 13, message: 'deploy/' },
        { line: 3, column: 6, endLine: 3, endColumn: 12, message: 'credentials.json' },
      ],
    },
  ],
});

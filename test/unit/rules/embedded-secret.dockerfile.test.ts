import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../server/src/engine/rules/embedded-secret';
import { runRule, ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { FakeSecrets } from '../../helpers/fake-secrets';

const fake = new FakeSecrets(1);

/** A known-format token on a `# comment` line: found anywhere, reported on the token itself. */
function inComment(label: string, token: string): InvalidCase {
  return { name: `${label} in a comment`, code: `FROM alpine:3.20\n# ${token}\n`, errors: [{ line: 2, column: 3, endLine: 2, endColumn: 3 + token.length, severity: 'error', message: /^Embedded secret: a .+ \(.{1,4}… \(\d+ chars\)\)/ }] };
}

const gh = fake.github();
const awsId = fake.awsAccessKeyId();
const awsSecret = fake.awsSecretAccessKey();
const pw = fake.password(18);
const urlPassword = fake.random(14);
const key = fake.privateKey();
const keyLines = key.split('\n');

ruleTester(rule, {
  valid: [
    { name: 'references', code: 'FROM alpine:3.20\nARG NPM_TOKEN\nENV API_KEY=${API_KEY} DB_PASSWORD=$DB_PASSWORD TOKEN=${TOKEN:?required}\n' },
    { name: 'descriptive suffixes: TOKEN_URL, PASSWORD_FILE, SECRET_NAME', code: 'FROM alpine:3.20\nENV TOKEN_URL=https://auth.example.com/token PASSWORD_FILE=/run/secrets/db SECRET_NAME=app-db AUTH_ENABLED=1\n' },
    { name: 'paths, empty values, booleans, ports', code: 'FROM alpine:3.20\nENV DB_PASSWORD_PATH=/run/secrets/db SECRET= TOKEN_REQUIRED=true API_KEY=\'\' PASSWORD=/run/secrets/pw AUTH=false PWD=/app\n' },
    { name: 'placeholders', code: 'FROM alpine:3.20\nENV PASSWORD=<password> API_KEY=xxxxxxxx TOKEN=your-token-here SECRET=REPLACE_ME GH_TOKEN=GITHUB_TOKEN\n' },
    { name: "AWS's documentation example keys", code: `FROM alpine:3.20\n# ${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nENV AWS_SECRET_ACCESS_KEY=${['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/')}\n` },
    { name: 'filler tokens in documentation', code: `FROM alpine:3.20\n# ${'gh'}p_${'x'.repeat(36)}\n# ${'gh'}p_${'0123456789'.repeat(3)}012345\n` },
    { name: 'not secret-like names', code: 'FROM alpine:3.20\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D PASSWORDLESS=1 TOKENIZER=bert CACHE_KEY=v2\nRUN apt-get install -y openssh-client\n' },
    { name: 'GitHub Actions and Helm style references', code: 'FROM alpine:3.20\nARG GH_TOKEN=${{ secrets.GH_TOKEN }}\nENV API_KEY="{{ .Values.apiKey }}"\n' },
    { name: 'a PEM header without a key body', code: `FROM alpine:3.20\n# -----BEGIN ${'PRIVATE'} KEY-----\n# ...\n` },
    { name: 'a URL with a variable password or documentation credentials', code: 'FROM alpine:3.20\nRUN git clone https://oauth2:${GITLAB_TOKEN}@gitlab.example.com/x.git && curl https://user:password@example.com/\n' },
    { name: 'labels with prose', code: 'FROM alpine:3.20\nLABEL secret.description="Keeps the secret sauce out of the image"\n' },
    { name: 'filler runs (regression: sysdig example access key)', code: 'FROM alpine:3.20\nENV ACCESS_KEY=8312341g-5678-abcd-4a2b2c-33bcsd655\n' },
    { name: 'an upper-case name as value (regression: docker/compose test data)', code: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT\n' },
  ],
  invalid: [
    inComment('GitHub classic token', gh),
    inComment('GitHub OAuth token', fake.github('o')),
    inComment('GitHub user-to-server token', fake.github('u')),
    inComment('GitHub server-to-server token', fake.github('s')),
    inComment('GitHub refresh token', fake.github('r')),
    inComment('GitHub fine-grained token', fake.githubFineGrained()),
    inComment('GitLab token', fake.gitlab()),
    inComment('Slack bot token', fake.slack('b')),
    inComment('Slack user token', fake.slack('p')),
    inComment('Slack webhook', fake.slackWebhook()),
    inComment('Stripe live key', fake.stripeLive()),
    inComment('npm token', fake.npm()),
    inComment('Google API key', fake.gcpApiKey()),
    inComment('OpenAI key', fake.openai()),
    inComment('Anthropic key', fake.anthropic()),
    inComment('JWT', fake.jwt()),
    inComment('AWS access key id', awsId),
    {
      name: 'AWS secret access key in a RUN command',
      code: `FROM alpine:3.20\nRUN aws configure set aws_secret_access_key ${awsSecret} || true\nRUN export AWS_SECRET_ACCESS_KEY=${awsSecret}\n`,
      errors: [{ line: 3, column: 34, endLine: 3, endColumn: 74, message: 'AWS secret access key' }],
    },
    {
      name: 'PEM private key in a heredoc: the whole block',
      code: `FROM alpine:3.20\nCOPY <<EOF /root/key\n${key}\nEOF\n`,
      errors: [{ line: 3, column: 1, endLine: 3 + keyLines.length - 1, endColumn: keyLines[keyLines.length - 1].length + 1, message: 'private key' }],
    },
    {
      name: 'URL with a password in RUN',
      code: `FROM alpine:3.20\nRUN curl -fsSL https://deploy:${urlPassword}@repo.example.com/pkg.tgz | tar xz\n`,
      errors: [{ line: 2, column: 31, endLine: 2, endColumn: 31 + urlPassword.length, severity: 'error', message: 'password in a URL' }],
    },
    {
      name: 'URL with a default password is a warning',
      code: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://postgres:postgres@db:5432/app\n',
      errors: [{ line: 2, column: 38, endLine: 2, endColumn: 46, severity: 'warning' }],
    },
    {
      name: 'ENV with sensitive names in every spelling',
      code: `FROM alpine:3.20\nENV DB_PASSWORD=${pw} dbPasswd=${pw}\nENV api-key=${pw}\nENV client.secret=${pw}\n`,
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 35, message: 'ENV DB_PASSWORD is given a literal credential' },
        { line: 2, column: 45, endLine: 2, endColumn: 63, message: 'dbPasswd' },
        { line: 3, column: 13, endLine: 3, endColumn: 31 },
        { line: 4, column: 19, endLine: 4, endColumn: 37 },
      ],
    },
    {
      name: 'legacy ENV form (ENV NAME value)',
      code: `FROM alpine:3.20\nENV DB_PASSWORD ${pw}\n`,
      errors: [{ line: 2, column: 17, endLine: 2, endColumn: 35, message: 'ENV DB_PASSWORD' }],
    },
    {
      name: 'ARG default, quoted',
      code: `FROM alpine:3.20\nARG NPM_TOKEN="${pw}"\n`,
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 35, message: 'ARG default NPM_TOKEN' }],
    },
    {
      name: 'global ARG before FROM',
      code: `ARG ACCESS_KEY=${pw}\nFROM alpine:3.20\n`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'LABEL',
      code: `FROM alpine:3.20\nLABEL registry.token=${pw}\n`,
      errors: [{ line: 2, column: 22, endLine: 2, endColumn: 40, message: 'LABEL registry.token' }],
    },
    {
      name: 'PWD as a whole word, CREDENTIALS, AUTH with a random value',
      code: `FROM alpine:3.20\nENV MYSQL_PWD=${pw} CREDENTIALS=${pw} AUTH=${pw}\n`,
      errors: [
        { line: 2, column: 15, endLine: 2, endColumn: 33 },
        { line: 2, column: 46, endLine: 2, endColumn: 64 },
        { line: 2, column: 70, endLine: 2, endColumn: 88 },
      ],
    },
    {
      name: 'placeholder class "weak default": changeme, example, password123 are warnings',
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme ADMIN_PASSWORD=example ROOT_PASSWORD=password123\n',
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 25, severity: 'warning', message: 'well-known default value' },
        { line: 2, column: 41, endLine: 2, endColumn: 48, severity: 'warning' },
        { line: 2, column: 63, endLine: 2, endColumn: 74, severity: 'warning' },
      ],
    },
    {
      name: '${VAR:-default} with a literal default',
      code: `FROM alpine:3.20\nARG API_TOKEN=\${API_TOKEN:-${pw}}\n`,
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 47, message: 'API_TOKEN' }],
    },
    {
      name: 'a token in ENV is reported once, as the token',
      code: `FROM alpine:3.20\nENV GITHUB_TOKEN=${gh}\n`,
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 58, message: 'GitHub token' }],
    },
  ],
});

/** Applies a fix's edits (non-overlapping) to the text, last first. */
function applyFix(code: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : code.length);
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((text, e) => text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end)), code);
}

describe('embedded-secret (dockerfile) fix: BuildKit secret', () => {
  it('mounts the secret on the RUNs that read it and drops the ENV', () => {
    const code = `FROM node:20 AS build\nENV NPM_TOKEN=${pw}\nRUN npm ci\nRUN echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc && npm publish\nFROM build AS test\nRUN --network=none npm test -- --token=$NPM_TOKEN\n`;
    const [finding] = runRule(rule, { code });
    assert.equal(finding.fixes?.length, 1);
    assert.equal(finding.fixes![0].safe, false);
    assert.equal(
      applyFix(code, finding.fixes![0].edits),
      'FROM node:20 AS build\nRUN npm ci\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm publish\nFROM build AS test\nRUN --network=none --mount=type=secret,id=npm-token,env=NPM_TOKEN npm test -- --token=$NPM_TOKEN\n',
    );
  });

  it('drops only its own property from an ENV with several', () => {
    const code = `FROM node:20\nARG API_KEY=${pw} MODE=prod\nRUN ./fetch --key "$API_KEY"\n`;
    const [finding] = runRule(rule, { code });
    assert.equal(applyFix(code, finding.fixes![0].edits), 'FROM node:20\nARG MODE=prod\nRUN --mount=type=secret,id=api-key,env=API_KEY ./fetch --key "$API_KEY"\n');
  });

  it('a known token in ENV gets the same fix', () => {
    const code = `FROM node:20\nENV GH_TOKEN=${gh}\nRUN gh release download --repo o/r\nRUN echo $GH_TOKEN | docker login ghcr.io -u ci --password-stdin\n`;
    const [finding] = runRule(rule, { code });
    assert.match(finding.message, /GitHub token/);
    assert.equal(applyFix(code, finding.fixes![0].edits), 'FROM node:20\nRUN gh release download --repo o/r\nRUN --mount=type=secret,id=gh-token,env=GH_TOKEN echo $GH_TOKEN | docker login ghcr.io -u ci --password-stdin\n');
  });

  it('is not offered when no RUN reads the variable (it is needed at run time)', () => {
    const [finding] = runRule(rule, { code: `FROM node:20\nENV DB_PASSWORD=${pw}\nCMD ["node", "server.js"]\n` });
    assert.equal(finding.fixes, undefined);
  });
});

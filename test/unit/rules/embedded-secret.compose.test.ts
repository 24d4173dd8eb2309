import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/engine/rules/embedded-secret';
import { runRule, ruleTester } from '../../helpers/rule-tester';
import { FakeSecrets } from '../../helpers/fake-secrets';

const fake = new FakeSecrets(2);
const pw = fake.password(20);
const slack = fake.slack();
const stripe = fake.stripeLive();
const header = 'services:\n  app:\n    image: example/app:1.0\n';

ruleTester(rule, {
  valid: [
    { name: 'references and pass-through variables', code: `${header}    environment:\n      API_KEY: \${API_KEY}\n      DB_PASSWORD: "$DB_PASSWORD"\n      TOKEN: \${TOKEN:?set TOKEN}\n      SECRET:\n      - IGNORED\n`, kind: 'compose' },
    { name: 'list form references', code: `${header}    environment:\n      - API_KEY=\${API_KEY}\n      - NPM_TOKEN\n      - TOKEN_URL=https://auth.example.com\n      - PASSWORD_FILE=/run/secrets/db\n`, kind: 'compose' },
    { name: 'build args from the environment', code: `${header}    build:\n      context: .\n      args:\n        NPM_TOKEN: \${NPM_TOKEN}\n        - ignored\n`, kind: 'compose' },
    { name: 'booleans, numbers and placeholders', code: `${header}    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_RANDOM_ROOT_PASSWORD: 1\n      AUTH: basic\n      API_KEY: <your-api-key>\n      SECRET_KEY: xxx\n`, kind: 'compose' },
    { name: 'secrets: as files, the right way', code: `${header}    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n`, kind: 'compose' },
  ],
  invalid: [
    {
      name: 'map form: literal password, with a fix to ${NAME}',
      code: `${header}    environment:\n      DB_PASSWORD: ${pw}\n`,
      kind: 'compose',
      errors: [{ line: 5, column: 20, endLine: 5, endColumn: 40, severity: 'error', message: 'environment DB_PASSWORD is given a literal credential' }],
    },
    {
      name: 'list form: only the value is flagged',
      code: `${header}    environment:\n      - "API_KEY=${pw}"\n      - SECRET_KEY=${pw}\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 18, endLine: 5, endColumn: 38 },
        { line: 6, column: 20, endLine: 6, endColumn: 40 },
      ],
    },
    {
      name: 'build.args map and list',
      code: `${header}    build:\n      context: .\n      args:\n        NPM_TOKEN: ${pw}\n        GITHUB_TOKEN: "${pw}"\n`,
      kind: 'compose',
      errors: [
        { line: 7, column: 20, endLine: 7, endColumn: 40, message: 'build.args NPM_TOKEN' },
        { line: 8, column: 23, endLine: 8, endColumn: 45 },
      ],
    },
    {
      name: '${VAR:-default} with a weak default is a warning',
      code: `${header}    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-changeme}\n`,
      kind: 'compose',
      errors: [{ line: 5, column: 26, endLine: 5, endColumn: 56, severity: 'warning' }],
    },
    {
      name: 'known tokens anywhere: comments and commands',
      code: `${header}    # ${slack}\n    command: ["sh", "-c", "deploy --key ${stripe}"]\n`,
      kind: 'compose',
      errors: [
        { line: 4, column: 7, endLine: 4, endColumn: 7 + slack.length, message: 'Slack token' },
        { line: 5, column: 41, endLine: 5, endColumn: 41 + stripe.length, message: 'Stripe live key' },
      ],
    },
    {
      name: 'the fix in a block list: only the value is replaced',
      code: `${header}    build:\n      args:\n        - NPM_TOKEN=${pw}\n`,
      kind: 'compose',
      errors: [{ line: 6, column: 21, endLine: 6, endColumn: 41, fix: 'Read NPM_TOKEN from the environment (${NPM_TOKEN})', safe: false }],
      output: `${header}    build:\n      args:\n        - NPM_TOKEN=\${NPM_TOKEN}\n`,
    },
    {
      name: 'the fix in a flow list quotes the plain item, where { and } would end it',
      code: `${header}    build:\n      args: [NPM_TOKEN=${pw}, "GITHUB_TOKEN=${pw}", DEBUG=1]\n`,
      kind: 'compose',
      errors: [
        { line: 5, column: 24, endLine: 5, endColumn: 44, fix: 'Read NPM_TOKEN from the environment (${NPM_TOKEN})' },
        { line: 5, column: 60, endLine: 5, endColumn: 80, fix: 'Read GITHUB_TOKEN from the environment (${GITHUB_TOKEN})' },
      ],
      output: `${header}    build:\n      args: ["NPM_TOKEN=\${NPM_TOKEN}", "GITHUB_TOKEN=\${GITHUB_TOKEN}", DEBUG=1]\n`,
    },
    {
      name: 'the fix in a flow mapping quotes a plain value',
      code: `${header}    environment: {DB_PASSWORD: ${pw}, API_KEY: '${pw}'}\n`,
      kind: 'compose',
      errors: [
        { line: 4, column: 32, endLine: 4, endColumn: 52, fix: 'Read DB_PASSWORD from the environment (${DB_PASSWORD})' },
        { line: 4, column: 63, endLine: 4, endColumn: 85 },
      ],
      output: `${header}    environment: {DB_PASSWORD: "\${DB_PASSWORD}", API_KEY: '\${API_KEY}'}\n`,
    },
    {
      name: 'values inherited through extends are reported once, where they are written',
      code: `services:\n  base:\n    image: example/app:1.0\n    environment:\n      DB_PASSWORD: ${pw}\n  web:\n    extends: base\n`,
      kind: 'compose',
      errors: [{ line: 5, column: 20, endLine: 5, endColumn: 40 }],
    },
  ],
});

it('embedded-secret (compose): the fix replaces the literal with ${NAME}', () => {
  const code = `${header}    environment:\n      DB_PASSWORD: "${pw}"\n      - bad\n`;
  const [finding] = runRule(rule, { code: `${header}    environment:\n      DB_PASSWORD: "${pw}"\n`, kind: 'compose' });
  assert.ok(finding.fixes && finding.fixes.length === 1);
  const edit = finding.fixes[0].edits[0];
  assert.equal(edit.newText, '${DB_PASSWORD}');
  const lines = code.split('\n');
  const fixed = lines[edit.range.start.line].slice(0, edit.range.start.character) + edit.newText + lines[edit.range.end.line].slice(edit.range.end.character);
  assert.equal(fixed, '      DB_PASSWORD: "${DB_PASSWORD}"');
  assert.equal(finding.fixes[0].safe, false);
});

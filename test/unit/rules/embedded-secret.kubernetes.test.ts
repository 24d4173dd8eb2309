import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/engine/rules/embedded-secret';
import { runRule, ruleTester } from '../../helpers/rule-tester';
import { FakeSecrets } from '../../helpers/fake-secrets';

const fake = new FakeSecrets(3);
const pw = fake.password(20);
const jwt = fake.jwt();
const gcp = fake.gcpApiKey();

const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n      env:\n${env}`;

ruleTester(rule, {
  valid: [
    { name: 'valueFrom and dependent variables', code: pod('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n        - name: API_TOKEN\n          value: $(TOKEN_FROM_SECRET)\n'), kind: 'kubernetes' },
    { name: 'descriptive names and paths', code: pod('        - name: TOKEN_URL\n          value: https://auth.example.com/token\n        - name: PASSWORD_FILE\n          value: /var/run/secrets/db/password\n        - name: AUTH_MODE\n          value: oidc\n'), kind: 'kubernetes' },
    { name: 'Helm-style and envsubst references', code: pod('        - name: API_KEY\n          value: "{{ .Values.apiKey }}"\n        - name: SECRET_KEY\n          value: ${SECRET_KEY}\n'), kind: 'kubernetes' },
    { name: 'ConfigMap data without sensitive names', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  LOG_LEVEL: debug\n  SECRET_NAME: app-secrets\n  TOKEN_TTL: "3600"\n', kind: 'kubernetes' },
    { name: 'an upper-case variable name as value (regression: GKE samples "HF_TOKEN")', code: pod('        - name: HF_TOKEN\n          value: "HF_TOKEN"\n        - name: NGC_API_KEY\n          value: "nvapi-NVKEY"\n'), kind: 'kubernetes' },
    {
      name: 'config files in ConfigMaps: settings that share names with credentials (regressions: nsswitch, Ray, Istio)',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  nsswitch.conf: |\n    passwd:         compat\n    shadow:         files\n  serve.py: |\n    token=os.environ["HUGGING_FACE_HUB_TOKEN"]\n  config.json: |\n    {"token": {\n      "audience": "istio-ca"}}\n',
      kind: 'kubernetes',
    },
    { name: 'Secrets are the secret-in-manifest rule\'s', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2hunter2\n', kind: 'kubernetes' },
  ],
  invalid: [
    {
      name: 'env[].value with a literal password',
      code: pod(`        - name: DB_PASSWORD\n          value: "${pw}"\n`),
      kind: 'kubernetes',
      errors: [{ line: 11, column: 18, endLine: 11, endColumn: 40, severity: 'error', message: 'env[].value DB_PASSWORD is given a literal credential' }],
    },
    {
      name: 'init containers and CronJobs too',
      code: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: init\n              image: example/init:1.0\n              env:\n                - {name: API_KEY, value: ${pw}}\n`,
      kind: 'kubernetes',
      errors: [{ line: 15, column: 42, endLine: 15, endColumn: 62 }],
    },
    {
      name: 'ConfigMap data with a sensitive key, and a weak default',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  DB_PASSWORD: ${pw}\n  admin.password: admin\n`,
      kind: 'kubernetes',
      errors: [
        { line: 6, column: 16, endLine: 6, endColumn: 36, severity: 'error', message: 'ConfigMap data DB_PASSWORD' },
        { line: 7, column: 19, endLine: 7, endColumn: 24, severity: 'warning' },
      ],
    },
    {
      name: 'config files in ConfigMaps: random values and weak defaults on their own lines',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  application.properties: |\n    spring.datasource.url=jdbc:postgresql://db/app\n    spring.datasource.password=${pw}\n    admin.password = changeme\n  app.env: |\n    export API_KEY="${pw}"\n`,
      kind: 'kubernetes',
      errors: [
        { line: 8, column: 32, endLine: 8, endColumn: 52, severity: 'error', message: 'ConfigMap data application.properties: spring.datasource.password' },
        { line: 9, column: 22, endLine: 9, endColumn: 30, severity: 'warning' },
        { line: 11, column: 21, endLine: 11, endColumn: 41 },
      ],
    },
    {
      name: 'tokens anywhere: annotations and args',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n    debug: "${jwt}"\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n      args: ["--key=${gcp}"]\n`,
      kind: 'kubernetes',
      errors: [
        { line: 6, column: 13, endLine: 6, endColumn: 13 + jwt.length, message: 'JSON Web Token' },
        { line: 11, column: 21, endLine: 11, endColumn: 21 + gcp.length, message: 'Google API key' },
      ],
    },
    {
      name: 'each `---` document on its own, positions in the file',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n---\n${pod(`        - name: API_TOKEN\n          value: ${pw}\n`)}`,
      kind: 'kubernetes',
      errors: [{ line: 18, column: 18, endLine: 18, endColumn: 38 }],
    },
  ],
});

it('embedded-secret (kubernetes): the fix turns value: into valueFrom.secretKeyRef', () => {
  const code = pod(`        - name: DB_PASSWORD\n          value: "${pw}"\n`);
  const [finding] = runRule(rule, { code, kind: 'kubernetes' });
  const edit = finding.fixes![0].edits[0];
  const lines = code.split('\n');
  const before = lines.slice(0, edit.range.start.line).join('\n');
  const fixed = `${before}\n${lines[edit.range.start.line].slice(0, edit.range.start.character)}${edit.newText}${lines[edit.range.end.line].slice(edit.range.end.character)}\n`;
  assert.equal(fixed, pod('        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: app-secrets\n              key: db_password\n'));
});

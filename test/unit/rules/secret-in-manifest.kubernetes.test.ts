import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/engine/rules/secret-in-manifest';
import { runRule, ruleTester } from '../../helpers/rule-tester';
import { FakeSecrets } from '../../helpers/fake-secrets';

const fake = new FakeSecrets(4);
const pw = fake.password(24);
const encoded = Buffer.from(pw).toString('base64');

ruleTester(rule, {
  valid: [
    { name: 'a Secret without values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  annotations:\n    kubernetes.io/service-account.name: app\ntype: kubernetes.io/service-account-token\n', kind: 'kubernetes' },
    { name: 'empty and templated values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ""\nstringData:\n  token: ${TOKEN}\n  key: "{{ .Values.key }}"\n', kind: 'kubernetes' },
    { name: 'documentation placeholders (regression: ingress-nginx dhparam example)', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: dh\ndata:\n  dhparam.pem: "...base64 encoded data..."\n  token: <base64-token>\n', kind: 'kubernetes' },
    { name: 'other kinds with data', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  password: not-this-rule\n', kind: 'kubernetes' },
    { name: 'SealedSecret holds ciphertext', code: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: ${fake.random(60)}\n`, kind: 'kubernetes' },
  ],
  invalid: [
    {
      name: 'data and stringData values, each on its key',
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${encoded}\nstringData:\n  api-token: ${pw}\n`,
      kind: 'kubernetes',
      errors: [
        { line: 6, column: 3, endLine: 6, endColumn: 11, severity: 'warning', message: 'Secret "db" commits the value of "password" in data (decoded ' },
        { line: 8, column: 3, endLine: 8, endColumn: 12, message: 'in stringData' },
      ],
    },
    {
      name: 'a whole config file in stringData counts (regression: kube-prometheus grafana.ini)',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: grafana-config\nstringData:\n  datasources.yaml: |-\n    {"apiVersion": 1, "datasources": []}\n',
      kind: 'kubernetes',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 19 }],
    },
    {
      name: 'a Secret inside a List, in a multi-document file',
      code: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: x}\n    data: {token: ${encoded}}\n`,
      kind: 'kubernetes',
      errors: [{ line: 12, column: 12, endLine: 12, endColumn: 17 }],
    },
  ],
});

it('secret-in-manifest: the message shows a redacted preview of the decoded value, never the value', () => {
  const [finding] = runRule(rule, { code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${encoded}\n`, kind: 'kubernetes' });
  assert.match(finding.message, new RegExp(`decoded ${pw.slice(0, 4).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}… \\(24 chars\\)`));
  assert.ok(!finding.message.includes(pw) && !finding.message.includes(encoded));
});

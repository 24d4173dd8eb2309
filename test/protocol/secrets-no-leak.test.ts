import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';
import { FakeSecrets, PlantedSecrets } from '../helpers/fake-secrets';

/** Diagnostics, hovers and log messages carry a redacted preview at most, never the secret. */
describe('language server over stdio: secrets never leak', () => {
  const fake = new FakeSecrets(7);
  const planted = new PlantedSecrets();
  const keep = (value: string) => planted.keep(value);
  let client: TestLspClient;
  const logs: string[] = [];

  before(async () => {
    client = new TestLspClient();
    await client.initialize();
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logs.push(p.message);
    });
  });
  after(async () => client.shutdown());

  const documents = [
    { uri: 'file:///work/leak/Dockerfile', languageId: 'dockerfile', text: () => `FROM node:24\n# ${keep(fake.github())}\nENV DB_PASSWORD=${keep(fake.password(20))}\nARG API_KEY=${keep(fake.stripeLive())}\nUSER node\n` },
    { uri: 'file:///work/leak/compose.yaml', languageId: 'dockercompose', text: () => `services:\n  app:\n    image: example/app:1.0\n    environment:\n      SECRET_KEY: ${keep(fake.password(24))}\n` },
    { uri: 'file:///work/leak/docker-compose.yml', languageId: 'dockercompose', text: () => `services:\n  app:\n    image: example/app:1.0\n    environment:\n      - SLACK_TOKEN=${keep(fake.slack())}\n` },
    {
      uri: 'file:///work/leak/k8s/secret.yaml',
      languageId: 'yaml',
      text: () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: ${keep(fake.password(22))}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  API_TOKEN: ${keep(fake.jwt())}\n`,
    },
  ];

  for (const doc of documents) {
    it(`diagnostics and hovers for ${doc.uri.slice(doc.uri.lastIndexOf('/') + 1)}`, async () => {
      const text = doc.text();
      client.open(doc.uri, doc.languageId, text);
      const published = await client.waitForDiagnostics((p) => p.uri === doc.uri && p.diagnostics.some((d) => String(d.code).startsWith('secret') || d.code === 'embedded-secret'));
      const secretDiagnostics = published.diagnostics.filter((d) => ['embedded-secret', 'secret-in-manifest'].includes(String(d.code)));
      assert.ok(secretDiagnostics.length >= 1);
      planted.assertAbsent(JSON.stringify(published), 'diagnostics');
      for (const d of secretDiagnostics) {
        assert.match(d.message, /… \(\d+ chars\)/, 'messages show a redacted preview');
        const position = { line: d.range.start.line, character: d.range.start.character + 1 };
        const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position });
        assert.ok(hover, 'hover on a secret finding');
        planted.assertAbsent(JSON.stringify(hover), 'hover');
      }
      planted.assertAbsent(logs.join('\n') + client.stderr, 'server log');
    });
  }
});

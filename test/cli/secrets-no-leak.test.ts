import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';
import { FakeSecrets, PlantedSecrets } from '../helpers/fake-secrets';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * The never-leak guarantee, end to end: a tree full of fake secrets in every place the rules
 * look, audited in every format to stdout and to a file. No secret — nor any 10-character
 * piece of one — may appear in anything the CLI writes.
 */
describe('bulkhead audit never prints a detected secret', () => {
  const fake = new FakeSecrets(99);
  const planted = new PlantedSecrets();
  const keep = (value: string) => planted.keep(value);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-leak-'));
    const write = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    };
    const key = keep(fake.privateKey());
    write(
      'api/Dockerfile',
      [
        'FROM node:24',
        `# deploy token ${keep(fake.github())}`,
        `ARG NPM_TOKEN=${keep(fake.npm())}`,
        `ENV AWS_ACCESS_KEY_ID=${keep(fake.awsAccessKeyId())} AWS_SECRET_ACCESS_KEY=${keep(fake.awsSecretAccessKey())}`,
        `ENV DB_PASSWORD=${keep(fake.password(18))} STRIPE_KEY=${keep(fake.stripeLive())}`,
        `LABEL ci.token=${keep(fake.gitlab())}`,
        `RUN curl -fsSL https://deploy:${keep(fake.random(16))}@repo.example.com/x.tgz | tar xz`,
        `RUN echo "${keep(fake.slackWebhook())}" > /etc/hook && echo ${keep(fake.openai())} > /etc/ai`,
        'COPY <<EOF /root/.ssh/id_rsa',
        key,
        'EOF',
        'COPY . .',
        'USER node',
        '',
      ].join('\n'),
    );
    write('api/.env', `API_KEY=${keep(fake.password(20))}\n`);
    write('api/id_rsa', `${key}\n`);
    write(
      'compose.yaml',
      [
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    environment:',
        `      POSTGRES_PASSWORD: ${keep(fake.password(22))}`,
        '',
      ].join('\n'),
    );
    write(
      'stack/docker-compose.yml',
      [
        'services:',
        '  worker:',
        '    image: example/worker:1.0',
        '    environment:',
        `      - SLACK_TOKEN=${keep(fake.slack())}`,
        `      - SECRET_KEY=${keep(fake.password(30))}`,
        `      - DB_PASSWORD=\${DB_PASSWORD:-${keep('changeme')}}`,
        '    build:',
        '      context: .',
        '      args:',
        `        GH_TOKEN: ${keep(fake.githubFineGrained())}`,
        '',
      ].join('\n'),
    );
    const stringData = keep(fake.password(26));
    const dataValue = keep(fake.password(28));
    keep(Buffer.from(dataValue).toString('base64'));
    write(
      'k8s/app.yaml',
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: app',
        'data:',
        `  password: ${Buffer.from(dataValue).toString('base64')}`,
        'stringData:',
        `  token: ${stringData}`,
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: cfg',
        'data:',
        `  DB_PASSWORD: ${keep(fake.password(19))}`,
        `  jwt: ${keep(fake.jwt())}`,
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: app',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: example/app:1.0',
        `          args: ["--anthropic=${keep(fake.anthropic())}", "--gcp=${keep(fake.gcpApiKey())}"]`,
        '          env:',
        '            - name: API_TOKEN',
        `              value: "${keep(fake.password(24))}"`,
        '',
      ].join('\n'),
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif'] as const) {
    it(`--format ${format} to stdout and to --output`, () => {
      const toStdout = spawnSync(process.execPath, [CLI, 'audit', '.', '--format', format, '--no-color'], { cwd: dir, encoding: 'utf8' });
      assert.equal(toStdout.status, 1, `exit 1: secrets are errors (stderr: ${toStdout.stderr.length} chars)`);
      planted.assertAbsent(toStdout.stdout, `${format} stdout`);
      planted.assertAbsent(toStdout.stderr, `${format} stderr`);

      const out = path.join(dir, `report.${format}`);
      const toFile = spawnSync(process.execPath, [CLI, 'audit', '.', '--format', format, '--output', out], { cwd: dir, encoding: 'utf8' });
      const written = readFileSync(out, 'utf8');
      rmSync(out);
      planted.assertAbsent(toFile.stdout + toFile.stderr, `${format} --output stdout/stderr`);
      planted.assertAbsent(written, `${format} report file`);

      // The test only means something if the secrets were found: every rule reported.
      for (const id of ['embedded-secret', 'secret-in-manifest', 'secret-file-copied']) assert.ok(written.includes(id), `${format} report names ${id}`);
      if (format === 'json') {
        const report = JSON.parse(written) as { files: { path: string; findings: { rule: string }[] }[] };
        const count = (rule: string) => report.files.flatMap((f) => f.findings).filter((f) => f.rule === rule).length;
        assert.ok(count('embedded-secret') >= planted.values.length - 7, `embedded-secret findings: ${count('embedded-secret')}`);
        assert.equal(count('secret-in-manifest'), 2);
        const copied = report.files.find((f) => f.path === 'api/Dockerfile')!.findings.filter((f) => f.rule === 'secret-file-copied');
        assert.equal(copied.length, 1, 'COPY . . with .env and id_rsa beside the Dockerfile');
      }
    });
  }
});

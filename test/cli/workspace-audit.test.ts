import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-ws-'));
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

const DOCKERFILE = 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.29\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';
const COMPOSE = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n';

type JsonFile = { path: string; findings: { rule: string; message: string; range: { start: { line: number; column: number } } }[] };

function crossFile(stdout: string): string[] {
  const report = JSON.parse(stdout) as { files: JsonFile[] };
  return report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'dockerignore' || x.rule === 'missing-network-policy').map((x) => `${f.path}:${x.range.start.line}:${x.range.start.column} ${x.rule}`));
}

describe('bulkhead audit: cross-file rules', () => {
  let bad: string;
  let good: string;
  before(() => {
    bad = tree({ 'web/Dockerfile': DOCKERFILE, 'api/Dockerfile': DOCKERFILE, 'compose.yaml': COMPOSE, 'api/.dockerignore': '.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n', 'k8s/web.yaml': DEPLOYMENT });
    good = tree({ 'web/Dockerfile': DOCKERFILE, 'web/.dockerignore': '*\n!server.js\n', 'api/Dockerfile': DOCKERFILE, 'compose.yaml': COMPOSE, '.dockerignore': '.git\n.env\n*.pem\n**/*.key\n**/*.pem\n**/id_rsa*\n**/.env\n', 'k8s/web.yaml': DEPLOYMENT, 'k8s/policies.yaml': POLICY });
  });
  after(() => {
    rmSync(bad, { recursive: true, force: true });
    rmSync(good, { recursive: true, force: true });
  });

  it('flags what another file decides: the Compose build context and the missing NetworkPolicy', () => {
    const { code, stdout } = run(['audit', '--format', 'json'], bad);
    assert.equal(code, 0);
    // api/Dockerfile's context is the root (from compose.yaml), which has no .dockerignore:
    // api/.dockerignore does not count. web/ has none at all.
    assert.deepEqual(crossFile(stdout), ['api/Dockerfile:3:6 dockerignore', 'k8s/web.yaml:2:7 missing-network-policy', 'web/Dockerfile:3:6 dockerignore']);
    const report = JSON.parse(stdout) as { files: JsonFile[] };
    const api = report.files.find((f) => f.path === 'api/Dockerfile')!;
    assert.match(api.findings.find((f) => f.rule === 'dockerignore')!.message, /\(\.\., set by service api of \.\.\/compose\.yaml\)/);
  });

  it('and stays quiet once the other files are right', () => {
    const { code, stdout } = run(['audit', '--format', 'json'], good);
    assert.equal(code, 0);
    assert.deepEqual(crossFile(stdout), []);
  });

  it('a single path audited still sees only what it was given', () => {
    const { stdout } = run(['audit', 'k8s/web.yaml', '--format', 'json'], good);
    assert.deepEqual(crossFile(stdout), ['k8s/web.yaml:2:7 missing-network-policy']);
  });

  it('--jobs N gives byte-identical output to --jobs 1 (JSON, SARIF and text)', () => {
    for (const format of ['json', 'sarif', 'text']) {
      const one = run(['audit', '--format', format, '--jobs', '1'], bad);
      const many = run(['audit', '--format', format, '--jobs', '3'], bad);
      assert.equal(many.code, one.code);
      assert.equal(many.stdout, one.stdout, format);
    }
  });

  it('exit codes count cross-file findings like the others; --jobs must be a positive number', () => {
    assert.equal(run(['audit', '--fail-on', 'never', '--jobs', '2'], bad).code, 0);
    assert.equal(run(['audit', 'web', '--fail-on', 'warning', '--jobs', '2'], bad).code, 1, 'dockerignore is a warning');
    for (const bogus of ['0', 'x', '-1']) {
      const { code, stderr } = run(['audit', '--jobs', bogus], bad);
      assert.equal(code, 2);
      assert.match(stderr, /^bulkhead: .*--jobs/);
    }
  });

  it('cross-file findings carry SARIF fingerprints that survive lines moving', () => {
    const first = JSON.parse(run(['audit', '--format', 'sarif'], bad).stdout).runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'dockerignore');
    writeFileSync(path.join(bad, 'web', 'Dockerfile'), `# moved\n\n${DOCKERFILE}`);
    try {
      const moved = JSON.parse(run(['audit', '--format', 'sarif'], bad).stdout).runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'dockerignore');
      assert.deepEqual(moved.map((r: { partialFingerprints: unknown }) => r.partialFingerprints), first.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
      assert.notDeepEqual(moved.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine), first.map((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine));
    } finally {
      writeFileSync(path.join(bad, 'web', 'Dockerfile'), DOCKERFILE);
    }
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, TestLspClient } from '../helpers/lsp-client';

/**
 * Faults (issue 10): one rule throwing loses only that rule's findings for that document, is
 * logged once per document version, and the server keeps serving. The fault is injected with
 * BULKHEAD_TEST_FAULTY_RULE (server/src/faults.ts), which only tests set.
 */
const DOCKERFILE = 'FROM node:latest\nRUN apt-get update && apt-get install -y sudo\n';

describe('a throwing rule', () => {
  it('loses only its own findings, is logged once per version, and the server keeps serving', async (t) => {
    const healthy = new TestLspClient();
    await healthy.initialize();
    healthy.open('file:///w/Dockerfile', 'dockerfile', DOCKERFILE);
    const expected = (await healthy.waitForDiagnostics((p) => p.uri === 'file:///w/Dockerfile')).diagnostics.map((d) => d.code);
    await healthy.shutdown();
    assert.ok(expected.includes('root-user') && expected.includes('unpinned-image'), JSON.stringify(expected));

    const client = new TestLspClient(['--stdio'], { env: { BULKHEAD_TEST_FAULTY_RULE: 'root-user' } });
    t.after(() => client.process.kill());
    await client.initialize();
    client.open('file:///w/Dockerfile', 'dockerfile', DOCKERFILE);
    const first = await client.waitForDiagnostics((p) => p.uri === 'file:///w/Dockerfile');
    const faulty = first.diagnostics.map((d) => d.code);
    assert.deepEqual(faulty, expected.filter((c) => c !== 'root-user'), 'every other rule still reports');

    // The same version analysed again (a settings change) is not logged again; a new version is.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: {} } });
    client.change('file:///w/Dockerfile', 2, [{ text: `${DOCKERFILE}# edited\n` }]);
    await client.waitForDiagnostics((p) => p.uri === 'file:///w/Dockerfile' && p.version === 2);

    // Still serving: another document, a hover.
    client.open('file:///w/compose.yaml', 'dockercompose', 'services:\n  web:\n    image: nginx:latest\n');
    const compose = await client.waitForDiagnostics((p) => p.uri === 'file:///w/compose.yaml');
    assert.ok(compose.diagnostics.some((d) => d.code === 'unpinned-image'));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///w/Dockerfile' }, position: first.diagnostics[0].range.start });
    assert.ok(hover, 'hover still answers');
    assert.equal(await client.shutdown(), 0);

    const failureLogs = client.logs.filter((l) => /rule root-user failed on file:\/\/\/w\/Dockerfile/.test(l));
    assert.equal(failureLogs.length, 2, `one log line per document version, got:\n${failureLogs.join('\n')}`);
    assert.match(failureLogs[0], /version 1.*its findings are missing.*injected fault/s);
  });

  it('the CLI reports the failure on stderr and still prints every other finding', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'audit', 'examples', '--format', 'json', '--fail-on', 'never'], {
      cwd: REPO_ROOT,
      env: { ...process.env, BULKHEAD_TEST_FAULTY_RULE: 'root-user' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /rule root-user failed on examples\/web\/Dockerfile; its findings are missing/);
    const rules = new Set(JSON.parse(result.stdout).files.flatMap((f: { findings: { rule: string }[] }) => f.findings.map((x) => x.rule)));
    assert.ok(!rules.has('root-user'));
    assert.ok(rules.has('unpinned-image') && rules.has('ssh-server'), [...rules].join(','));
  });
});

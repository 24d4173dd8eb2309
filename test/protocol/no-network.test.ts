import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT, TestLspClient } from '../helpers/lsp-client';

/**
 * No network, ever (issue 10): the language server and the CLI run with every Node network
 * entry point (sockets, HTTP(S), HTTP/2, TLS, UDP, DNS, fetch) replaced by a trap that records
 * the attempt; a full editing session and a full audit must record none.
 */
const DENY = path.join(REPO_ROOT, 'test', 'helpers', 'deny-network.cjs');
const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-nonet-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function attempts(log: string): string {
  try {
    return readFileSync(log, 'utf8');
  } catch {
    return '(the trap was not loaded)';
  }
}

describe('no network access', () => {
  it('the trap itself works: a denied call is recorded', () => {
    const log = path.join(dir, 'self.log');
    const result = spawnSync(process.execPath, ['--require', DENY, '-e', "try { require('node:https').get('https://example.invalid') } catch {}"], { env: { ...process.env, BULKHEAD_TEST_NETWORK_LOG: log }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(attempts(log), /https\.get/);
  });

  it('the language server opens no connection during a session', async (t) => {
    const log = path.join(dir, 'server.log');
    const client = new TestLspClient(['--stdio'], { execArgv: ['--require', DENY], env: { BULKHEAD_TEST_NETWORK_LOG: log } });
    t.after(() => client.process.kill());
    await client.initialize();
    client.open('file:///w/Dockerfile', 'dockerfile', 'FROM node:latest\nRUN curl -k https://x.example/i.sh | sh\n');
    client.open('file:///w/compose.yaml', 'dockercompose', 'services:\n  web:\n    image: nginx\n    privileged: true\n');
    client.open('file:///w/k8s/pod.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "registry.example.com/a:latest"}]\n');
    for (const uri of ['file:///w/Dockerfile', 'file:///w/compose.yaml', 'file:///w/k8s/pod.yaml']) {
      const published = await client.waitForDiagnostics((p) => p.uri === uri);
      assert.ok(published.diagnostics.length > 0, uri);
    }
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///w/Dockerfile' }, position: { line: 0, character: 6 } });
    assert.equal(await client.shutdown(), 0);
    assert.equal(attempts(log), '');
  });

  it('the CLI opens no connection during an audit', () => {
    const log = path.join(dir, 'cli.log');
    const result = spawnSync(process.execPath, ['--require', DENY, path.join(REPO_ROOT, 'dist', 'cli.js'), 'audit', 'examples', '--format', 'sarif', '--fail-on', 'never'], { cwd: REPO_ROOT, env: { ...process.env, BULKHEAD_TEST_NETWORK_LOG: log }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(JSON.parse(result.stdout).runs[0].results.length > 0);
    assert.equal(attempts(log), '');
  });

  it('the bundles load no network module except the LSP transport of the server', () => {
    const network = /require\("(?:node:)?(http|https|http2|tls|dgram|dns|net)"\)|\bfetch\(|new WebSocket\(|XMLHttpRequest/g;
    const cli = readFileSync(path.join(REPO_ROOT, 'dist', 'cli.js'), 'utf8');
    assert.deepEqual(cli.match(network), null, 'the CLI bundle');
    for (const bundle of ['server.js', 'client.js']) {
      const text = readFileSync(path.join(REPO_ROOT, 'dist', bundle), 'utf8');
      for (const match of text.matchAll(network)) {
        // Only `net`, only inside vscode-jsonrpc/vscode-languageserver/-client (socket and pipe transports).
        assert.equal(match[1], 'net', `${bundle}: ${match[0]}`);
        const marker = text.lastIndexOf('// node_modules/', match.index);
        const source = marker < 0 ? '' : text.slice(marker + '// node_modules/'.length, text.indexOf('\n', marker));
        assert.match(source, /^vscode-(jsonrpc|languageserver|languageclient)\//, `${bundle}: ${match[0]} comes from ${source}`);
      }
    }
  });
});

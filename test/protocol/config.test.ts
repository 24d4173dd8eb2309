import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import { TestLspClient } from '../helpers/lsp-client';

describe('language server: .bulkhead.yaml', () => {
  let client: TestLspClient;
  let dir: string;
  const messages: { type: number; message: string }[] = [];
  const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-config-'));
    client = new TestLspClient();
    client.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => void messages.push(m));
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('changing the config file on disk re-publishes the diagnostics of open documents', async () => {
    const configFile = path.join(dir, '.bulkhead.yaml');
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
    client.open(uri, 'dockerfile', 'FROM node:20\nUSER root\n');
    await client.waitForDiagnostics((p) => p.uri === uri && codes(p).includes('root-user'));

    writeFileSync(configFile, 'rules:\n  root-user: off\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 1 }] });
    const silenced = await client.waitForDiagnostics((p) => p.uri === uri && !codes(p).includes('root-user'));
    assert.equal(silenced.version, 1, 'same document version, new configuration');

    writeFileSync(configFile, 'rules:\n  root-user: error\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 2 }] });
    const raised = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'root-user' && d.severity === 1));
    assert.ok(raised);
  });

  it('an invalid config: a diagnostic at the offending key in the config file, and a one-line warning', async () => {
    const configFile = path.join(dir, '.bulkhead.yaml');
    const configUri = pathToFileURL(configFile).href;
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
    writeFileSync(configFile, 'rules:\n  root-user: off\n  no-such-rule: off\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const published = await client.waitForDiagnostics((p) => p.uri === configUri && p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]), [
      ['invalid-config', 2, 2, 14, 'unknown rule id "no-such-rule" in rules'],
    ]);
    // The valid part still applies.
    await client.waitForDiagnostics((p) => p.uri === uri && !codes(p).includes('root-user') && p === client.publications(uri).at(-1));
    const warning = messages.find((m) => m.message.includes('no-such-rule'));
    assert.equal(warning?.type, 2, 'a warning');
    assert.equal(warning?.message.includes('\n'), false, 'one line');

    writeFileSync(configFile, 'rules:\n  root-user: off\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitForDiagnostics((p) => p.uri === configUri && p.diagnostics.length === 0);
  });

  it('an open config file is validated as the user types', async () => {
    const uri = pathToFileURL(path.join(dir, 'sub', '.bulkhead.yaml')).href;
    client.open(uri, 'yaml', 'rules:\n  sudo: loud\n');
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]), [[1, 8, 'rules.sudo must be off, info, warning or error']]);
    client.change(uri, 2, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 12 } }, text: 'off' }]);
    const fixed = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.deepEqual(fixed.diagnostics, []);
  });
});

describe('language server: .bulkhead.yaml and the bulkhead.* settings change in either order', () => {
  const DOCKERFILE = 'FROM node:latest\nUSER root\n';
  const severities = (p: { diagnostics: { code?: string | number; severity?: number }[] }) => Object.fromEntries(p.diagnostics.map((d) => [String(d.code), d.severity]));
  const ERROR = 1;
  const WARNING = 2;
  const INFO = 3;
  let dir: string;
  let client: TestLspClient;

  async function start(): Promise<{ uri: string; configFile: string }> {
    dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-config-order-'));
    client = new TestLspClient();
    await client.initialize({ didChangeWatchedFiles: { dynamicRegistration: true } });
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
    client.open(uri, 'dockerfile', DOCKERFILE);
    await client.waitForDiagnostics((p) => p.uri === uri && severities(p)['root-user'] === WARNING && severities(p)['unpinned-image'] === WARNING);
    return { uri, configFile: path.join(dir, '.bulkhead.yaml') };
  }
  const latest = (uri: string) => client.publications(uri).at(-1)!;
  const changeSettings = (rules: Record<string, string>) => {
    client.settings = { rules };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };
  const changeConfigFile = (file: string, text: string, type: 1 | 2) => {
    writeFileSync(file, text);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  };

  afterEach(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the config file first, then the settings: the file keeps winning for the rule it sets', async () => {
    const { uri, configFile } = await start();
    changeConfigFile(configFile, 'rules:\n  root-user: info\n', 1);
    await client.waitForDiagnostics((p) => p.uri === uri && severities(p)['root-user'] === INFO);
    assert.deepEqual(severities(latest(uri)), { 'unpinned-image': WARNING, 'root-user': INFO });

    changeSettings({ 'root-user': 'error', 'unpinned-image': 'error' });
    await client.waitForDiagnostics((p) => p.uri === uri && severities(p)['unpinned-image'] === ERROR);
    assert.deepEqual(severities(latest(uri)), { 'unpinned-image': ERROR, 'root-user': INFO });
  });

  it('the settings first, then the config file: the file wins over the setting, the setting still applies elsewhere', async () => {
    const { uri, configFile } = await start();
    changeSettings({ 'root-user': 'error', 'unpinned-image': 'error' });
    await client.waitForDiagnostics((p) => p.uri === uri && severities(p)['root-user'] === ERROR && severities(p)['unpinned-image'] === ERROR);

    changeConfigFile(configFile, 'rules:\n  root-user: info\n', 1);
    await client.waitForDiagnostics((p) => p.uri === uri && severities(p)['root-user'] === INFO);
    assert.deepEqual(severities(latest(uri)), { 'unpinned-image': ERROR, 'root-user': INFO });

    changeConfigFile(configFile, 'rules:\n  unpinned-image: off\n', 2);
    await client.waitForDiagnostics((p) => p.uri === uri && !('unpinned-image' in severities(p)));
    assert.deepEqual(severities(latest(uri)), { 'root-user': ERROR }, 'the setting applies again to the rule the file no longer sets');
  });
});

describe('language server: .bulkhead.yaml without file events from the client', () => {
  it('a config file written beside an open document, in a folder made just before, is picked up and its removal too (the server watches the folders of open documents)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-config-watch-'));
    // No didChangeWatchedFiles capability, and no notification sent below: like Neovim 0.7, or an editor whose watcher missed the event.
    const client = new TestLspClient();
    try {
      await client.initialize({}, [pathToFileURL(root).href]);
      const folder = path.join(root, 'new', 'nested');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'Dockerfile'), 'FROM node:latest\nUSER root\n');
      const uri = pathToFileURL(path.join(folder, 'Dockerfile')).href;
      client.open(uri, 'dockerfile', 'FROM node:latest\nUSER root\n');
      const severity = (p: { diagnostics: { code?: string | number; severity?: number }[] }, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;
      await client.waitForDiagnostics((p) => p.uri === uri && severity(p, 'root-user') === 2);

      writeFileSync(path.join(folder, '.bulkhead.yaml'), 'rules:\n  root-user: error\n  unpinned-image: off\n');
      const configured = await client.waitForDiagnostics((p) => p.uri === uri && severity(p, 'root-user') === 1);
      assert.deepEqual(configured.diagnostics.map((d) => d.code), ['root-user']);

      // A config in the workspace folder itself (an ancestor) is watched as well, and the nearest still wins.
      writeFileSync(path.join(root, '.bulkhead.yaml'), 'rules:\n  root-user: off\n');
      rmSync(path.join(folder, '.bulkhead.yaml'));
      const fromRoot = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length === 1 && p.diagnostics[0].code === 'unpinned-image');
      assert.equal(fromRoot.diagnostics[0].severity, 2);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

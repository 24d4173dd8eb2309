import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigResolver } from '../../../server/src/config';
import { DEFAULT_TRUSTED_REGISTRIES } from '../../../server/src/engine';
import { readSettings } from '../../../server/src/lsp/settings';

describe('config discovery and merging', () => {
  let root: string;
  const file = (relative: string, text: string) => {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'bulkhead-config-'));
    file('repo/.bulkhead.yaml', 'rules:\n  sudo: error\n  debug-tools: off\nignorePaths:\n  - vendor/\n  - "*.generated.yaml"\n');
    file('repo/services/api/.bulkhead.yml', 'rules:\n  sudo: info\n');
    file('hadolint-only/.hadolint.yaml', 'ignored:\n  - DL3002\n  - DL3015\ntrustedRegistries:\n  - my-registry.example.com:5000\n  - docker.io\nfailure-threshold: error\n');
    file('both/.hadolint.yaml', 'ignored: [DL3002]\n');
    file('both/.bulkhead.json', '{"rules": {"sudo": "off"}}');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the nearest config wins; no merging of ancestor configs', () => {
    const resolver = new ConfigResolver();
    assert.deepEqual(resolver.resolve(path.join(root, 'repo/services/api/Dockerfile')).config.rules, { sudo: 'info' });
    assert.deepEqual(resolver.resolve(path.join(root, 'repo/services/web/Dockerfile')).config.rules, { sudo: 'error', 'debug-tools': 'off' });
  });

  it('the config file is merged over the editor settings, key by key', () => {
    const settings = readSettings({ rules: { 'root-user': 'error', sudo: 'off' }, trustedRegistries: ['quay.io/acme/*'] });
    const { config } = new ConfigResolver().resolve(path.join(root, 'repo/Dockerfile'), settings.layer);
    assert.deepEqual(config.rules, { 'root-user': 'error', sudo: 'error', 'debug-tools': 'off' });
    assert.deepEqual(config.trustedRegistries, [...DEFAULT_TRUSTED_REGISTRIES, 'quay.io/acme/*'], 'settings keep what the file does not set');
  });

  it('without any config file, the settings alone apply', () => {
    const settings = readSettings({ rules: { sudo: 'off' } });
    const outside = mkdtempSync(path.join(tmpdir(), 'bulkhead-none-'));
    try {
      assert.deepEqual(new ConfigResolver().resolve(path.join(outside, 'Dockerfile'), settings.layer).config, settings.config);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--config replaces the search for every file', () => {
    const explicit = file('elsewhere/strict.yaml', 'rules:\n  root-user: error\n');
    const resolver = new ConfigResolver(explicit);
    assert.deepEqual(resolver.resolve(path.join(root, 'repo/services/api/Dockerfile')).config.rules, { 'root-user': 'error' });
  });

  it('ignorePaths are gitignore patterns relative to the config file', () => {
    const resolver = new ConfigResolver();
    assert.equal(resolver.resolve(path.join(root, 'repo/vendor/lib/Dockerfile')).ignored, true);
    assert.equal(resolver.resolve(path.join(root, 'repo/k8s/app.generated.yaml')).ignored, true);
    assert.equal(resolver.resolve(path.join(root, 'repo/k8s/app.yaml')).ignored, false);
  });

  it('without .bulkhead.yaml, .hadolint.yaml supplies trusted registries and ignored checks', () => {
    const { config } = new ConfigResolver().resolve(path.join(root, 'hadolint-only/Dockerfile'));
    assert.deepEqual(config.trustedRegistries, ['my-registry.example.com:5000/*', 'docker.io/*']);
    // DL3002 is root-user's only hadolint id; package-hygiene also has DL3009, DL3018, … so ignoring DL3015 keeps it.
    assert.deepEqual(config.rules, { 'root-user': 'off' });
  });

  it('a .bulkhead.* file in the same tree beats .hadolint.yaml', () => {
    assert.deepEqual(new ConfigResolver().resolve(path.join(root, 'both/Dockerfile')).config.rules, { sudo: 'off' });
  });

  it('invalid configs keep their valid parts and list their problems', () => {
    file('bad/.bulkhead.yaml', 'rules:\n  sudo: off\n  nope: off\nextra: 1\n');
    const resolver = new ConfigResolver();
    const resolved = resolver.resolve(path.join(root, 'bad/Dockerfile'));
    assert.deepEqual(resolved.config.rules, { sudo: 'off' });
    assert.deepEqual(resolved.source?.problems.map((p) => [p.range.start.line, p.message]), [
      [2, 'unknown rule id "nope" in rules'],
      [3, 'unknown key "extra" (expected rules, trustedRegistries, extendDefaultTrustedRegistries, ignorePaths, fix)'],
    ]);
  });
});

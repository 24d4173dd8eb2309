// Peer tools for side-by-side numbers, installed by npm into a throw-away folder outside the
// repository (never a dependency of Bulkhead). Pinned so that numbers compare across runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PEER_DIR = process.env.BULKHEAD_BENCH_PEERS ?? path.join(os.tmpdir(), 'bulkhead-bench-peers');

export const PEER_PACKAGES = {
  'dockerfile-language-server-nodejs': '0.15.0',
  'yaml-language-server': '1.25.0',
  'dockerfile-utils': '0.16.3',
  dockerfilelint: '1.8.0',
  secretlint: '13.0.6',
  '@secretlint/secretlint-rule-preset-recommend': '13.0.7',
};

/** Installs the peers once (npm, into PEER_DIR); returns false when npm cannot install them here. */
export function ensurePeers() {
  const marker = path.join(PEER_DIR, '.installed-' + Object.values(PEER_PACKAGES).join('-'));
  if (existsSync(marker)) return true;
  mkdirSync(PEER_DIR, { recursive: true });
  writeFileSync(path.join(PEER_DIR, 'package.json'), JSON.stringify({ name: 'bulkhead-bench-peers', private: true }));
  try {
    process.stderr.write(`installing peers into ${PEER_DIR} …\n`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(PEER_PACKAGES).map(([n, v]) => `${n}@${v}`)], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(marker, '');
    return true;
  } catch (error) {
    process.stderr.write(`peers not installed (${error.message}); their columns stay empty\n`);
    return false;
  }
}

export const peerPath = (...parts) => path.join(PEER_DIR, 'node_modules', ...parts);

export const DOCKERFILE_PEER = {
  name: 'dockerfile-language-server-nodejs',
  command: process.execPath,
  args: [peerPath('dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};

const yamlSettings = { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false }, schemas: {} };
export const YAML_PEER = {
  name: 'yaml-language-server',
  command: process.execPath,
  args: [peerPath('yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
  settings: (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxyStrictSSL: false } : null),
  pushSettings: { yaml: yamlSettings },
};

// Where the editor tests find the editors scripts/install-editors.sh installs, and small process helpers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.resolve(process.env.BULKHEAD_EDITORS_CACHE ?? path.join(ROOT, '.cache', 'editors'));
export const CODE_SERVER = path.join(CACHE, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const VSIX = path.join(ROOT, 'bulkhead.vsix');

/** Why code-server + Chromium cannot run here, or undefined when they can. */
export function codeServerMissing() {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed in ${CACHE} (run scripts/install-editors.sh)`;
  if (!existsSync(path.join(CACHE, 'node_modules', 'playwright-core'))) return `playwright-core is not installed in ${CACHE} (run scripts/install-editors.sh)`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium, or run scripts/install-editors.sh)`;
  return undefined;
}

export function nvimMissing() {
  const found = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? undefined : 'nvim is not on the PATH (apt-get install neovim, or run scripts/install-editors.sh)';
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function importPlaywright() {
  const { createRequire } = await import('node:module');
  return createRequire(path.join(CACHE, 'package.json'))('playwright-core');
}

// Starts code-server on loopback with a throw-away user-data and extensions dir, and stops it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER, freePort } from './editors-env.mjs';

/** Installs a .vsix into a fresh folder with code-server and returns the unpacked extension's path. */
export function unpackVsix(vsix, into) {
  mkdirSync(into, { recursive: true });
  const result = spawnSync(CODE_SERVER, ['--extensions-dir', into, '--install-extension', vsix], { encoding: 'utf8' });
  const dir = readdirSync(into).find((name) => name.startsWith('bulkhead.bulkhead-'));
  if (result.status !== 0 || !dir) throw new Error(`code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
  return path.join(into, dir);
}

/**
 * Starts code-server and resolves once it answers. `extensionsDir` is where installed extensions
 * live (empty unless given). Returns { url, port, stop(), tmp }.
 */
export async function startCodeServer({ env = {}, extensionsDir, userSettings } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bulkhead-code-server-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = extensionsDir ?? path.join(tmp, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  if (userSettings) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--extensions-dir', extensions, '--user-data-dir', userData, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];
  const child = spawn(CODE_SERVER, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopGroup(child.pid);
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    tmp,
    output: () => output,
    async stop() {
      stopGroup(child.pid);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) stopGroup(child.pid, 'SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Signals code-server's process group (it and the extension hosts / language servers it started). */
function stopGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

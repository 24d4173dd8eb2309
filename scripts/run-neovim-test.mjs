// Drives `bulkhead-language-server --stdio` from a real Neovim (Debian's 0.7 or newer), headless,
// with test/neovim/init.lua: diagnostics for a Dockerfile, a Compose file and a multi-document
// manifest, hover, and an edit that clears a finding. Exit 3 when nvim is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nvimMissing, ROOT } from './editors-env.mjs';

const missing = nvimMissing();
if (missing) {
  console.log(`neovim test not run: ${missing}`);
  process.exit(3);
}
const server = path.join(ROOT, 'dist', 'server.js');
if (!existsSync(server)) {
  console.error('neovim test: dist/server.js is missing (npm run build)');
  process.exit(1);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'bulkhead-nvim-'));
let failed = 0;
let passed = 0;
try {
  // The README's config names `bulkhead-language-server`; put exactly that on the PATH.
  const bin = path.join(tmp, 'bin');
  mkdirSync(bin);
  chmodSync(server, 0o755);
  symlinkSync(server, path.join(bin, 'bulkhead-language-server'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(ROOT, 'test', 'extension', 'workspace'), workspace, { recursive: true });
  const files = ['Dockerfile', 'compose.yaml', 'k8s/app.yaml'];
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  console.log(`neovim (${version}) with bulkhead-language-server --stdio`);

  const run = spawnSync('timeout', ['60', 'nvim', '--headless', '-n', '-i', 'NONE', '-u', path.join(ROOT, 'test', 'neovim', 'init.lua'), '-c', `luafile ${path.join(ROOT, 'test', 'neovim', 'check.lua')}`], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, BULKHEAD_NVIM_FILES: files.join(':'), XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), XDG_STATE_HOME: path.join(tmp, 'state'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
  });
  const events = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const byFile = (file) => events.find((e) => e.event === 'diagnostics' && e.file === file);
  const summary = (e) => (e?.diagnostics ?? []).map((d) => [d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.source]);
  const has = (e, code) => summary(e).find((d) => d[0] === code);

  const checks = [
    ['Dockerfile: unpinned-image and root-user with exact ranges', () => {
      const e = byFile('Dockerfile');
      assert.equal(e?.filetype, 'dockerfile');
      assert.deepEqual(summary(e), [['unpinned-image', 0, 10, 0, 16, 'bulkhead'], ['root-user', 3, 5, 3, 9, 'bulkhead']]);
    }],
    ['Compose file: embedded-secret on the value', () => {
      assert.deepEqual(has(byFile('compose.yaml'), 'embedded-secret'), ['embedded-secret', 5, 25, 5, 33, 'bulkhead']);
    }],
    ['Compose file: privileged service', () => {
      assert.deepEqual(has(byFile('compose.yaml'), 'privileged'), ['privileged', 6, 16, 6, 20, 'bulkhead']);
    }],
    ['multi-document manifest: findings in the second and third documents', () => {
      assert.deepEqual(has(byFile('k8s/app.yaml'), 'secret-in-manifest'), ['secret-in-manifest', 11, 2, 11, 10, 'bulkhead']);
      assert.deepEqual(has(byFile('k8s/app.yaml'), 'privileged'), ['privileged', 32, 24, 32, 28, 'bulkhead']);
    }],
    ['hover shows the rule and how to fix it', () => {
      const hover = events.find((e) => e.event === 'hover');
      assert.match(hover?.text ?? '', /Bulkhead `root-user`/);
      assert.match(hover.text, /How to fix:/);
    }],
    ['an edit that fixes root-user clears it', () => {
      const after = events.find((e) => e.event === 'after-edit');
      assert.equal(after?.cleared, true);
      assert.deepEqual(summary(after).map((d) => d[0]), ['unpinned-image']);
    }],
  ];
  for (const [name, check] of checks) {
    try {
      check();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${name}\n    ${String(error.message).split('\n').join('\n    ')}`);
    }
  }
  if (failed > 0 || run.status !== 0) {
    console.log(`-- nvim exit ${run.status}; stdout:\n${run.stdout}\n-- stderr:\n${run.stderr}`);
    if (run.status !== 0) failed = Math.max(failed, 1);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`neovim: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

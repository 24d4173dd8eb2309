// Compiles test/extension/*.ts into out/extension-tests/*.js for VS Code's extension host
// (`vscode` comes from the host; mocha from the project's node_modules).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './editors-env.mjs';

export const EXTENSION_TESTS_OUT = path.join(ROOT, 'out', 'extension-tests');

export async function buildExtensionTests() {
  const dir = path.join(ROOT, 'test', 'extension');
  const entryPoints = readdirSync(dir).filter((n) => n.endsWith('.ts')).map((n) => path.join(dir, n));
  rmSync(EXTENSION_TESTS_OUT, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: EXTENSION_TESTS_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(EXTENSION_TESTS_OUT, 'index.js');
}

// Cold start inside a real VS Code: a fresh window opens a Dockerfile, which activates the
// extension (packaged .vsix, as users install it); measured in the extension host: open → extension
// active → first Bulkhead diagnostics for the file. Each run is a new code-server and a new window.
// Needs the editors of scripts/install-editors.sh (code-server, Chromium); without them it says
// so and measures nothing.
// Run: node bench/activation.mjs [--runs N]   (packages the .vsix first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { startCodeServer, unpackVsix } from '../scripts/code-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, codeServerMissing, importPlaywright, ROOT, VSIX } from '../scripts/editors-env.mjs';
import { benchFiles } from './lib/inputs.mjs';
import { ms, table } from './lib/lsp.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;

const missing = codeServerMissing();
if (missing) {
  console.log(`\n## Cold start in VS Code\n\nNot measured: ${missing}.`);
  process.exit(0);
}
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) process.exit(packaged.status ?? 1);

const tmp = mkdtempSync(path.join(tmpdir(), 'bulkhead-bench-activation-'));
try {
  const probe = path.join(tmp, 'probe', 'activation-probe.js');
  await build({ entryPoints: [path.join(ROOT, 'bench', 'vscode', 'activation-probe.ts')], outfile: probe, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  const extension = unpackVsix(VSIX, path.join(tmp, 'vsix'));
  // A folder with nothing that activates Bulkhead, and the Dockerfile to open outside it.
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'notes.txt'), 'nothing here for Bulkhead\n');
  const dockerfile = path.join(tmp, 'elsewhere', 'Dockerfile');
  mkdirSync(path.dirname(dockerfile));
  writeFileSync(dockerfile, benchFiles().find((f) => f.name === 'Dockerfile 40 lines').text);
  const resultFile = path.join(tmp, 'results.jsonl');
  writeFileSync(resultFile, '');

  const { chromium } = await importPlaywright();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const failures = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const server = await startCodeServer({ env: { BULKHEAD_BENCH_RESULT: resultFile, BULKHEAD_BENCH_DOCKERFILE: dockerfile } });
      const page = await browser.newPage();
      try {
        let exit;
        const exited = new Promise((resolve) => (exit = resolve));
        await page.exposeFunction('codeAutomationLog', () => undefined);
        await page.exposeFunction('codeAutomationExit', (status) => exit(status));
        const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
        const payload = JSON.stringify([['extensionDevelopmentPath', remote(extension)], ['extensionTestsPath', remote(probe)]]);
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
        const status = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 120_000))]);
        if (status !== 0) failures.push(`run ${i + 1}: ${status === 'timeout' ? 'no result within 120 s' : `the probe exited with ${status}`}`);
      } finally {
        await page.close();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }

  const runs = readFileSync(resultFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const median = (key) => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
  };
  const max = (key) => Math.max(...runs.map((r) => r[key]));
  console.log(`\n## Cold start in VS Code (code-server, fresh window per run; ${runs.length} of ${RUNS} runs; ms)\n`);
  console.log(
    table(
      ['measure', 'median', 'max'],
      [
        ['open Dockerfile → extension active', ms(median('openToActiveMs')), ms(max('openToActiveMs'))],
        ['extension active → first diagnostics', ms(median('activeToDiagnosticsMs')), ms(max('activeToDiagnosticsMs'))],
        ['open Dockerfile → first diagnostics', ms(median('openToDiagnosticsMs')), ms(max('openToDiagnosticsMs'))],
      ],
    ),
  );
  if (runs.some((r) => r.activeBefore)) console.log('\n(In some runs the extension was active before the file was opened: those runs measure less than a cold start.)');
  for (const failure of failures) console.log(`\n${failure}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

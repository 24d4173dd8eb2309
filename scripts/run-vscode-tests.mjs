// Runs the extension-host suite (test/extension) against the packaged extension in a real VS Code.
//   node scripts/run-vscode-tests.mjs              offline: code-server + headless Chromium (../shared/recipes/vscode-offline.md)
//   node scripts/run-vscode-tests.mjs --electron   desktop VS Code through @vscode/test-electron (needs to download VS Code)
// Options: --no-package (use the existing bulkhead.vsix), --grep <text> (only matching tests).
// Exits with the suite's result; exit 3 means the editor is not available here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildExtensionTests } from './build-extension-tests.mjs';
import { startCodeServer, unpackVsix } from './code-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, codeServerMissing, importPlaywright, ROOT, VSIX } from './editors-env.mjs';

const args = process.argv.slice(2);
const electron = args.includes('--electron');
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const SUITE_TIMEOUT_MS = 5 * 60_000;

if (!electron) {
  const missing = codeServerMissing();
  if (missing) {
    console.log(`vscode tests not run: ${missing}`);
    process.exit(3);
  }
}
if (!args.includes('--no-package') || !existsSync(VSIX)) {
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
}

const testsIndex = await buildExtensionTests();
const tmp = mkdtempSync(path.join(tmpdir(), 'bulkhead-vscode-tests-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(ROOT, 'test', 'extension', 'workspace'), workspace, { recursive: true });
const logFile = path.join(tmp, 'results.log');
writeFileSync(logFile, '');
const env = { BULKHEAD_VSCODE_TEST_LOG: logFile, ...(grep ? { BULKHEAD_VSCODE_TEST_GREP: grep } : {}) };

let code = 1;
try {
  code = electron ? await runElectron() : await runCodeServer();
} catch (error) {
  console.error(`vscode tests: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);

async function runElectron() {
  const { runTests } = await import('@vscode/test-electron');
  const extension = unpackWithUnzip();
  const status = await runTests({
    extensionDevelopmentPath: extension,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: env,
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data'), '--disable-workspace-trust'],
  }).then(() => 0, () => 1);
  process.stdout.write(readFileSync(logFile, 'utf8'));
  return status;
}

/** The .vsix is a zip whose `extension/` folder is the installed extension. */
function unpackWithUnzip() {
  const into = path.join(tmp, 'vsix');
  const result = spawnSync('unzip', ['-q', VSIX, 'extension/*', '-d', into], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('unzip of the .vsix failed');
  return path.join(into, 'extension');
}

async function runCodeServer() {
  const extension = unpackVsix(VSIX, path.join(tmp, 'vsix'));
  const server = await startCodeServer({ env });
  const { chromium } = await importPlaywright();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let printed = 0;
  const printNew = () => {
    const text = readFileSync(logFile, 'utf8');
    process.stdout.write(text.slice(printed));
    printed = text.length;
  };
  const ticker = setInterval(printNew, 500);
  try {
    const page = await browser.newPage();
    const workbenchLog = [];
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => workbenchLog.push(`${type}: ${JSON.stringify(logArgs)}`));
    await page.exposeFunction('codeAutomationExit', (status) => exit(status));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(extension)], ['extensionTestsPath', remote(testsIndex)]]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const status = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS))]);
    printNew();
    if (status === 'timeout' || status !== 0) {
      console.error(status === 'timeout' ? `vscode tests: no result within ${SUITE_TIMEOUT_MS / 1000} s` : `vscode tests: the suite exited with ${status}`);
      console.error(`-- workbench log (last 40 lines):\n${workbenchLog.slice(-40).join('\n')}`);
      console.error(`-- code-server output (last 3000 chars):\n${server.output().slice(-3000)}`);
      return 1;
    }
    return 0;
  } finally {
    clearInterval(ticker);
    await browser.close();
    await server.stop();
  }
}

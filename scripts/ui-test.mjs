// A person's view of the extension: installs the packaged .vsix into code-server, opens the
// example workspace in headless Chromium, and drives the UI with the keyboard as a person would —
// open a Dockerfile, see the squiggles and the Problems panel, hover a finding, open the lightbulb
// and apply a fix, run Bulkhead commands (restart, the workspace audit) from the command palette.
// Screenshots go to test-output/ui/; `--update-docs` also copies the hover one (squiggles, hover
// and Problems panel) to docs/images/vscode.png (the README's picture).
// Options: --no-package (use the existing bulkhead.vsix). Exit 3 when code-server is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, codeServerMissing, CODE_SERVER, importPlaywright, ROOT, VSIX } from './editors-env.mjs';

const args = process.argv.slice(2);
const missing = codeServerMissing();
if (missing) {
  console.log(`ui test not run: ${missing}`);
  process.exit(3);
}
if (!args.includes('--no-package') || !existsSync(VSIX)) {
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
}

const OUT = path.join(ROOT, 'test-output', 'ui');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(path.join(tmpdir(), 'bulkhead-ui-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(ROOT, 'test', 'extension', 'workspace'), workspace, { recursive: true });
const extensions = path.join(tmp, 'extensions');
const installed = spawnSync(CODE_SERVER, ['--extensions-dir', extensions, '--install-extension', VSIX], { encoding: 'utf8' });
if (installed.status !== 0) {
  console.error(`ui test: installing ${VSIX} failed:\n${installed.stdout}${installed.stderr}`);
  process.exit(1);
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
  'security.workspace.trust.enabled': false,
};

let passed = 0;
let failed = 0;
const server = await startCodeServer({ extensionsDir: extensions, userSettings });
const { chromium } = await importPlaywright();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.setDefaultTimeout(30_000);
const shot = (name) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

async function step(name, body) {
  try {
    await body();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
    await shot(`failed-${passed + failed}`).catch(() => undefined);
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function problemRows() {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

console.log('VS Code UI (code-server + Chromium, the packaged .vsix installed)');
try {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor();

  await step('Ctrl+P opens the Dockerfile and warning squiggles appear under the findings', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'Dockerfile' }).waitFor();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    assert.ok((await page.locator('.monaco-editor .squiggly-warning').count()) >= 2, 'one squiggle per finding');
  });

  await step('the Problems panel lists the findings with their rule ids', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'root-user' }).first().waitFor();
    const rows = (await problemRows()).join('\n');
    assert.match(rows, /unpinned-image/);
    assert.match(rows, /root-user/);
    assert.match(rows, /bulkhead/);
    await shot('problems-panel');
  });

  await step('hovering the squiggle under "root" shows the rule documentation', async () => {
    const target = page.locator('.monaco-editor .view-line', { hasText: 'USER root' }).locator('span', { hasText: 'root' }).last();
    await target.hover();
    const hover = page.locator('.monaco-hover', { hasText: 'How to fix' });
    await hover.first().waitFor();
    assert.match(await hover.first().innerText(), /root-user/);
    await shot('hover');
    await page.keyboard.press('Escape');
  });

  await step('"Bulkhead: Restart Language Server" from the command palette keeps the findings coming', async () => {
    await runCommand('Bulkhead: Restart Language Server');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'root-user' }).first().waitFor();
    await shot('after-restart');
  });

  await step('the lightbulb on "USER root" offers the fix, and choosing it rewrites the line and clears the finding', async () => {
    await page.locator('.monaco-editor .view-line', { hasText: 'USER root' }).locator('span', { hasText: 'root' }).last().click();
    // VS Code draws the lightbulb in the gutter (or, when the gutter is busy, beside the text).
    const bulb = page.locator('.monaco-editor [class*="lightbulb"], .monaco-editor [class*="light-bulb"]').filter({ visible: true }).first();
    await bulb.waitFor({ timeout: 15_000 }).catch(async (error) => {
      const gutter = await page.locator('.monaco-editor .glyph-margin-widgets *, .monaco-editor .margin-view-overlays *').evaluateAll((els) => els.map((e) => e.className).filter(Boolean));
      throw new Error(`${error.message}\n    gutter classes: ${JSON.stringify(gutter)}`);
    });
    await bulb.click();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Run as non-root user 10001' });
    await fix.first().waitFor();
    await shot('lightbulb');
    // The menu keeps sliding into place (never "stable" for Playwright); its row is where it shows.
    await fix.first().click({ force: true });
    await page.locator('.monaco-editor .view-line', { hasText: 'USER 10001' }).waitFor();
    assert.equal(await page.locator('.monaco-editor .view-line', { hasText: 'USER root' }).count(), 0, 'the line was rewritten');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'root-user' }).first().waitFor({ state: 'detached' });
    assert.match((await problemRows()).join('\n'), /unpinned-image/, 'the other finding stays');
    await shot('after-fix');
  });

  await step('"Bulkhead: Audit Workspace" from the command palette lists the findings of files that are not open', async () => {
    await runCommand('Bulkhead: Audit Workspace');
    await page.locator('.notification-toast', { hasText: /Bulkhead: \d+ findings in 3 files/ }).first().waitFor();
    // The panel lists many findings now; filter it as a person would to find the unopened files' ones.
    const filter = page.locator('.viewpane-filter input');
    await filter.fill('privileged');
    for (const file of ['compose.yaml', 'app.yaml']) await page.locator('.markers-panel .monaco-list-row', { hasText: file }).first().waitFor();
    const rows = (await problemRows()).join('\n');
    assert.match(rows, /privileged/);
    assert.doesNotMatch(rows, /unpinned-image/, 'the filter applies');
    await shot('audit');
    await filter.fill('');
  });
} catch (error) {
  failed++;
  console.log(`  ✖ the workbench did not load: ${error?.message ?? error}`);
  await shot('workbench').catch(() => undefined);
} finally {
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}

if (args.includes('--update-docs') && failed === 0) {
  mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
  copyFileSync(path.join(OUT, 'hover.png'), path.join(ROOT, 'docs', 'images', 'vscode.png'));
  console.log('  updated docs/images/vscode.png');
}
console.log(`  screenshots: ${path.relative(ROOT, OUT)}/`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

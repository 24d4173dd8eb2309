// The editor part of `npm test`: packages the .vsix and checks it, then drives real editors —
// Neovim (LSP over stdio), VS Code's extension host (code-server) and the VS Code UI (Playwright).
// An editor that is not installed is reported as NOT RUN with the reason (never as passed);
// with BULKHEAD_REQUIRE_EDITORS=1 (as in .ci/run) that is a failure.
// Install the editors with scripts/install-editors.sh.
import { spawnSync } from 'node:child_process';
import { ROOT } from './editors-env.mjs';

const NOT_AVAILABLE = 3;
const required = process.env.BULKHEAD_REQUIRE_EDITORS === '1';
const steps = [
  ['package the .vsix', ['npm', 'run', '--silent', 'package']],
  ['check the .vsix', ['node', 'scripts/check-vsix.mjs']],
  ['Neovim', ['node', 'scripts/run-neovim-test.mjs']],
  ['VS Code extension host', ['node', 'scripts/run-vscode-tests.mjs', '--no-package']],
  ['VS Code UI', ['node', 'scripts/ui-test.mjs', '--no-package']],
];

const results = [];
for (const [name, [command, ...args]] of steps) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const status = run.status === 0 ? 'passed' : run.status === NOT_AVAILABLE ? 'NOT RUN' : 'FAILED';
  results.push({ name, status, seconds });
  if (status === 'FAILED' && name.includes('.vsix')) break;
}

console.log('\n== editor tests');
for (const r of results) console.log(`  ${r.status.padEnd(8)} ${r.name} (${r.seconds} s)`);
const count = (s) => results.filter((r) => r.status === s).length;
const notRun = count('NOT RUN');
if (notRun > 0) {
  console.log(required
    ? '  BULKHEAD_REQUIRE_EDITORS=1: an editor that is not installed is a failure (run scripts/install-editors.sh first).'
    : '  Editors that are not installed were NOT tested; run scripts/install-editors.sh to test them.');
}
console.log(`editors: ${count('passed')} passed, ${count('FAILED') + (required ? notRun : 0)} failed, ${required ? 0 : notRun} skipped`);
process.exit(count('FAILED') > 0 || (required && notRun > 0) ? 1 : 0);

// Cold start: language-server process start → `initialize` response, and → first diagnostics
// of a freshly opened 40-line Dockerfile (median and max of several fresh processes, beside the
// peers'); bundle sizes of client, server and CLI (production build) and of the .vsix.
// Extension activation inside a real VS Code (code-server) is bench/activation.mjs.
// Run: node bench/cold-start.mjs [--runs N] [--no-vsix] [--no-peers]   (builds dist/ for production)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchFiles, REPO_ROOT } from './lib/inputs.mjs';
import { BenchClient, ms, table } from './lib/lsp.mjs';
import { DOCKERFILE_PEER, ensurePeers, YAML_PEER } from './lib/peers.mjs';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 10;
const withPeers = !args.includes('--no-peers') && ensurePeers();

execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: REPO_ROOT, stdio: 'inherit' });
const OURS = { name: 'bulkhead', command: process.execPath, args: [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'] };
const small = benchFiles().find((f) => f.name === 'Dockerfile 40 lines');
const manifest = benchFiles().find((f) => f.name === 'manifest 150 lines');

async function coldRuns(server, file) {
  const ready = [];
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    const client = new BenchClient(server);
    try {
      await client.initialize();
      ready.push(client.readyMs);
      const uri = `file:///bench/cold/${file.file}`;
      const published = client.nextDiagnostics(uri, () => true, 30_000);
      client.open(uri, file.languageId, file.text);
      first.push((await published) - client.started);
    } finally {
      await client.stop();
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [ms(median(ready)), ms(Math.max(...ready)), ms(median(first)), ms(Math.max(...first))];
}

const rows = [];
rows.push(['bulkhead', small.name, ...(await coldRuns(OURS, small))]);
rows.push(['bulkhead', manifest.name, ...(await coldRuns(OURS, manifest))]);
if (withPeers) {
  rows.push([DOCKERFILE_PEER.name, small.name, ...(await coldRuns(DOCKERFILE_PEER, small))]);
  rows.push([YAML_PEER.name, manifest.name, ...(await coldRuns(YAML_PEER, manifest))]);
}
console.log(`\n## Cold start (fresh server process, ${RUNS} runs; ms from spawn)\n`);
console.log(table(['server', 'file', 'initialize median', 'initialize max', 'first diagnostics median', 'first diagnostics max'], rows));

const size = (f) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(0)} KB` : '–');
const sizes = [['dist/client.js', size(path.join(REPO_ROOT, 'dist', 'client.js'))], ['dist/server.js', size(path.join(REPO_ROOT, 'dist', 'server.js'))], ['dist/cli.js', size(path.join(REPO_ROOT, 'dist', 'cli.js'))]];
if (!args.includes('--no-vsix')) {
  const vsix = path.join(os.tmpdir(), 'bulkhead-bench.vsix');
  rmSync(vsix, { force: true });
  // The same flags as `npm run package`, so the measured .vsix is the one users install.
  try {
    execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-unused-files-pattern', '--out', vsix], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    sizes.push(['bulkhead.vsix', size(vsix)]);
  } catch (error) {
    sizes.push(['bulkhead.vsix', `vsce failed: ${String(error.stderr ?? error.message).split('\n')[0].slice(0, 100)}`]);
  }
}
console.log('\n## Bundle sizes (production build)\n');
console.log(table(['artifact', 'size'], sizes));

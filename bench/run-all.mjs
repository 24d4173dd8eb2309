// `npm run bench`: every benchmark in turn, each printing its tables (Markdown) to stdout.
// The production bundle is what users run, so it is built first and measured everywhere.
// Pass-through flags: --no-peers (Bulkhead only), --quick (fewer edits, no 10x corpus, no .vsix).
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const peers = args.includes('--no-peers') ? ['--no-peers'] : [];
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`# Bulkhead benchmarks\n\n${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load average at start ${load}`);

const steps = [
  ['cold-start.mjs', [...peers, ...(quick ? ['--runs', '3', '--no-vsix'] : [])], []],
  ['activation.mjs', quick ? ['--runs', '2'] : [], []],
  ['lsp-latency.mjs', [...peers, ...(quick ? ['--edits', '40', '--peer-edits', '20'] : [])], []],
  // The same edits at a pace still faster than anyone types: work done after publishing (the idle
  // collection) is then off the path, as it is for a user.
  ['lsp-latency.mjs', [...peers, '--pace', '20', '--file', 'Dockerfile 1,000', ...(quick ? ['--edits', '40'] : [])], []],
  ['engine.mjs', quick ? ['--iterations', '30'] : [], ['--import', 'tsx']],
  ['audit.mjs', [...peers, ...(quick ? ['--no-10x'] : [])], []],
];
let failed = 0;
for (const [script, scriptArgs, nodeArgs] of steps) {
  const result = spawnSync(process.execPath, [...nodeArgs, path.join(here, script), ...scriptArgs], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`\n(${script} failed with exit code ${result.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);

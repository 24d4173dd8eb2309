// Audit throughput: `bulkhead audit` over the real-world corpus and over that corpus copied 10
// times (files/s, wall time, peak RSS), with 1 worker and with all cores when the CLI has a
// worker option; beside it the peers over the same files, as reference points:
// dockerfile-utils (validate API) and dockerfilelint (run API) over the Dockerfiles, in one
// process each, and the secretlint CLI (recommended preset) over every file.
// Run: npm run build && node bench/audit.mjs [--no-peers] [--no-10x]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, corpusDockerfiles, REPO_ROOT, walk } from './lib/inputs.mjs';
import { ms, table } from './lib/lsp.mjs';
import { ensurePeers, PEER_DIR, peerPath } from './lib/peers.mjs';

const args = process.argv.slice(2);
const withPeers = !args.includes('--no-peers') && ensurePeers();
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const work = path.join(os.tmpdir(), 'bulkhead-bench-audit');

// Peak RSS of a child: a preloaded hook writes process.resourceUsage().maxRSS (KB) at exit.
mkdirSync(work, { recursive: true });
const hook = path.join(work, 'max-rss.cjs');
writeFileSync(hook, "process.on('exit', () => { try { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n");

function run(command, argv, options = {}) {
  const rssFile = path.join(work, `rss-${process.pid}-${Date.now()}`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', hook, command, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, BENCH_RSS_FILE: rssFile, ...options.env }, cwd: options.cwd });
  const wallMs = performance.now() - start;
  const peakMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  return { wallMs, peakMb, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const help = spawnSync(process.execPath, [CLI, 'audit', '--help'], { encoding: 'utf8' }).stdout;
const workerFlag = ['--workers', '--jobs', '--threads'].find((f) => help.includes(f));

function corpusCopies(times) {
  if (times === 1) return CORPUS;
  const dir = path.join(work, `corpus-x${times}`);
  if (!existsSync(path.join(dir, `copy-${times - 1}`))) {
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < times; i++) cpSync(CORPUS, path.join(dir, `copy-${i}`), { recursive: true });
  }
  return dir;
}

const rows = [];
const sets = args.includes('--no-10x') ? [1] : [1, 10];
for (const times of sets) {
  const dir = corpusCopies(times);
  const files = walk(dir).filter((f) => !f.includes(`${path.sep}LICENSES${path.sep}`) && !f.endsWith('.md') && !f.endsWith('.txt'));
  const label = times === 1 ? 'real-world corpus' : `corpus × ${times}`;
  const workerCounts = workerFlag ? [1, os.cpus().length] : [undefined];
  for (const workers of workerCounts) {
    const r = run(CLI, ['audit', dir, '--format', 'json', '--fail-on', 'never', '--output', path.join(work, 'report.json'), ...(workerFlag && workers ? [workerFlag, String(workers)] : [])]);
    const report = existsSync(path.join(work, 'report.json')) ? JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8')) : undefined;
    const analysed = report?.summary?.filesAnalyzed ?? report?.files?.length ?? report?.summary?.files ?? files.length;
    rows.push([label, `bulkhead audit (${workers ? `${workers} worker${workers > 1 ? 's' : ''}` : 'no worker option: 1 thread'})`, files.length, analysed, ms(r.wallMs), Math.round((files.length / r.wallMs) * 1000), ms(r.peakMb), r.status === 0 ? '' : `exit ${r.status}: ${r.stderr.slice(0, 80)}`]);
    process.stderr.write(`${label} bulkhead ${workers ?? ''}: ${ms(r.wallMs)} ms\n`);
  }
  if (withPeers) {
    const dockerfiles = files.filter((f) => /^(Dockerfile|Containerfile)/.test(path.basename(f)) || /\.dockerfile$/i.test(f));
    const listFile = path.join(work, `dockerfiles-x${times}.json`);
    writeFileSync(listFile, JSON.stringify(dockerfiles));
    const apiRunner = path.join(work, 'peer-api.cjs');
    writeFileSync(apiRunner, `
const fs = require('fs'); const path = require('path');
const [tool, list] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(list, 'utf8'));
let problems = 0;
if (tool === 'dockerfile-utils') { const { validate } = require(${JSON.stringify(peerPath('dockerfile-utils'))}); for (const f of files) problems += validate(fs.readFileSync(f, 'utf8')).length; }
else { const dfl = require(${JSON.stringify(peerPath('dockerfilelint'))}); for (const f of files) problems += dfl.run(path.dirname(f), fs.readFileSync(f, 'utf8')).length; }
console.log(problems);
`);
    for (const tool of ['dockerfile-utils', 'dockerfilelint']) {
      const r = run(apiRunner, [tool, listFile]);
      rows.push([label, `${tool} (API, Dockerfiles only)`, dockerfiles.length, dockerfiles.length, ms(r.wallMs), Math.round((dockerfiles.length / r.wallMs) * 1000), ms(r.peakMb), r.status === 0 ? '' : `exit ${r.status}`]);
      process.stderr.write(`${label} ${tool}: ${ms(r.wallMs)} ms\n`);
    }
    writeFileSync(path.join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const r = run(peerPath('secretlint', 'bin', 'secretlint.js'), ['**/*', '--format', 'json', '--output', path.join(work, 'secretlint.json'), '--secretlintrc', path.join(dir, '.secretlintrc.json')], { cwd: dir, env: { NODE_PATH: path.join(PEER_DIR, 'node_modules') } });
    rmSync(path.join(dir, '.secretlintrc.json'), { force: true });
    rows.push([label, 'secretlint (recommended preset)', files.length, files.length, ms(r.wallMs), Math.round((files.length / r.wallMs) * 1000), ms(r.peakMb), r.status === 0 || r.status === 1 ? '' : `exit ${r.status}: ${r.stderr.slice(0, 80)}`]);
    process.stderr.write(`${label} secretlint: ${ms(r.wallMs)} ms\n`);
  }
}
console.log('\n## Audit throughput (wall time of the whole command, peak RSS of the process)\n');
console.log(table(['files', 'tool', 'files given', 'files analysed', 'wall ms', 'files/s', 'peak RSS MB', 'note'], rows));

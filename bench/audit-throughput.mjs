// Throughput and peak memory of `bulkhead audit` on the real-world corpus, and on that corpus
// copied 10 times (the scale the workspace-audit issue asks for), for --jobs 1 and --jobs <cores>.
// Prints the numbers; asserts nothing (timings do not belong in unit tests).
// Run: npm run build && node bench/audit-throughput.mjs [--copies 10]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'real-world');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const copiesArg = process.argv.indexOf('--copies');
const copies = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 10;

const scratch = mkdtempSync(path.join(tmpdir(), 'bulkhead-bench-'));
// Peak RSS of the whole process (worker threads included), reported by a preload on exit.
const preload = path.join(scratch, 'peak.cjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");

function audit(dir, jobs) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', preload, cli, 'audit', '.', '--format', 'json', '--fail-on', 'never', '--jobs', String(jobs)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`audit failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout);
  const files = report.summary.files;
  const peakMb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  return { files, findings: report.summary.findings, seconds, peakMb };
}

function line(label, jobs, r) {
  console.log(`${label.padEnd(28)} jobs=${String(jobs).padEnd(3)} ${String(r.files).padStart(6)} files  ${(r.files / r.seconds).toFixed(0).padStart(6)} files/s  ${r.seconds.toFixed(2).padStart(7)} s  peak RSS ${r.peakMb.toFixed(0).padStart(5)} MB  (${r.findings} findings)`);
}

try {
  const cores = availableParallelism();
  console.log(`bulkhead audit throughput — node ${process.version}, ${cores} cores`);
  for (const jobs of [1, cores]) line('real-world corpus', jobs, audit(corpus, jobs));
  const big = path.join(scratch, 'copies');
  for (let i = 0; i < copies; i++) cpSync(corpus, path.join(big, `copy-${i}`), { recursive: true });
  for (const jobs of [1, cores]) line(`real-world corpus x${copies}`, jobs, audit(big, jobs));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * The long fuzz run: `npm run fuzz [-- --runs N --seed S]`. Every counterexample is shrunk by
 * fast-check and saved under test/fuzz/crashers/ (kept as a regression fixture, replayed by
 * `npm test`); the run exits 1 if it found any.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CRASHERS_DIR, engineProperty, loadSeeds, mutate, type FuzzCase } from './harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 20_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const seeds = loadSeeds();
console.log(`fuzzing ${seeds.length} fixtures, ${runs} runs, seed ${seed}`);
let found = 0;
for (const fixture of seeds) {
  const result = fc.check(engineProperty([fixture]), { numRuns: Math.ceil(runs / seeds.length), seed, endOnFailure: false });
  if (!result.failed || !result.counterexample) {
    console.log(`${fixture.name}: ${result.numRuns} runs, no failure`);
    continue;
  }
  found++;
  const [failing] = result.counterexample as [FuzzCase];
  const text = mutate(failing);
  const file = path.join(CRASHERS_DIR, `${fixture.kind}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.txt`);
  writeFileSync(file, text);
  console.log(`${fixture.name}: FAILED after ${result.numRuns} runs — saved ${path.relative(process.cwd(), file)}\n${String(result.errorInstance ?? '').split('\n').slice(0, 6).join('\n')}`);
}
console.log(found === 0 ? '0 crashers found' : `${found} crashers found`);
process.exitCode = found === 0 ? 0 : 1;

// Median in-process cost of one incremental analyze() after a one-character edit in the middle
// of each bench file (CPU time of this thread and wall time), for before/after comparisons on a
// loaded machine: `node --import tsx bench/edit-median.mjs [iterations] [name filter]`.
import { analyze, AnalysisCache, DEFAULT_CONFIG } from '../server/src/engine/index.ts';
import { benchFiles, editedVersions } from './lib/inputs.mjs';

const iterations = Number(process.argv[2] ?? 200);
const filter = process.argv[3] ?? '';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const file of benchFiles().filter((f) => f.name.includes(filter))) {
  const versions = editedVersions(file.text);
  const cache = new AnalysisCache();
  const options = { path: `/bench/${file.file}`, languageId: file.languageId, config: DEFAULT_CONFIG, cache };
  for (let i = 0; i < 20; i++) analyze(versions[i % 2], options);
  // Interleaved with a full analysis (no cache) of the same text: under a changing load the ratio
  // edit / full is steadier than either time alone.
  const cpu = [];
  const full = [];
  const time = (fn) => {
    const c0 = process.cpuUsage();
    fn();
    const c1 = process.cpuUsage(c0);
    return (c1.user + c1.system) / 1000;
  };
  for (let i = 0; i < iterations; i++) {
    cpu.push(time(() => analyze(versions[i % 2], options)));
    if (i % 2 === 1) full.push(time(() => analyze(versions[i % 2], { ...options, cache: undefined })));
  }
  console.log(`${file.name.padEnd(24)} edit cpu p50 ${median(cpu).toFixed(2).padStart(7)} ms   full cpu p50 ${median(full).toFixed(2).padStart(7)} ms   edit/full ${(median(cpu) / median(full)).toFixed(2)}`);
}

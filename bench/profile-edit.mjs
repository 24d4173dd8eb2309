// Profiling aid: repeats the incremental analyze() of one bench file's middle edit, so that
// `node --cpu-prof --import tsx bench/profile-edit.mjs "Dockerfile 1,000"` shows where an edit's time goes.
import { analyze, AnalysisCache, DEFAULT_CONFIG } from '../server/src/engine/index.ts';
import { benchFiles, editedVersions } from './lib/inputs.mjs';

const name = process.argv[2] ?? 'Dockerfile 1,000';
const iterations = Number(process.argv[3] ?? 300);
const file = benchFiles().find((f) => f.name.includes(name));
const versions = editedVersions(file.text);
const cache = new AnalysisCache();
const options = { path: `/bench/${file.file}`, languageId: file.languageId, config: DEFAULT_CONFIG, cache };
const start = performance.now();
for (let i = 0; i < iterations; i++) analyze(versions[i % 2], options);
console.log(`${file.name}: ${((performance.now() - start) / iterations).toFixed(2)} ms per edit`);

// Profiling aid: repeats the incremental analyze() of one bench file's middle edit, so that
// `node --cpu-prof --import tsx bench/profile-edit.mjs "Dockerfile 1,000"` shows where an edit's time goes.
import { analyze, AnalysisCache, DEFAULT_CONFIG } from '../server/src/engine/index.ts';
import { benchFiles } from './lib/inputs.mjs';

const name = process.argv[2] ?? 'Dockerfile 1,000';
const iterations = Number(process.argv[3] ?? 300);
const file = benchFiles().find((f) => f.name.includes(name));
const lines = file.text.split('\n');
let line = Math.floor(lines.length / 2);
while (line < lines.length - 1 && lines[line].trim().length < 4) line++;
const c = Math.floor(lines[line].length / 2);
const edited = [...lines];
edited[line] = lines[line].slice(0, c) + 'x' + lines[line].slice(c);
const versions = [file.text, edited.join('\n')];
const cache = new AnalysisCache();
const options = { path: `/bench/${file.file}`, languageId: file.languageId, config: DEFAULT_CONFIG, cache };
const start = performance.now();
for (let i = 0; i < iterations; i++) analyze(versions[i % 2], options);
console.log(`${file.name}: ${((performance.now() - start) / iterations).toFixed(2)} ms per edit`);

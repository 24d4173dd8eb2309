// Engine-level breakdown of one edit's cost, to find the hot spots behind the LSP latency:
// analyze() after a one-character edit in the middle (with the session's cache), a full
// analyze() without cache, the parse alone, and each rule's check on a parsed model.
// Run: node --import tsx bench/engine.mjs [--iterations N]
import { analyze, AnalysisCache, DEFAULT_CONFIG, RULES } from '../server/src/engine/index.ts';
import { parseDockerfile } from '../server/src/engine/dockerfile/model.ts';
import { splitYamlDocuments } from '../server/src/engine/yaml/segments.ts';
import { parseYamlSegment } from '../server/src/engine/yaml/parse.ts';
import { benchFiles, editedVersions } from './lib/inputs.mjs';
import { ms, percentiles, table } from './lib/lsp.mjs';

const args = process.argv.slice(2);
const ITER = args.includes('--iterations') ? Number(args[args.indexOf('--iterations') + 1]) : 100;
const only = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;

// CPU time of this thread (user + system), not wall time: on a shared machine the wall clock
// also counts time spent waiting for a core. The LSP bench reports wall time as users see it.
const USE_WALL = args.includes('--wall');
function now() {
  if (USE_WALL) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(fn, iterations = ITER) {
  for (let i = 0; i < Math.min(10, iterations); i++) fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = now();
    fn(i);
    samples.push(now() - start);
  }
  return percentiles(samples);
}

const rows = [];
const ruleRows = [];
for (const file of benchFiles()) {
  if (only && !file.name.includes(only)) continue;
  const options = { path: `/bench/${file.file}`, languageId: file.languageId, config: DEFAULT_CONFIG };
  const versions = editedVersions(file.text);
  const cache = new AnalysisCache();
  const incremental = time((i) => analyze(versions[i % 2], { ...options, cache }));
  const full = time((i) => analyze(versions[i % 2], options));
  let parse;
  if (file.languageId === 'dockerfile') parse = time((i) => parseDockerfile(versions[i % 2]));
  else parse = time((i) => splitYamlDocuments(versions[i % 2]).forEach((s) => parseYamlSegment(s)));
  rows.push([file.name, ms(incremental.p50), ms(incremental.p99), ms(full.p50), ms(full.p99), ms(parse.p50)]);

  if (file.languageId === 'dockerfile') {
    const model = parseDockerfile(file.text);
    const runs = model.stages.flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'RUN');
    const shell = time(() => {
      const fresh = parseDockerfile(file.text);
      for (const r of runs) fresh.shellCommands(r);
    }, 20);
    ruleRows.push([file.name, '(parse + shell of every RUN)', ms(shell.p50)]);
    for (const rule of RULES) {
      if (!rule.check.dockerfile) continue;
      const t = time(() => rule.check.dockerfile({ model, config: DEFAULT_CONFIG, report: () => undefined }), 30);
      ruleRows.push([file.name, rule.id, ms(t.p50)]);
    }
  }
}
console.log(`\n## Engine: analyze() per edit (${ITER} iterations; ${USE_WALL ? 'wall' : 'CPU'} ms)\n`);
console.log(table(['file', 'edit p50', 'edit p99', 'full p50', 'full p99', 'parse p50'], rows));
console.log('\n## Engine: each Dockerfile rule on a parsed model (shell commands memoised; ms p50)\n');
console.log(table(['file', 'rule', 'p50'], ruleRows));

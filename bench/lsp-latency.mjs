// Edit latency over LSP, as the user sees it: time from each textDocument/didChange sent over
// stdio to the publishDiagnostics for that version, for Bulkhead and for the peers
// (dockerfile-language-server-nodejs on Dockerfiles, yaml-language-server on YAML), plus the
// server's RSS. Then "open everything at once": every corpus Dockerfile / manifest opened in one
// burst, time until all are diagnosed.
// Run: npm run build && node bench/lsp-latency.mjs [--edits N] [--no-peers] [--file NAME] [--open-only]
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { benchFiles, corpusDockerfiles, corpusManifests, REPO_ROOT } from './lib/inputs.mjs';
import { BenchClient, measureEdits, ms, percentiles, table } from './lib/lsp.mjs';
import { DOCKERFILE_PEER, ensurePeers, YAML_PEER } from './lib/peers.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EDITS = flag('--edits', 200);
// --pace MS: a pause between one edit's diagnostics and the next edit, as when a person types.
const PACE = flag('--pace', 0);
const PEER_EDITS = flag('--peer-edits', 60);
const withPeers = !args.includes('--no-peers') && ensurePeers();
const filter = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
// --open-only: skip the edit rows, measure only "open everything at once".
const openOnly = args.includes('--open-only');

const OURS = { name: 'bulkhead', command: process.execPath, args: [...(process.env.BULKHEAD_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'] };
const uriFor = (file, i = 0) => pathToFileURL(path.join('/bench', String(i), file)).href;

async function editRun(server, file, edits) {
  const client = new BenchClient(server);
  try {
    await client.initialize();
    const { openMs, samples } = await measureEdits(client, { uri: uriFor(file.file), languageId: file.languageId, text: file.text, edits, warmup: Math.min(10, edits), paceMs: PACE });
    return { openMs, ...percentiles(samples), ...client.memory() };
  } catch (error) {
    return { error: error.message };
  } finally {
    await client.stop();
  }
}

const rows = [];
for (const file of openOnly ? [] : benchFiles()) {
  if (filter && !file.name.includes(filter)) continue;
  const ours = await editRun(OURS, file, EDITS);
  const peer = file.languageId === 'dockerfile' ? DOCKERFILE_PEER : YAML_PEER;
  const theirs = withPeers ? await editRun(peer, file, PEER_EDITS) : undefined;
  const ratio = theirs && !theirs.error ? (ours.p99 / theirs.p99).toFixed(2) : '–';
  rows.push([file.name, ms(ours.p50), ms(ours.p90), ms(ours.p99), ms(ours.max), ms(ours.rssMb), theirs ? `${peer.name.split('-')[0]}` : '–', theirs ? ms(theirs.p50) : '–', theirs ? ms(theirs.p99) : '–', theirs ? ms(theirs.rssMb) : '–', ratio]);
  process.stderr.write(`${file.name}: ours p99 ${ms(ours.p99)} ms${ours.error ? ` (${ours.error})` : ''}${theirs ? `, peer p99 ${ms(theirs.p99)} ms${theirs.error ? ` (${theirs.error})` : ''}` : ''}\n`);
}
if (!openOnly) console.log(`\n## Edit latency over LSP (didChange → publishDiagnostics; ours ${EDITS} edits, peers ${PEER_EDITS}; ${PACE > 0 ? `${PACE} ms between one edit's diagnostics and the next edit` : 'each edit sent as soon as the previous one is diagnosed'}; ms)\n`);
if (!openOnly) console.log(table(['file', 'p50', 'p90', 'p99', 'max', 'RSS MB', 'peer', 'peer p50', 'peer p99', 'peer RSS', 'p99 ours/peer'], rows));

// Open many documents at once.
async function openAll(server, files, languageId) {
  const client = new BenchClient(server);
  try {
    await client.initialize();
    const start = performance.now();
    const pending = files.map((f, i) => {
      const uri = uriFor(path.basename(f), i);
      const done = client.nextDiagnostics(uri, () => true, 300_000);
      client.open(uri, languageId, readFileSync(f, 'utf8'));
      return done;
    });
    const times = await Promise.all(pending);
    return { allMs: Math.max(...times) - start, ...client.memory() };
  } catch (error) {
    return { error: error.message };
  } finally {
    await client.stop();
  }
}

if (!filter) {
  const openRows = [];
  const dockerfiles = corpusDockerfiles().slice(0, 700);
  const manifests = corpusManifests().slice(0, 2000);
  for (const [label, files, languageId, peer] of [[`${dockerfiles.length} Dockerfiles`, dockerfiles, 'dockerfile', DOCKERFILE_PEER], [`${manifests.length} manifests`, manifests, 'yaml', YAML_PEER]]) {
    const ours = await openAll(OURS, files, languageId);
    const theirs = withPeers ? await openAll(peer, files, languageId) : undefined;
    openRows.push([label, ms(ours.allMs), ms(ours.peakMb), theirs ? peer.name : '–', theirs ? ms(theirs.allMs) : '–', theirs ? ms(theirs.peakMb) : '–']);
    process.stderr.write(`open ${label}: ours ${ms(ours.allMs)} ms${ours.error ? ` (${ours.error})` : ''}, peer ${theirs ? ms(theirs.allMs) : '–'}\n`);
  }
  console.log('\n## Open everything at once (all didOpen in one burst → last publishDiagnostics; ms)\n');
  console.log(table(['documents', 'ours all diagnosed', 'ours peak RSS MB', 'peer', 'peer all diagnosed', 'peer peak RSS MB'], openRows));
}

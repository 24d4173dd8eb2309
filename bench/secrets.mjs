// Cost of secret scanning per document, as the language server pays it on every keystroke:
// the three secret rules' checks on an already-parsed model (a 1,000-line Dockerfile; each
// `---` document of a 5,000-line manifest), plus the whole analyze() for context.
// Run: node --import tsx bench/secrets.mjs   (budget: well inside 20 ms per document)
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, DEFAULT_CONFIG } from '../server/src/engine/index.ts';
import { parseDockerfile } from '../server/src/engine/dockerfile/model.ts';
import { splitYamlDocuments } from '../server/src/engine/yaml/segments.ts';
import { parseYamlSegment } from '../server/src/engine/yaml/parse.ts';
import { readObject } from '../server/src/engine/kubernetes/model.ts';
import * as embeddedSecretModule from '../server/src/engine/rules/embedded-secret.ts';
import * as secretInManifestModule from '../server/src/engine/rules/secret-in-manifest.ts';
import * as secretFileCopiedModule from '../server/src/engine/rules/secret-file-copied.ts';

// tsx loads the TypeScript as CommonJS: the rule is `default` (or `default.default`).
const ruleOf = (m) => (m.default?.check ? m.default : m.default.default);
const embeddedSecret = ruleOf(embeddedSecretModule);
const secretInManifest = ruleOf(secretInManifestModule);
const secretFileCopied = ruleOf(secretFileCopiedModule);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const synthetic = path.resolve(repoRoot, '..', 'shared', 'corpus', 'synthetic');
const dockerfile = readFileSync(path.join(synthetic, 'large-2000.Dockerfile'), 'utf8').split('\n').slice(0, 1000).join('\n');
const manifest = readFileSync(path.join(synthetic, 'large-5000.yaml'), 'utf8');

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(3)} ms  p99 ${at(0.99).toFixed(3)} ms  max ${sorted[sorted.length - 1].toFixed(3)} ms`;
}

function time(fn, iterations) {
  for (let i = 0; i < Math.min(20, iterations); i++) fn();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const report = () => undefined;
const listing = ['package.json', 'src/index.js', '.env', 'deploy/id_rsa'];
const buildContext = { listFiles: () => listing };

// Dockerfile: the secret rules on one parsed model.
const model = parseDockerfile(dockerfile);
const dockerfileChecks = time(() => {
  embeddedSecret.check.dockerfile({ model, config: DEFAULT_CONFIG, report, buildContext });
  secretFileCopied.check.dockerfile({ model, config: DEFAULT_CONFIG, report, buildContext });
}, 300);
console.log(`Dockerfile ${dockerfile.split('\n').length} lines  secret rules: ${stats(dockerfileChecks)}`);
console.log(`Dockerfile ${dockerfile.split('\n').length} lines  whole analyze(): ${stats(time(() => analyze(dockerfile, { path: 'Dockerfile', buildContext }), 100))}`);

// Manifest: each `---` document on its own, as the engine analyses and caches them.
const segments = splitYamlDocuments(manifest);
const documents = segments.map((segment) => {
  const yaml = parseYamlSegment(segment);
  const root = yaml.view.map(yaml.doc.contents);
  const object = root && readObject(yaml.view, root);
  return { kind: 'kubernetes', view: yaml.view, yaml, objects: object ? [object] : [] };
});
const perDocument = [];
let largest = 0;
for (const document of documents) {
  largest = Math.max(largest, document.yaml.segment.text.split('\n').length);
  const samples = time(() => {
    embeddedSecret.check.kubernetes({ model: document, config: DEFAULT_CONFIG, report });
    secretInManifest.check.kubernetes({ model: document, config: DEFAULT_CONFIG, report });
  }, 50);
  perDocument.push(samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]);
}
const wholeFile = time(() => {
  for (const document of documents) {
    embeddedSecret.check.kubernetes({ model: document, config: DEFAULT_CONFIG, report });
    secretInManifest.check.kubernetes({ model: document, config: DEFAULT_CONFIG, report });
  }
}, 100);
console.log(`Manifest ${manifest.split('\n').length} lines, ${documents.length} documents (largest ${largest} lines)  secret rules per document: ${stats(perDocument)}`);
console.log(`Manifest ${manifest.split('\n').length} lines  secret rules on every document (cold file): ${stats(wholeFile)}`);
console.log(`Manifest ${manifest.split('\n').length} lines  whole analyze(): ${stats(time(() => analyze(manifest, { path: 'manifest.yaml' }), 30))}`);

// Hostile input: long lines built to make token patterns backtrack. Each must stay linear
// (a few ms per 200 KB); a quadratic pattern shows up here as seconds.
const { findTokens } = await import('../server/src/engine/secrets/tokens.ts');
const hostile = {
  'eyJ- repeated': 'eyJ-'.repeat(50000),
  'sk- repeated': 'sk-'.repeat(60000),
  'sk-proj- repeated': 'sk-proj-'.repeat(30000),
  'xoxb- repeated': 'xoxb-'.repeat(50000),
  'scheme://u: repeated': 'a://b:'.repeat(40000),
  'PEM headers with bodies, no END': ('-----BEGIN PRIVATE KEY-----\n' + 'QUJD'.repeat(20) + '\n').repeat(3000),
  'one 300 KB base64 run': 'A'.repeat(300000),
};
for (const [name, text] of Object.entries(hostile)) {
  const start = performance.now();
  findTokens(text);
  console.log(`hostile ${name} (${(text.length / 1024).toFixed(0)} KB): ${(performance.now() - start).toFixed(1)} ms`);
}

// Deterministic benchmark inputs built from realistic pieces of the real-world corpus
// (../shared/corpus/real-world). Same corpus in = same files out; nothing random.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// BULKHEAD_CORPUS overrides it (a worktree under /work/wt/<name> has no ../shared beside it).
export const CORPUS = process.env.BULKHEAD_CORPUS ? path.resolve(process.env.BULKHEAD_CORPUS) : path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real-world');

export function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

let listing;
function corpusFiles() {
  listing ??= walk(CORPUS).filter((f) => !f.includes(`${path.sep}LICENSES${path.sep}`) && !f.endsWith('SOURCES.md'));
  return listing;
}

export const isDockerfile = (f) => /^(Dockerfile|Containerfile)/.test(path.basename(f)) || /\.dockerfile$/i.test(f);
export const isCompose = (f) => /^(docker-)?compose[^/]*\.ya?ml$/.test(path.basename(f));
export const isYaml = (f) => /\.ya?ml$/.test(f) && !isCompose(f);

export function corpusDockerfiles() {
  return corpusFiles().filter(isDockerfile);
}

export function corpusManifests() {
  return corpusFiles().filter((f) => isYaml(f) && /^apiVersion\s*:/m.test(readFileSync(f, 'utf8')) && !readFileSync(f, 'utf8').includes('{{'));
}

export function corpusComposeFiles() {
  return corpusFiles().filter(isCompose);
}

/** Whole-instruction prefix of `text` with at most `max` lines (never cuts a continued line). */
function takeLines(lines, max) {
  let end = Math.min(lines.length, max);
  while (end > 0 && /\\\s*$/.test(lines[end - 1])) end--;
  return lines.slice(0, end);
}

/** A Dockerfile of exactly `lines` lines: real Dockerfiles one after the other, each a stage or more. */
export function dockerfileOfLines(lines) {
  const files = corpusDockerfiles();
  const out = [];
  // A stride through the sorted list mixes the repositories instead of taking one repo's variants.
  for (let i = 0; out.length < lines; i = (i + 37) % files.length) {
    const text = readFileSync(files[i], 'utf8').replace(/\r\n/g, '\n');
    if (!/^FROM\s/im.test(text) || text.includes('{{')) continue;
    const body = text.split('\n').filter((l) => !/^#\s*(syntax|escape|check)\s*=/i.test(l));
    out.push(...takeLines(body, lines - out.length), '');
  }
  return pad(out, lines);
}

/** A multi-document manifest of exactly `lines` lines: real manifests joined with `---`. */
export function manifestOfLines(lines) {
  const files = corpusManifests();
  const out = [];
  for (let i = 0; out.length < lines; i = (i + 29) % files.length) {
    const text = readFileSync(files[i], 'utf8').replace(/\r\n/g, '\n').trimEnd();
    const body = text.split('\n');
    if (out.length + body.length + 1 > lines) {
      if (body.length > 200) continue;
      break;
    }
    if (out.length > 0 && !body[0].startsWith('---')) out.push('---');
    out.push(...body);
  }
  return pad(out, lines);
}

/** A Compose file of about `lines` lines: services taken from real Compose files, renamed to stay unique. */
export function composeOfLines(lines) {
  const files = corpusComposeFiles();
  const services = {};
  let n = 0;
  let text = '';
  for (let i = 0; ; i = (i + 7) % files.length) {
    let doc;
    try {
      doc = parse(readFileSync(files[i], 'utf8'));
    } catch {
      continue;
    }
    for (const [name, service] of Object.entries(doc?.services ?? {})) {
      if (!service || typeof service !== 'object') continue;
      services[`${name}-${n++}`] = service;
      const next = stringify({ services });
      if (next.split('\n').length > lines) return text;
      text = next;
    }
  }
}

function pad(out, lines) {
  const result = out.slice(0, lines);
  while (result.length < lines) result.push('# padding');
  return result.join('\n') + '\n';
}

/** The bench's file set (name, language id, file name, text). */
export function benchFiles() {
  return [
    { name: 'Dockerfile 40 lines', languageId: 'dockerfile', file: 'Dockerfile', text: dockerfileOfLines(40) },
    { name: 'Dockerfile 1,000 lines', languageId: 'dockerfile', file: 'Dockerfile', text: dockerfileOfLines(1000) },
    { name: 'Dockerfile 2,000 lines', languageId: 'dockerfile', file: 'Dockerfile', text: dockerfileOfLines(2000) },
    { name: 'Dockerfile 5,000 lines', languageId: 'dockerfile', file: 'Dockerfile', text: dockerfileOfLines(5000) },
    { name: 'manifest 150 lines', languageId: 'yaml', file: 'k8s.yaml', text: manifestOfLines(150) },
    { name: 'manifest 5,000 lines', languageId: 'yaml', file: 'k8s.yaml', text: manifestOfLines(5000) },
    { name: 'Compose 300 lines', languageId: 'dockercompose', file: 'compose.yaml', text: composeOfLines(300) },
  ];
}

/** Where every edit benchmark edits: the middle of the first line with some text at or after the middle line. */
export function middleEditPoint(text) {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && lines[line].trim().length < 4) line++;
  return { line, character: Math.floor(lines[line].length / 2) };
}

/** The text, and the text with one character inserted at `middleEditPoint`. */
export function editedVersions(text) {
  const { line, character } = middleEditPoint(text);
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character);
  return [text, lines.join('\n')];
}

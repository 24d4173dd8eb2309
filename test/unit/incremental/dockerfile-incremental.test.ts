import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, AnalysisCache } from '../../../server/src/engine';
import { DockerfileCache, parseDockerfile } from '../../../server/src/engine/dockerfile/model';
import { runsOf } from '../../../server/src/engine/dockerfile/queries';

/**
 * The incremental Dockerfile path (stage chunks re-parsed only when touched, shell commands
 * reused and moved) must give exactly what a fresh analysis of the same text gives, after any
 * sequence of edits. Edits are pseudo-random but seeded, so a failure reproduces.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Edits that stress the cut points: new stages, continuations, heredocs, comments, line moves. */
const SNIPPETS = ['x', ' ', '\n', '\\', '\\\n', 'FROM alpine\n', 'FROM debian AS b\n', '<<EOF\nFROM x\nEOF\n', 'RUN <<EOF\napt-get update\nFROM a\nEOF\n', '# c\n', 'RUN apt-get install -y curl \\\n', 'USER root\n', 'ENV TOKEN=ghp_', '`', '"', "'", '$(', 'sudo ', '\r\n'];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.35 && text.length > 0) {
    const length = 1 + Math.floor(random() * Math.min(40, text.length - at));
    return text.slice(0, at) + text.slice(at + length);
  }
  const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)];
  // Often at a line start, where instructions begin.
  const lineStart = random() < 0.5 ? text.lastIndexOf('\n', at - 1) + 1 : at;
  return text.slice(0, lineStart) + snippet + text.slice(lineStart);
}

function checkSame(text: string, cache: AnalysisCache, label: string): void {
  const incremental = analyze(text, { kind: 'dockerfile', cache });
  const full = analyze(text, { kind: 'dockerfile' });
  assert.deepEqual(incremental, full, `${label}: incremental analysis differs from a full one`);
}

function checkModel(text: string, cache: DockerfileCache, label: string): void {
  const incremental = parseDockerfile(text, cache);
  const full = parseDockerfile(text);
  const shape = (m: ReturnType<typeof parseDockerfile>) => ({
    escape: m.escapeChar,
    all: m.instructions.map((i) => [i.getKeyword(), i.getRange()]),
    globals: m.globalInstructions.map((i) => [i.getKeyword(), i.getRange()]),
    stages: m.stages.map((s) => ({ name: s.name, image: s.imageText, base: s.baseStage?.index, final: s.isFinal, instructions: s.instructions.map((i) => [i.getKeyword(), i.getRange(), i.getArgumentsRange()]) })),
    // Through JSON: commands of a cached model are anchored objects (their offsets are getters).
    runs: runsOf(m).map((r) => JSON.parse(JSON.stringify(r.commands)) as unknown),
  });
  assert.deepEqual(shape(incremental), shape(full), `${label}: incremental model differs from a full parse`);
}

// BULKHEAD_CORPUS (the real-world folder) for a checkout with no ../shared beside it, as the benches read it.
const shared = process.env.BULKHEAD_CORPUS ? path.resolve(process.env.BULKHEAD_CORPUS, '..') : path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

const HANDMADE: Record<string, string> = {
  'heredoc holding FROM': 'FROM alpine\nRUN <<EOF\necho hi\nFROM evil\nUSER root\nEOF\nFROM debian\nUSER root\n',
  'continuation before FROM': 'FROM alpine\nRUN echo a \\\n# comment\n\nFROM notastage\nFROM debian AS two\nRUN sudo x\n',
  'backtick escape': '# escape=`\nFROM mcr.microsoft.com/windows\nRUN echo a `\n  b\nFROM alpine\nRUN echo c \\\nFROM x\nUSER root\n',
  'directives and global args': '# syntax=docker/dockerfile:1\n# escape=\\\nARG BASE=alpine:3.19\nFROM ${BASE} AS one\nRUN apk add curl\nFROM one\nRUN curl http://x | sh\n',
  'onbuild and stages': 'FROM alpine AS a\nONBUILD RUN apt-get update && apt-get install -y openssh-server\nFROM a\nFROM scratch\nCOPY --from=a /x /y\n',
  'crlf': 'FROM alpine\r\nRUN apk add curl\r\nFROM debian\r\nUSER root\r\n',
  'here-string': 'FROM alpine\nRUN cat <<<"x"\nFROM debian\nRUN sudo ls\n',
};

describe('incremental Dockerfile analysis equals a full analysis', () => {
  for (const [name, text] of Object.entries(HANDMADE)) {
    it(`hand-made: ${name}`, () => {
      const cache = new AnalysisCache();
      const random = rng(name.length * 7919);
      let current = text;
      const modelCache = new DockerfileCache();
      for (let i = 0; i < 60; i++) {
        checkSame(current, cache, `${name} step ${i}`);
        checkModel(current, modelCache, `${name} step ${i}`);
        current = randomEdit(current, random);
      }
    });
  }

  it('real-world Dockerfiles under random edit sequences', (t) => {
    const list = path.join(shared, 'synthetic', 'lists', 'dockerfiles-sample100.txt');
    if (!existsSync(list)) return t.skip(`no corpus list at ${list}`);
    const files = readFileSync(list, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    // Long files, joined: many stages and long RUNs, like the benchmark's 1,000-line file.
    const joined: string[] = [];
    for (let i = 0; i < 40 && i < files.length; i += 8) {
      joined.push(files.slice(i, i + 8).map((f) => {
        const resolved = [path.resolve(path.dirname(list), f), path.resolve(shared, 'real-world', f)].find(existsSync);
        return resolved ? readFileSync(resolved, 'utf8') : '';
      }).join('\n'));
    }
    assert.ok(joined.length >= 5);
    for (const [n, text] of joined.entries()) {
      const cache = new AnalysisCache();
      const modelCache = new DockerfileCache();
      const random = rng(1000 + n);
      let current = text;
      for (let i = 0; i < 15; i++) {
        checkSame(current, cache, `joined file ${n} step ${i}`);
        checkModel(current, modelCache, `joined file ${n} step ${i}`);
        current = randomEdit(current, random);
      }
    }
  });
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compiledPattern, patternMatches, TOKEN_PATTERNS } from '../../../server/src/engine/secrets/tokens';
import { random } from './seeded-random';

/** What a plain global scan with the pattern's own regex finds: the reference. */
function globalScan(source: RegExp, text: string): [number, string][] {
  const regex = new RegExp(source.source, source.flags.includes('g') ? source.flags : `${source.flags}g`);
  return [...text.matchAll(regex)].map((m) => [m.index ?? -1, m[0]]);
}

function anchoredScan(id: string, text: string): [number, string][] {
  const [pattern, regex] = compiledPattern(id)!;
  return [...patternMatches(pattern, regex, text)].map((m) => [m.index, m[0]]);
}

const PIECES = ['http', 's', '://', ':', '@', 'user', 'p4ss', 'w0rd', 'host', '.', '-', '+', '/', ' ', '\n', '"', "'", 'a', 'Z', '9', '://x:y@z', 'postgres://u:secret@db', 'x'.repeat(40), '[', ')', '_', 'svn+ssh', 'a.b-c', '9x', 'x'.repeat(29), ':/', '//'];

describe('secret scan: patterns anchored on a literal find exactly what a full scan finds', () => {
  const anchored = TOKEN_PATTERNS.filter((p) => p.anchor);

  it('the URL-password pattern is anchored on ://', () => {
    assert.deepEqual(anchored.map((p) => p.id), ['url-password']);
  });

  for (const pattern of anchored) {
    it(`${pattern.id}: 3,000 generated texts`, () => {
      const next = random(42);
      let found = 0;
      for (let i = 0; i < 3000; i++) {
        let text = '';
        const n = 1 + Math.floor(next() * 30);
        for (let j = 0; j < n; j++) text += PIECES[Math.floor(next() * PIECES.length)];
        const expected = globalScan(pattern.regex, text);
        found += expected.length;
        assert.deepEqual(anchoredScan(pattern.id, text), expected, JSON.stringify(text));
      }
      assert.ok(found > 300, `the generated texts hold matches (${found})`);
    });

    it(`${pattern.id}: every file of the test fixtures and examples, and of the real-world corpus when it is there`, () => {
      const roots = ['test/cli/fixtures', 'test/fuzz/fixtures', 'examples'].map((r) => path.resolve(__dirname, '..', '..', '..', r));
      const corpus = process.env.BULKHEAD_CORPUS ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');
      if (existsSync(corpus)) roots.push(corpus);
      let files = 0;
      const visit = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const full = path.join(dir, name);
          if (statSync(full).isDirectory()) visit(full);
          else if (statSync(full).size < 1_000_000) {
            const text = readFileSync(full, 'utf8');
            files++;
            assert.deepEqual(anchoredScan(pattern.id, text), globalScan(pattern.regex, text), full);
          }
        }
      };
      for (const root of roots) visit(root);
      assert.ok(files >= 20, `${files} files`);
    });
  }
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findTokens, findTokensInRegions, isLineLocal, TOKEN_PATTERNS, type TextRegion, type TokenMatch } from '../../../server/src/engine/secrets/tokens';
import { random } from './seeded-random';

const shape = (tokens: TokenMatch[]) => tokens.map((t) => [t.pattern.id, t.start, t.end, t.secret.length, t.weak]);

/** The text cut at line starts chosen by `next` (always at 0), each region with a new identity. */
function cut(text: string, next: () => number, every = 0.3): TextRegion[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) if (next() < every) starts.push(i + 1);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length), identity: {} }));
}

function generatedTexts(count: number, seed: number): string[] {
  const next = random(seed);
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const pieces = [
    () => `ghp_${chars(alnum, 36)}`,
    () => `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    () => `aws_secret_access_key = ${chars(alnum + '/+', 40)}`,
    () => 'aws_secret_access_key =',
    () => `"private_key_id": "${chars('0123456789abcdef', 40)}"`,
    () => '"private_key_id":',
    () => `-----BEGIN RSA PRIVATE KEY-----\n${chars(alnum, 64)}\n${chars(alnum, 64)}\n-----END RSA PRIVATE KEY-----`,
    () => '-----BEGIN PRIVATE KEY-----',
    () => `postgres://admin:${chars(alnum, 14)}@db:5432/app`,
    () => `https://user:${chars(alnum, 10)}@`,
    () => `xoxb-${chars(alnum, 24)}`,
    () => `eyJ${chars(alnum, 20)}.eyJ${chars(alnum, 20)}.${chars(alnum, 30)}`,
    () => `sk-proj-${chars(alnum, 48)}`,
    () => `glpat-${chars(alnum, 20)}`,
    () => '\n',
    () => '\n',
    () => '\r\n',
    () => 'RUN echo ',
    () => ' ',
    () => '=',
    () => '"',
    () => 'x',
  ];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const n = 1 + Math.floor(next() * 40);
    for (let j = 0; j < n; j++) text += pieces[Math.floor(next() * pieces.length)]();
    texts.push(text);
  }
  return texts;
}

function filesUnder(roots: string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (statSync(full).size < 1_000_000) out.push(full);
    }
  };
  for (const root of roots) if (existsSync(root)) visit(root);
  return out;
}

describe('secret scan by regions: the same tokens as a whole-text scan', () => {
  it('only patterns that can span lines or read around the match scan the whole text', () => {
    assert.deepEqual(TOKEN_PATTERNS.filter((p) => !isLineLocal(p)).map((p) => p.id), ['aws-secret-access-key', 'gcp-service-account', 'private-key', 'url-password']);
  });

  it('2,000 generated texts with tokens on and across region boundaries, cut at random line starts', () => {
    const next = random(7);
    let found = 0;
    for (const text of generatedTexts(2000, 11)) {
      const expected = shape(findTokens(text));
      found += expected.length;
      assert.deepEqual(shape(findTokensInRegions(text, cut(text, next))), expected, JSON.stringify(text));
    }
    assert.ok(found > 5000, `the generated texts hold tokens (${found})`);
  });

  it('every file of the test fixtures and examples, and of the real-world corpus when it is there', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const roots = ['test/cli/fixtures', 'test/fuzz/fixtures', 'examples'].map((r) => path.join(root, r));
    roots.push(process.env.BULKHEAD_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus', 'real-world'));
    const next = random(3);
    const files = filesUnder(roots);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(shape(findTokensInRegions(text, cut(text, next))), shape(findTokens(text)), file);
    }
    assert.ok(files.length >= 20, `${files.length} files`);
  });

  it("a region's earlier result is reused when its text is unchanged and it moved", () => {
    const token = 'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    const before = { start: 0, text: 'RUN echo one\n', identity: {} };
    const region = { start: before.text.length, text: `ENV TOKEN=${token}\n`, identity: {} };
    const first = findTokensInRegions(before.text + region.text, [before, region]);
    assert.deepEqual(shape(first), [['github-token', 23, 23 + token.length, token.length, false]]);
    // One character typed in the first region: the second moves by one and is not rescanned
    // (its cached result is what the identity holds; a changed text would get a new identity).
    const edited = { start: 0, text: 'RUN echo one!\n', identity: {} };
    const moved = { ...region, start: edited.text.length };
    const second = findTokensInRegions(edited.text + moved.text, [edited, moved]);
    assert.deepEqual(shape(second), [['github-token', 24, 24 + token.length, token.length, false]]);
    assert.equal(second[0].secret, token);
  });

  it('regions that do not tile the text, or do not start at a line start, get a whole-text scan', () => {
    const text = 'a\nghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\n';
    assert.deepEqual(shape(findTokensInRegions(text, [{ start: 0, text: 'a\n', identity: {} }])), shape(findTokens(text)));
    assert.deepEqual(shape(findTokensInRegions(text, [{ start: 0, text: 'a\ngh', identity: {} }, { start: 4, text: text.slice(4), identity: {} }])), shape(findTokens(text)));
    assert.equal(findTokens(text).length, 1);
  });
});

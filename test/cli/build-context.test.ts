import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildContextFor, listBuildContext } from '../../server/src/cli/build-context';

describe('CLI build-context listing (for secret-file-copied)', () => {
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-context-'));
    for (const [relative, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    }
    return dir;
  }

  it('lists the Dockerfile directory, honouring .dockerignore anchored at the context root', () => {
    const dir = tree({
      Dockerfile: 'FROM node:24\n',
      '.dockerignore': '# comment\n.env\nsecrets/\n*.pem\n!keep.pem\n**/*.log\n',
      '.env': 'x',
      'keep.pem': 'x',
      'drop.pem': 'x',
      'sub/.env': 'x',
      'sub/app.log': 'x',
      'secrets/id_rsa': 'x',
      'src/index.js': 'x',
      'node_modules/pkg/test.key': 'x',
    });
    try {
      // `.env` in .dockerignore matches only the root one, as Docker reads it.
      assert.deepEqual(listBuildContext(dir), ['.dockerignore', 'Dockerfile', 'keep.pem', 'src/index.js', 'sub/.env']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at the file cap and depth, and lists lazily once per directory', () => {
    const files: Record<string, string> = { 'a/b/c/d/deep.key': 'x' };
    for (let i = 0; i < 30; i++) files[`f${String(i).padStart(2, '0')}.txt`] = 'x';
    const dir = tree(files);
    try {
      assert.equal(listBuildContext(dir, { maxDepth: 6, maxFiles: 10 }).length, 10);
      assert.deepEqual(listBuildContext(dir, { maxDepth: 2, maxFiles: 100 }).filter((f) => f.endsWith('.key')), []);
      const cache = new Map<string, string[]>();
      const context = buildContextFor(path.join(dir, 'Dockerfile'), cache);
      assert.equal(cache.size, 0, 'nothing is listed until a rule asks');
      const first = context.listFiles();
      assert.equal(buildContextFor(path.join(dir, 'Dockerfile.prod'), cache).listFiles(), first, 'one listing per directory');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { AtomicWriteError, matchLineEndings, writeFileAtomic } from '../../../server/src/cli/atomic-write';

const base = mkdtempSync(path.join(tmpdir(), 'bulkhead-atomic-'));
after(() => rmSync(base, { recursive: true, force: true }));

function workspace(name: string): { root: string; outside: string } {
  const root = path.join(base, name, 'root');
  const outside = path.join(base, name, 'outside');
  mkdirSync(root, { recursive: true });
  mkdirSync(outside, { recursive: true });
  return { root, outside };
}

describe('writeFileAtomic (the CLI --fix writer)', () => {
  it('replaces the file, keeps its mode and CRLF line endings, and leaves no temporary file', () => {
    const { root } = workspace('mode');
    const file = path.join(root, 'Dockerfile');
    writeFileSync(file, 'FROM a\r\nUSER root\r\n');
    chmodSync(file, 0o750);
    writeFileAtomic({ root, file: 'Dockerfile', content: 'FROM a\nUSER app\n', expected: 'FROM a\r\nUSER root\r\n' });
    assert.equal(readFileSync(file, 'utf8'), 'FROM a\r\nUSER app\r\n');
    assert.equal(statSync(file).mode & 0o777, 0o750);
    assert.deepEqual(readdirSync(root), ['Dockerfile']);
  });

  it('refuses a file that changed since the fix was computed, leaving it untouched', () => {
    const { root } = workspace('changed');
    const file = path.join(root, 'Dockerfile');
    writeFileSync(file, 'FROM b\n');
    assert.throws(() => writeFileAtomic({ root, file, content: 'FROM c\n', expected: 'FROM a\n' }), AtomicWriteError);
    assert.equal(readFileSync(file, 'utf8'), 'FROM b\n');
  });

  it('never writes outside the audited root: not by path, symlinked file or symlinked directory', () => {
    const { root, outside } = workspace('escape');
    const victim = path.join(outside, 'Dockerfile');
    writeFileSync(victim, 'FROM victim\n');
    symlinkSync(victim, path.join(root, 'Dockerfile'));
    symlinkSync(outside, path.join(root, 'linked-dir'));
    assert.throws(() => writeFileAtomic({ root, file: '../outside/Dockerfile', content: 'x' }), /outside/);
    assert.throws(() => writeFileAtomic({ root, file: 'Dockerfile', content: 'x' }), /outside|symbolic link/);
    assert.throws(() => writeFileAtomic({ root, file: 'linked-dir/Dockerfile', content: 'x' }), /outside/);
    assert.equal(readFileSync(victim, 'utf8'), 'FROM victim\n');
    assert.deepEqual(readdirSync(outside), ['Dockerfile']);
  });

  it('leaves the original and no temporary file behind when the write fails', () => {
    const { root } = workspace('fail');
    const file = path.join(root, 'Dockerfile');
    writeFileSync(file, 'FROM a\n');
    let temp = '';
    const failing = (t: string) => {
      temp = t;
      assert.equal(readFileSync(t, 'utf8'), 'FROM b\n', 'the new text is complete before the rename');
      throw new Error('disk full');
    };
    assert.throws(() => writeFileAtomic({ root, file, content: 'FROM b\n', beforeRename: failing }), /disk full/);
    assert.notEqual(temp, '');
    assert.equal(readFileSync(file, 'utf8'), 'FROM a\n');
    assert.deepEqual(readdirSync(root), ['Dockerfile']);
  });

  it('matches line endings and keeps a byte-order mark', () => {
    assert.equal(matchLineEndings('a\r\nb\r\n', 'a\nb\nc\n'), 'a\r\nb\r\nc\r\n');
    assert.equal(matchLineEndings('a\nb\n', 'a\r\nb\n'), 'a\nb\n');
    assert.equal(matchLineEndings('\uFEFFa\n', 'b\n'), '\uFEFFb\n');
    assert.equal(matchLineEndings('single line', 'x\r\ny'), 'x\r\ny');
  });
});

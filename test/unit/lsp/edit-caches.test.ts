import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EditCaches } from '../../../server/src/lsp/edit-caches';

describe('edit caches: only recently edited documents keep an incremental cache', () => {
  it('a document keeps the same cache across edits', () => {
    const caches = new EditCaches(2);
    const first = caches.forEdit('a');
    assert.equal(caches.forEdit('a'), first);
    assert.equal(caches.peek('a'), first);
  });

  it('beyond capacity the least recently edited document loses its cache, and gets a new one on its next edit', () => {
    const caches = new EditCaches(2);
    const a = caches.forEdit('a');
    caches.forEdit('b');
    caches.forEdit('a'); // a is now more recent than b
    caches.forEdit('c');
    assert.equal(caches.size, 2);
    assert.equal(caches.peek('b'), undefined, 'b was the least recently edited');
    assert.equal(caches.peek('a'), a);
    assert.notEqual(caches.forEdit('b'), undefined);
    assert.equal(caches.peek('c') !== undefined && caches.peek('b') !== undefined, true);
    assert.equal(caches.peek('a'), undefined, 'a dropped out when b came back');
  });

  it('peek does not make a document recent; forget drops it', () => {
    const caches = new EditCaches(2);
    caches.forEdit('a');
    caches.forEdit('b');
    caches.peek('a');
    caches.forEdit('c');
    assert.equal(caches.peek('a'), undefined);
    caches.forget('b');
    assert.equal(caches.peek('b'), undefined);
    assert.equal(caches.size, 1);
  });
});

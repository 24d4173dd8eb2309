import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigFolderWatcher } from '../../../server/src/lsp/config-watch';

describe('ConfigFolderWatcher (the server watching the folders of open documents for config files)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bulkhead-config-watch-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('watches a document\'s folder and its ancestors up to the workspace folder, and releases them when the last document closes', () => {
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    const watcher = new ConfigFolderWatcher(() => [root], () => undefined);
    watcher.open('file:///deep', path.join(root, 'a', 'b', 'Dockerfile'));
    assert.equal(watcher.size, 3, 'a/b, a and the workspace folder, nothing above it');
    watcher.open('file:///shallow', path.join(root, 'a', 'Dockerfile'));
    assert.equal(watcher.size, 3, 'shared folders are watched once');
    watcher.close('file:///deep');
    assert.equal(watcher.size, 2);
    watcher.close('file:///shallow');
    assert.equal(watcher.size, 0);
  });

  it('reports a config file written in a watched folder, and ignores other files', async () => {
    const folder = path.join(root, 'c');
    mkdirSync(folder, { recursive: true });
    const seen: string[] = [];
    let resolve!: () => void;
    const changed = new Promise<void>((r) => (resolve = r));
    const watcher = new ConfigFolderWatcher(() => [root], (file) => {
      seen.push(file);
      resolve();
    });
    try {
      watcher.open('file:///c', path.join(folder, 'Dockerfile'));
      writeFileSync(path.join(folder, 'notes.yaml'), 'a: 1\n');
      writeFileSync(path.join(folder, '.bulkhead.yaml'), 'rules: {}\n');
      // The watch itself does not keep the process alive (persistent: false, as in the server, where the connection does): this timer does.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no change reported within 5 s')), 5000)));
      await Promise.race([changed, timeout]).finally(() => clearTimeout(timer));
      assert.ok(seen.length > 0 && seen.every((f) => f === path.join(folder, '.bulkhead.yaml')), JSON.stringify(seen));
    } finally {
      watcher.dispose();
    }
  });
});

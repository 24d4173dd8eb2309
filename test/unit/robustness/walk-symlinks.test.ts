import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readText } from '../../../server/src/cli/audit-file';
import { walk } from '../../../server/src/cli/walk';

const base = mkdtempSync(path.join(tmpdir(), 'bulkhead-walk-'));
after(() => rmSync(base, { recursive: true, force: true }));

function write(file: string, text = 'FROM debian:12\n'): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
}

/**
 * root/                         outside/
 *   Dockerfile                    Dockerfile      (a victim the walk must not reach)
 *   svc/compose.yaml              k8s/pod.yaml
 *   svc/real.Dockerfile
 *   alias.Dockerfile -> svc/real.Dockerfile        (inside: audited once, under the link's name)
 *   escape.Dockerfile -> ../outside/Dockerfile     (outside: skipped)
 *   outside-dir -> ../outside                      (linked directory: not followed)
 *   loop -> .                                      (directory loop)
 *   svc/up -> ..                                   (directory loop, deeper)
 *   ping.yaml -> pong.yaml, pong.yaml -> ping.yaml (file link loop)
 *   broken.Dockerfile -> missing                   (broken link)
 *   pipe.Dockerfile                                (a FIFO: reading it would block)
 */
function hostileTree(name: string): { root: string; outside: string } {
  const root = path.join(base, name, 'root');
  const outside = path.join(base, name, 'outside');
  write(path.join(root, 'Dockerfile'));
  write(path.join(root, 'svc', 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.29\n');
  write(path.join(root, 'svc', 'real.Dockerfile'));
  write(path.join(outside, 'Dockerfile'), 'FROM victim\n');
  write(path.join(outside, 'k8s', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\n');
  symlinkSync('svc/real.Dockerfile', path.join(root, 'alias.Dockerfile'));
  symlinkSync('../outside/Dockerfile', path.join(root, 'escape.Dockerfile'));
  symlinkSync('../outside', path.join(root, 'outside-dir'));
  symlinkSync('.', path.join(root, 'loop'));
  symlinkSync('..', path.join(root, 'svc', 'up'));
  symlinkSync('pong.yaml', path.join(root, 'ping.yaml'));
  symlinkSync('ping.yaml', path.join(root, 'pong.yaml'));
  symlinkSync('missing', path.join(root, 'broken.Dockerfile'));
  mkfifo(path.join(root, 'pipe.Dockerfile'));
  return { root, outside };
}

describe('the file walk (CLI audit, --fix and the server workspace audit) with hostile links', () => {
  it('terminates on link loops, stays inside the root, and reports every unusable entry as skipped', { timeout: 10_000 }, () => {
    const { root } = hostileTree('walk');
    const { files, problems } = walk(['.'], root);
    assert.deepEqual(files.map((f) => f.relative), ['Dockerfile', 'alias.Dockerfile', 'svc/compose.yaml']);
    assert.deepEqual(problems, [
      { relative: 'broken.Dockerfile', reason: 'broken symbolic link' },
      { relative: 'escape.Dockerfile', reason: 'symbolic link to outside the audited folder (not followed)' },
      { relative: 'ping.yaml', reason: 'symbolic link loop' },
      { relative: 'pipe.Dockerfile', reason: 'not a regular file' },
      { relative: 'pong.yaml', reason: 'symbolic link loop' },
    ]);
    for (const f of files) assert.ok(f.absolute.startsWith(root + path.sep), f.absolute);
  });

  it('the audited folder is the root: a link from a subfolder to its parent is outside it', () => {
    const { root } = hostileTree('subroot');
    symlinkSync('../Dockerfile', path.join(root, 'svc', 'parent.Dockerfile'));
    const { files, problems } = walk(['svc'], root);
    assert.deepEqual(files.map((f) => f.relative), ['svc/compose.yaml', 'svc/real.Dockerfile']);
    assert.deepEqual(problems, [{ relative: 'svc/parent.Dockerfile', reason: 'symbolic link to outside the audited folder (not followed)' }]);
  });

  it('paths named explicitly: a linked directory is walked as a root, broken links and FIFOs are skipped', () => {
    const { root } = hostileTree('explicit');
    const { files, problems } = walk(['escape.Dockerfile', 'outside-dir', 'broken.Dockerfile', 'pipe.Dockerfile', 'ping.yaml', 'nothing-here'], root);
    // outside-dir/Dockerfile is the file escape.Dockerfile names: audited once.
    assert.deepEqual(files.map((f) => f.relative), ['escape.Dockerfile', 'outside-dir/k8s/pod.yaml']);
    assert.deepEqual(problems, [
      { relative: 'broken.Dockerfile', reason: 'broken symbolic link' },
      { relative: 'pipe.Dockerfile', reason: 'not a regular file' },
      { relative: 'ping.yaml', reason: 'symbolic link loop' },
      { relative: 'nothing-here', reason: 'no such file or directory' },
    ]);
  });

  it('reading never blocks on a FIFO and reports files that vanished or are directories', { timeout: 10_000 }, () => {
    const { root } = hostileTree('read');
    assert.deepEqual(readText(path.join(root, 'pipe.Dockerfile')), { skipped: 'not a regular file' });
    assert.deepEqual(readText(path.join(root, 'gone.Dockerfile')), { skipped: 'unreadable (ENOENT)' });
    assert.deepEqual(readText(path.join(root, 'svc')), { skipped: 'a directory' });
    assert.deepEqual(readText(path.join(root, 'Dockerfile')), { text: 'FROM debian:12\n' });
  });

  it('a .gitignore that is a FIFO does not hang the walk', { timeout: 10_000 }, () => {
    const root = path.join(base, 'fifo-gitignore');
    write(path.join(root, 'Dockerfile'));
    mkfifo(path.join(root, '.gitignore'));
    assert.deepEqual(walk(['.'], root).files.map((f) => f.relative), ['Dockerfile']);
  });
});

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, chmodSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The only way the CLI changes a user's file (`--fix`): inside the audited root, never through a
 * symbolic link, all or nothing. The new text goes to a temporary file next to the target, is
 * flushed, takes the original's mode and replaces it with one rename; if anything fails the
 * original is untouched and the temporary file is removed.
 */
export interface AtomicWrite {
  /** The audited root: the file must resolve inside it (symlinked directories included). */
  root: string;
  /** The file to replace (absolute, or relative to `root`). */
  file: string;
  /** The full new content. Its line endings are made to match the file's (see `matchLineEndings`). */
  content: string;
  /** The text the fix was computed from; if the file no longer holds it, nothing is written. */
  expected?: string;
  /** Tests only: called with the flushed temporary file just before the rename (fault injection). */
  beforeRename?: (temp: string) => void;
}

export class AtomicWriteError extends Error {}

export function writeFileAtomic(write: AtomicWrite): void {
  const target = path.resolve(write.root, write.file);
  const realRoot = realpathSync(write.root);
  const dir = realpathSync(path.dirname(target));
  const final = path.join(dir, path.basename(target));
  if (!isInside(realRoot, final)) throw new AtomicWriteError(`refusing to write ${write.file}: it is outside ${write.root}`);

  const stat = lstatSync(final, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) throw new AtomicWriteError(`refusing to write ${write.file}: it is a symbolic link`);
  if (stat && !stat.isFile()) throw new AtomicWriteError(`refusing to write ${write.file}: it is not a regular file`);

  let original: string | undefined;
  if (stat) {
    original = readFileSync(final, 'utf8');
    if (write.expected !== undefined && original !== write.expected) throw new AtomicWriteError(`refusing to write ${write.file}: it changed since it was read`);
  }
  const content = original === undefined ? write.content : matchLineEndings(original, write.content);

  const temp = path.join(dir, `.${path.basename(final)}.bulkhead-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', stat ? stat.mode & 0o7777 : 0o644);
    const bytes = Buffer.from(content, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (stat) chmodSync(temp, stat.mode & 0o7777);
    write.beforeRename?.(temp);
    renameSync(temp, final);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone (or never created)
    }
    throw error;
  }
}

/** Rewrites `next` to the line endings (and byte-order mark) that `original` uses. */
export function matchLineEndings(original: string, next: string): string {
  const crlf = (original.match(/\r\n/g) ?? []).length;
  const lf = (original.match(/\n/g) ?? []).length - crlf;
  let out = next;
  if (crlf > lf) out = out.replace(/\r?\n/g, '\r\n');
  else if (lf > 0) out = out.replace(/\r\n/g, '\n');
  const bom = original.startsWith('\uFEFF');
  if (bom && !out.startsWith('\uFEFF')) out = `\uFEFF${out}`;
  return out;
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

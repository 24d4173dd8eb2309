import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceFs } from '../engine';

/** Files the engine reads beside the analysed ones (`.dockerignore`) are small; larger ones are not read. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads a regular file whole, refusing anything else before reading: a FIFO, socket or device
 * (opened non-blocking, so a FIFO named `Dockerfile` in a hostile repository cannot hang the
 * reader), a directory, or a file larger than `maxBytes`. The result says why a file was refused.
 */
export function readRegularFile(file: string, maxBytes: number, { oftenMissing = true } = {}): { bytes: Buffer } | { refused: string } {
  // Most files the engine asks for are missing (`Dockerfile.dockerignore`, on every keystroke):
  // saying so without the thrown error's cost. The audit reads files its walk has just listed, so
  // it skips that extra system call (`oftenMissing: false`). A file that appears or goes in
  // between is still handled below.
  if (oftenMissing && !existsSync(file)) return { refused: 'unreadable (ENOENT)' };
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: stat.isDirectory() ? 'a directory' : 'not a regular file' };
    if (stat.size > maxBytes) return { refused: `larger than ${maxBytes / 1024 / 1024} MB` };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read) };
  } catch (error) {
    return { refused: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A small regular file as UTF-8 text, or undefined (missing, unreadable, not a file, too large). */
export function readSmallText(file: string, maxBytes = MAX_BYTES): string | undefined {
  const read = readRegularFile(file, maxBytes);
  return 'bytes' in read ? read.bytes.toString('utf8') : undefined;
}

/** The WorkspaceFs the CLI and the language server give the engine: plain synchronous reads. */
export const nodeWorkspaceFs: WorkspaceFs = {
  readFile(file) {
    return readSmallText(file);
  },
};

/** A native absolute path as the engine's workspace layer writes paths (`/`-separated). */
export function toWorkspacePath(absolute: string): string {
  return path.resolve(absolute).split(path.sep).join('/');
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceFs } from '../engine';

/** Files the engine reads beside the analysed ones (`.dockerignore`) are small; larger ones are not read. */
const MAX_BYTES = 1024 * 1024;

/** The WorkspaceFs the CLI and the language server give the engine: plain synchronous reads. */
export const nodeWorkspaceFs: WorkspaceFs = {
  readFile(file) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const { size } = fstatSync(fd);
      if (size > MAX_BYTES) return undefined;
      const buffer = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, buffer, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return buffer.subarray(0, read).toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
};

/** A native absolute path as the engine's workspace layer writes paths (`/`-separated). */
export function toWorkspacePath(absolute: string): string {
  return path.resolve(absolute).split(path.sep).join('/');
}

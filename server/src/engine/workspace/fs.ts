/**
 * What the engine may read of the workspace besides the analysed files. The engine never
 * touches a file system itself: hosts pass an implementation (the CLI and the language server
 * use `server/src/fs/node-workspace-fs.ts`; tests use an in-memory map).
 *
 * Paths are absolute and `/`-separated (`C:/repo/app` on Windows).
 */
export interface WorkspaceFs {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
}

/** An in-memory WorkspaceFs (tests, virtual workspaces). */
export function memoryWorkspaceFs(files: Record<string, string>): WorkspaceFs {
  return { readFile: (path) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined) };
}

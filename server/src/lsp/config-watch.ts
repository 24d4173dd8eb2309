import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { isConfigFileName } from '../config';

/** Most folders watched for one document (its folder and ancestors). */
const MAX_DEPTH = 32;

/**
 * Watches the folders an open document's configuration can come from — its folder and each
 * ancestor up to the workspace folder holding it — for `.bulkhead.yaml` / `.hadolint.yaml`
 * appearing, changing or going away, and calls `onChange` when one does.
 *
 * The editor's file-watch events are not enough on their own: clients without dynamic file-watch
 * registration (Neovim 0.7) send none, and VS Code's watcher (seen with code-server 4.100) can miss
 * every event in a folder created a moment earlier — `openFile('a/b/Dockerfile')` made `a/b`, and
 * neither that Dockerfile's creation nor a `.bulkhead.yaml` written there later ever reached the
 * server, so the open document kept its old diagnostics. A folder watched here already exists (an
 * open document is in it), so its watch has no such race. Both sources may report one change;
 * the reload is idempotent.
 */
export class ConfigFolderWatcher {
  private readonly folders = new Map<string, { watcher: FSWatcher; documents: Set<string> }>();

  constructor(
    private readonly roots: () => readonly string[],
    private readonly onChange: (file: string) => void,
  ) {}

  /** Starts watching the folders of an opened document (`file:` documents only). */
  open(uri: string, filePath: string): void {
    for (const folder of this.foldersFor(filePath)) {
      let entry = this.folders.get(folder);
      if (!entry) {
        const watcher = this.watchFolder(folder);
        if (!watcher) continue;
        entry = { watcher, documents: new Set() };
        this.folders.set(folder, entry);
      }
      entry.documents.add(uri);
    }
  }

  close(uri: string): void {
    for (const [folder, entry] of this.folders) {
      if (!entry.documents.delete(uri) || entry.documents.size > 0) continue;
      entry.watcher.close();
      this.folders.delete(folder);
    }
  }

  dispose(): void {
    for (const entry of this.folders.values()) entry.watcher.close();
    this.folders.clear();
  }

  /** How many folders are watched (tests). */
  get size(): number {
    return this.folders.size;
  }

  private foldersFor(filePath: string): string[] {
    let folder = path.dirname(path.resolve(filePath));
    const root = this.roots()
      .map((r) => path.resolve(r))
      .filter((r) => folder === r || folder.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    const folders: string[] = [];
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const parent = path.dirname(folder);
      // Never the file-system root: everything on the machine happens there.
      if (parent === folder) break;
      folders.push(folder);
      if (folder === root) break;
      folder = parent;
    }
    return folders;
  }

  private watchFolder(folder: string): FSWatcher | undefined {
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        const file = name ? String(name) : '';
        if (isConfigFileName(file)) this.onChange(path.join(folder, file));
      });
      // A folder that goes away (or a watch the system refuses later) just stops being watched.
      watcher.on('error', () => {
        watcher.close();
        if (this.folders.get(folder)?.watcher === watcher) this.folders.delete(folder);
      });
      return watcher;
    } catch {
      // No watch possible here (missing folder, inotify limit): the editor's events still apply.
      return undefined;
    }
  }
}

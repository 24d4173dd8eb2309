import { readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import type { BuildContext } from '../engine';
import { dockerignoreMatcher } from '../engine/build-context';
import { readSmallText } from '../fs/node-workspace-fs';

/**
 * Lists a Dockerfile's build context for the engine (`BuildContext`), taking the Dockerfile's
 * directory as the context, as `docker build .` next to it does. Cheap by construction: it
 * honours `.dockerignore`, skips dependency and VCS folders, and stops at a depth and a count,
 * so a `COPY . .` in a huge repository costs a bounded walk. Nothing is read but directory
 * entries and `.dockerignore`. No dependency on the CLI: the language server can use it too.
 */
export const BUILD_CONTEXT_LIMITS = { maxDepth: 6, maxFiles: 5000 };

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '__pycache__', '.venv', 'venv', '.tox', 'target', 'dist', 'build']);

export function listBuildContext(contextDir: string, limits = BUILD_CONTEXT_LIMITS): string[] {
  const rules = readDockerignore(contextDir);
  const files: string[] = [];
  const visit = (dir: string, relative: string, depth: number) => {
    if (depth > limits.maxDepth || files.length >= limits.maxFiles) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= limits.maxFiles) return;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || rules?.ignores(`${rel}/`)) continue;
        visit(path.join(dir, entry.name), rel, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !rules?.ignores(rel)) {
        files.push(rel);
      }
    }
  };
  visit(contextDir, '', 0);
  return files;
}

/** The context's `.dockerignore` as a matcher (engine/build-context.ts anchors its patterns). */
export function readDockerignore(contextDir: string): Ignore | undefined {
  const text = readSmallText(path.join(contextDir, '.dockerignore'));
  return text === undefined ? undefined : dockerignoreMatcher(text);
}

/** A BuildContext for the engine, listing lazily and once per directory (shared across files). */
export function buildContextFor(dockerfile: string, cache: Map<string, string[]>): BuildContext {
  const dir = path.dirname(dockerfile);
  return {
    listFiles() {
      let files = cache.get(dir);
      if (!files) {
        files = listBuildContext(dir);
        cache.set(dir, files);
      }
      return files;
    },
  };
}

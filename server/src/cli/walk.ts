import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { classifyPath, type EngineConfig } from '../engine';

export interface WalkedFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the audit's base directory, forward slashes. */
  relative: string;
  /** The file's own configuration (its nearest `.bulkhead.yaml`), when it differs from the audit's. */
  config?: EngineConfig;
}

export interface WalkProblem {
  relative: string;
  reason: string;
}

export interface WalkResult {
  files: WalkedFile[];
  problems: WalkProblem[];
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

/**
 * Finds candidate files (by the engine's name classifier) under the given paths, honouring
 * `.gitignore` files at every level (and `.git/info/exclude` is not read: it is personal).
 * Symlinked directories are not followed (no loops, no escaping the tree); broken links and
 * unreadable entries are reported, not fatal.
 */
export function walk(inputs: string[], baseDir: string, extraIgnores: string[] = []): WalkResult {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const rel = (p: string) => path.relative(baseDir, p).split(path.sep).join('/') || path.basename(p);

  const visitDir = (dir: string, scopes: IgnoreScope[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ relative: rel(dir), reason: `unreadable directory (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    const local = readGitignore(dir);
    const active = local ? [...scopes, { dir, rules: local }] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(active, full, true)) continue;
        visitDir(full, active);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (isIgnored(active, full, false)) continue;
        visitFile(full, entry.isSymbolicLink());
      }
    }
  };

  const visitFile = (full: string, isLink: boolean) => {
    if (!classifyPath(full)) return;
    if (isLink) {
      try {
        if (!statSync(full).isFile()) return;
      } catch {
        problems.push({ relative: rel(full), reason: 'broken symbolic link' });
        return;
      }
    }
    const key = realpathOr(full);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ absolute: full, relative: rel(full) });
  };

  const rootScopes: IgnoreScope[] = extraIgnores.length > 0 ? [{ dir: baseDir, rules: ignore().add(extraIgnores) }] : [];
  for (const input of inputs) {
    const full = path.resolve(baseDir, input);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      problems.push({ relative: rel(full), reason: 'no such file or directory' });
      continue;
    }
    if (stat.isDirectory()) visitDir(full, [...rootScopes, ...ancestorGitignores(full, baseDir)]);
    else if (stat.isFile() || stat.isSymbolicLink()) {
      // A file named explicitly is audited even if its name is unusual: classify by content.
      const key = realpathOr(full);
      if (!seen.has(key)) {
        seen.add(key);
        files.push({ absolute: full, relative: rel(full) });
      }
    }
  }
  return { files, problems };
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

/** .gitignore files between the base directory and an input directory below it also apply. */
function ancestorGitignores(dir: string, baseDir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  const relative = path.relative(baseDir, dir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return scopes;
  let current = baseDir;
  const parts = relative === '' ? [] : relative.split(path.sep);
  for (let i = 0; i <= parts.length - 1; i++) {
    const rules = readGitignore(current);
    if (rules) scopes.push({ dir: current, rules });
    current = path.join(current, parts[i]);
  }
  return scopes;
}

function isIgnored(scopes: IgnoreScope[], full: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.dir, full).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${relative}/` : relative)) return true;
  }
  return false;
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

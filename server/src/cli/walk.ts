import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { classifyPath, type EngineConfig } from '../engine';
import { readSmallText } from '../fs/node-workspace-fs';
import { isInside } from './atomic-write';

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
 *
 * Every input directory is a root the walk never leaves: symbolic links to directories are not
 * followed (so link loops cannot make it loop; what they point to inside the root is walked under
 * its own name), and a linked file is audited only when it resolves inside the root. Broken links,
 * link loops, links leaving the root, FIFOs and other special files, and unreadable directories
 * become `problems` (reported as skipped, with the reason), never errors. Each root is resolved
 * once; a file's real path is its folder's plus its name, so only links cost a `realpath`.
 */
export function walk(inputs: string[], baseDir: string, extraIgnores: string[] = []): WalkResult {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const rel = (p: string) => path.relative(baseDir, p).split(path.sep).join('/') || path.basename(p);
  const add = (full: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ absolute: full, relative: rel(full) });
  };

  /** `dir` as the user sees it; `realDir` its real path (no links in it past the root's). */
  const visitDir = (dir: string, realDir: string, realRoot: string, scopes: IgnoreScope[]) => {
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
        visitDir(full, path.join(realDir, entry.name), realRoot, active);
        continue;
      }
      if (!classifyPath(full) || isIgnored(active, full, false)) continue;
      if (entry.isFile()) add(full, path.join(realDir, entry.name));
      else if (entry.isSymbolicLink()) visitLink(full, realRoot);
      else problems.push({ relative: rel(full), reason: 'not a regular file' });
    }
  };

  const visitLink = (full: string, realRoot: string) => {
    const target = resolveLink(full);
    if ('problem' in target) {
      problems.push({ relative: rel(full), reason: target.problem });
      return;
    }
    if (!isInside(realRoot, target.real)) {
      problems.push({ relative: rel(full), reason: 'symbolic link to outside the audited folder (not followed)' });
      return;
    }
    if (target.stat.isDirectory()) return; // linked directories are not followed
    if (!target.stat.isFile()) {
      problems.push({ relative: rel(full), reason: 'symbolic link to something that is not a regular file' });
      return;
    }
    add(full, target.real);
  };

  const rootScopes: IgnoreScope[] = extraIgnores.length > 0 ? [{ dir: baseDir, rules: ignore().add(extraIgnores) }] : [];
  for (const input of inputs) {
    const full = path.resolve(baseDir, input);
    let stat: Stats;
    try {
      stat = lstatSync(full);
    } catch {
      problems.push({ relative: rel(full), reason: 'no such file or directory' });
      continue;
    }
    // What the user names explicitly is theirs to name: a linked input is followed (once).
    let real = full;
    const linked = stat.isSymbolicLink();
    if (linked) {
      const target = resolveLink(full);
      if ('problem' in target) {
        problems.push({ relative: rel(full), reason: target.problem });
        continue;
      }
      real = target.real;
      stat = target.stat;
    } else if (stat.isDirectory()) {
      real = realpathOr(full);
    }
    if (stat.isDirectory()) visitDir(full, real, real, [...rootScopes, ...ancestorGitignores(full, baseDir)]);
    // A file named explicitly is audited even if its name is unusual: classify by content.
    else if (stat.isFile()) add(full, linked ? real : realpathOr(full));
    else problems.push({ relative: rel(full), reason: 'not a regular file' });
  }
  return { files, problems };
}

/** Where a symbolic link leads, or why it leads nowhere usable. */
function resolveLink(link: string): { real: string; stat: Stats } | { problem: string } {
  try {
    const real = realpathSync(link);
    return { real, stat: statSync(real) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: 'broken symbolic link' };
    if (code === 'ELOOP') return { problem: 'symbolic link loop' };
    return { problem: `unreadable symbolic link (${code ?? 'error'})` };
  }
}

function readGitignore(dir: string): Ignore | undefined {
  const text = readSmallText(path.join(dir, '.gitignore'));
  return text === undefined ? undefined : ignore().add(text);
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

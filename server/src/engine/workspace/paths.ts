/** `/`-separated path arithmetic for workspace facts (the engine has no `node:path`). */

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

export function dirname(path: string): string {
  const p = toSlashes(path).replace(/\/+$/, '');
  const at = p.lastIndexOf('/');
  if (at < 0) return '.';
  if (at === 0) return '/';
  return p.slice(0, at);
}

/** Joins and normalises (`.` and `..` segments); an absolute `relative` replaces `base`. */
export function joinPath(base: string, relative: string): string {
  const rel = toSlashes(relative);
  const start = rel.startsWith('/') || /^[A-Za-z]:\//.test(rel) ? rel : `${toSlashes(base).replace(/\/+$/, '')}/${rel}`;
  const absolute = start.startsWith('/');
  const out: string[] = [];
  for (const part of start.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  return `${absolute ? '/' : ''}${out.join('/')}` || (absolute ? '/' : '.');
}

/** `to` relative to the directory `from` (`../app/.dockerignore`). */
export function relativePath(from: string, to: string): string {
  const a = joinPath(from, '.').split('/').filter(Boolean);
  const b = joinPath(to, '.').split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

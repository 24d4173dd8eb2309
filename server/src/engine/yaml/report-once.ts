import type { Report } from '../rule';

/**
 * A report function that drops a second report at the same range: a value shared through a YAML
 * anchor, a merge key or Compose `extends` is one place in the file, however many containers or
 * services use it.
 */
export function reportOnce(report: (r: Report) => void): (r: Report) => void {
  const seen = new Set<string>();
  return (r) => {
    const key = `${r.range.start.line}:${r.range.start.character}:${r.range.end.line}:${r.range.end.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    report(r);
  };
}

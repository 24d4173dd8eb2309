import { createHash } from 'node:crypto';
import type { Finding } from '../engine';

/**
 * Fingerprints that survive lines moving: rule + file + the flagged text (whitespace folded) +
 * its occurrence number among identical ones. Hashed, so a flagged secret never appears.
 */
export function fingerprints(relativePath: string, text: string, findings: Finding[], offsetOf: (line: number, character: number) => number): string[] {
  const counts = new Map<string, number>();
  return findings.map((f) => {
    const start = offsetOf(f.range.start.line, f.range.start.character);
    const end = offsetOf(f.range.end.line, f.range.end.character);
    const snippet = text.slice(start, Math.min(end, start + 512)).replace(/\s+/g, ' ').trim();
    const base = `${f.ruleId}\u0000${relativePath}\u0000${snippet}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

import { createHash } from 'node:crypto';
import { RULES_FLAGGING_SECRET_VALUES, type Finding } from '../engine';

/**
 * Fingerprints that survive lines moving: rule + file + the flagged text (whitespace folded) +
 * its occurrence number among identical ones. For findings whose range is a secret, the
 * redacted message stands in for the text, so no hash of a secret is ever published.
 */
export function fingerprints(relativePath: string, text: string, findings: Finding[], offsetOf: (line: number, character: number) => number): string[] {
  const counts = new Map<string, number>();
  return findings.map((f) => {
    const start = offsetOf(f.range.start.line, f.range.start.character);
    const end = offsetOf(f.range.end.line, f.range.end.character);
    // A secret's text must not be hashed (short passwords can be guessed back from the hash):
    // its redacted message identifies the finding as well.
    const flagged = RULES_FLAGGING_SECRET_VALUES.has(f.ruleId) ? f.message : text.slice(start, Math.min(end, start + 512));
    const snippet = flagged.replace(/\s+/g, ' ').trim();
    const base = `${f.ruleId}\u0000${relativePath}\u0000${snippet}`;
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    return createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

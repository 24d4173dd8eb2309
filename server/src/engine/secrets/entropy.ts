/** Shannon entropy in bits per character: ~4.7 for random base62, < 3 for words and repeats. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * True for token bodies that are documentation fillers rather than issued credentials:
 * `xxxxxxxx…`, `00000000…`, `abcdef…`/`123456…` runs, or too few distinct characters to be random.
 */
export function looksLikeFiller(body: string): boolean {
  if (body.length === 0) return true;
  if (/^(.)\1*$/.test(body)) return true;
  if (/(?:0123456789|123456789|abcdefghij|ABCDEFGHIJ)/.test(body) && shannonEntropy(body) < 4.2) return true;
  if (/x{8,}|X{8,}|\*{4,}|\.{3,}|_{6,}/.test(body)) return true;
  return body.length >= 16 && shannonEntropy(body) < 3;
}

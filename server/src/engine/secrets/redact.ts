/**
 * The only form in which a detected secret may leave the engine: a label, a few leading
 * characters and the length, e.g. `ghp_… (40 chars)`. Short values show fewer characters
 * (a quarter of the value at most) so the preview never gives away a meaningful part of it.
 */
export function redact(value: string): string {
  const length = [...value].length;
  const shown = Math.min(4, Math.floor(length / 4));
  const prefix = [...value].slice(0, shown).join('').replace(/[\s`"'\\]/g, '·');
  return `${prefix}… (${length} chars)`;
}

/**
 * Rules whose finding ranges cover a secret's value. Anything derived from the flagged text
 * (CLI fingerprints) must use the redacted message instead: a hash of a short or human-chosen
 * password can be reversed offline by guessing.
 */
export const RULES_FLAGGING_SECRET_VALUES: ReadonlySet<string> = new Set(['embedded-secret', 'secret-in-manifest']);

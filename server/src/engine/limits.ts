/**
 * Hard limits that keep analysis bounded on hostile or accidental input. Documented in README
 * ("Robustness"); a file over a limit is skipped with an information note, never half-analysed.
 */
export const LIMITS = {
  /** Larger files are skipped (the editor still edits them; the CLI reports them as skipped). */
  maxFileBytes: 10 * 1024 * 1024,
  /** YAML documents larger than this are skipped on their own; the file's other documents are analysed. */
  maxYamlDocumentChars: 2 * 1024 * 1024,
  /** A line this long is not something a person wrote: likely minified or generated data. */
  maxLineLength: 200_000,
  /** Findings reported per file, so a pathological file cannot flood the Problems panel. */
  maxFindingsPerFile: 1000,
};

/** NUL bytes mean binary data; so does a high share of replacement characters from bad UTF-8. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad > sample.length / 100;
}

/**
 * Hard limits that keep analysis bounded on hostile or accidental input. Documented in README
 * ("Robustness"); a file over a limit is skipped with an information note, never half-analysed.
 * The CLI uses `LIMITS`; the editor uses the tighter `EDITOR_LIMITS` (it analyses as you type).
 */
export interface Limits {
  /** Larger files are skipped (the editor still edits them; the CLI reports them as skipped). */
  maxFileBytes: number;
  /** YAML documents larger than this are skipped on their own; the file's other documents are analysed. */
  maxYamlDocumentChars: number;
  /** A line this long is not something a person wrote: likely minified or generated data. */
  maxLineLength: number;
  /** Dockerfiles longer than this are generated, not written: skipped. */
  maxDockerfileLines: number;
  /** YAML nesting (block indentation plus `[`/`{` levels) per document; parsers recurse on it. */
  maxYamlNesting: number;
  /** YAML aliases (`*name`) per document: alias bombs and alias-heavy files stay cheap. */
  maxYamlAliases: number;
  /** Wall-clock budget per file; checked between YAML documents and between rules. */
  timeBudgetMs: number;
  /** Findings reported per file, so a pathological file cannot flood the Problems panel. */
  maxFindingsPerFile: number;
}

export const LIMITS: Limits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxYamlDocumentChars: 2 * 1024 * 1024,
  maxLineLength: 100_000,
  maxDockerfileLines: 5_000,
  maxYamlNesting: 200,
  maxYamlAliases: 1000,
  timeBudgetMs: 10_000,
  maxFindingsPerFile: 1000,
};

/** As you type: a smaller file limit and a 2 s budget so the editor never waits on one file. */
export const EDITOR_LIMITS: Limits = {
  ...LIMITS,
  maxFileBytes: 1024 * 1024,
  maxYamlDocumentChars: 1024 * 1024,
  timeBudgetMs: 2000,
};

/** NUL bytes mean binary data; so does a high share of replacement characters from bad UTF-8. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) return true;
  // Runs on every keystroke: indexOf finds the rare replacement characters faster than a loop.
  let bad = 0;
  for (let i = sample.indexOf('\ufffd'); i >= 0; i = sample.indexOf('\ufffd', i + 1)) bad++;
  return bad > 8 && bad > sample.length / 100;
}

/** Human size for messages: "1 MB", "10 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The length of the longest line, stopping early once it exceeds `cap`. */
export function longestLineOver(text: string, cap: number): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > cap) return true;
    start = end + 1;
  }
  return false;
}

/** True when the text has more than `cap` lines; a final line break ends the last line, it does not start one (as `wc -l` counts). */
export function lineCountOver(text: string, cap: number): boolean {
  let breaks = 0;
  // Every line break ends a line: past `cap` of them the answer is known, however long the file.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++breaks > cap) return true;
  const lines = breaks + (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
  return lines > cap;
}

import ignore, { type Ignore } from 'ignore';

/**
 * What the engine may know about a Dockerfile's build context, supplied by a host that can
 * read the file system (the CLI; the language server — see docs). The engine itself never
 * touches the file system: without a BuildContext, rules judge only what the text says.
 *
 * Kept deliberately small and separate from workspace-level context (cross-file rules) so the
 * two can be unified later: a workspace index can implement this interface per Dockerfile.
 */
export interface BuildContext {
  /**
   * Files in the build context as paths relative to its root, `/`-separated, with the
   * context's `.dockerignore` already applied (what `COPY . .` would send). Implementations may
   * cap depth and count and skip dependency folders (`node_modules`). Return undefined when the
   * listing is unknown. Called lazily — only when a COPY/ADD needs it — and at most once per analysis.
   */
  listFiles(): readonly string[] | undefined;
}

/** Wraps a BuildContext so the listing is made at most once, however many rules ask. */
export function memoiseBuildContext(context: BuildContext | undefined): BuildContext | undefined {
  if (!context) return undefined;
  let listed = false;
  let files: readonly string[] | undefined;
  return {
    listFiles() {
      if (!listed) {
        listed = true;
        files = context.listFiles();
      }
      return files;
    },
  };
}

/**
 * A matcher for `.dockerignore` text. Its patterns are relative to the context root (unlike
 * .gitignore, `foo` does not match `a/foo`), so each pattern is anchored before handing it to
 * the gitignore matcher. Directories are tested with a trailing `/`.
 */
export function dockerignoreMatcher(text: string): Ignore {
  const patterns = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      let pattern = (negated ? line.slice(1) : line).replace(/^\.\//, '').replace(/^\/+/, '');
      if (!pattern.startsWith('**')) pattern = `/${pattern}`;
      return negated ? `!${pattern}` : pattern;
    });
  return ignore().add(patterns);
}

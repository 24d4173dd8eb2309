import type { Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Fix } from '../types';
import { defineRule } from '../rule';
import { instructionsWithTriggersOf } from '../dockerfile/queries';
import { addSources, isGitSource, isHttpSource } from './add-remote-url';

/** Names ADD may unpack: tar, possibly compressed (Docker detects by content; we go by name). */
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|taz|tlz|gz|bz2|xz|zst|lz|lzma|z)$/i;

/**
 * `add-instead-of-copy`: ADD of local paths none of which is an archive. ADD's extra powers (URL
 * download, auto-extraction) make its effect depend on the file's content; COPY says what it does.
 * Decisions: a source that may be an archive (by its extension, also `.gz` alone since Docker
 * decides by content) keeps ADD; URLs and git sources are `add-remote-url`'s business; a source
 * with an unresolved variable is judged only when it is written to a non-archive file name
 * (`ADD ${JAR_FILE} app.jar`), not otherwise (`ADD $SRC /app`); heredoc ADDs are not judged; `ADD --from=…`
 * is not valid Dockerfile (only COPY takes --from) and is left to the build to reject.
 * `ONBUILD ADD` triggers count. The range is the `ADD` keyword, which the fix replaces with `COPY`.
 */
/** Flags only ADD understands; with one of them the instruction stays ADD. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** `ADD` → `COPY` (same case as written); `--chown`, `--chmod` and `--link` mean the same on COPY. Safe. */
function copyFix(add: Instruction): Fix[] | undefined {
  if (((add as ModifiableInstruction).getFlags?.() ?? []).some((f) => ADD_ONLY_FLAGS.has(f.getName()))) return undefined;
  const keyword = add.getInstruction();
  const copy = keyword === keyword.toLowerCase() ? 'copy' : 'COPY';
  return [{ title: `Use COPY instead of ADD`, edits: [{ range: add.getInstructionRange(), newText: copy }], safe: true, preferred: true }];
}

export default defineRule({
  id: 'add-instead-of-copy',
  title: 'ADD used where COPY does',
  description: 'ADD silently unpacks archives and fetches URLs; for plain local files COPY does the same with no surprises.',
  severity: 'info',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], kics: ['add_instead_of_copy'], trivy: ['DS005'] },
  howToFix: 'Replace `ADD` with `COPY` for local files and directories; keep ADD only to unpack a local tar archive.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      for (const stage of model.stages) {
        for (const add of instructionsWithTriggersOf(stage, 'ADD')) {
          if (((add as ModifiableInstruction).getFlags?.() ?? []).some((f) => f.getName() === 'from')) continue;
          const args = addSources(add);
          const sources = args.map((a) => a.getValue().replace(/^\[?"|",?\]?$|,$/g, ''));
          if (sources.length === 0) continue;
          if (sources.some((s) => isHttpSource(s) || isGitSource(s) || ARCHIVE.test(s) || s.endsWith('*'))) continue;
          // `ADD ${JAR_FILE} app.jar`: an unknown source written to a file name that is no archive
          // is a plain copy (a tar would be unpacked into a directory named app.jar).
          const destination = add.getArguments().at(-1)?.getValue().replace(/^\[?"|",?\]?$|,$/g, '') ?? '';
          const copiedToFile = sources.length === 1 && endsInFileName(destination) && !ARCHIVE.test(destination);
          if (sources.some((s) => s.includes('$')) && !copiedToFile) continue;
          report({ range: add.getInstructionRange(), message: `ADD of local ${sources.length === 1 ? sources[0] : 'files'}: it is not an archive, so COPY does the same without ADD's implicit unpacking and downloading.`, fixes: copyFix(add) });
        }
      }
    },
  },
});

/** The last path segment (after `/` or `$`) is `name.ext`: a linear form of `/[^/$]+\.[A-Za-z0-9]+$/`. */
function endsInFileName(destination: string): boolean {
  const tail = destination.slice(Math.max(destination.lastIndexOf('/'), destination.lastIndexOf('$')) + 1);
  const dot = tail.lastIndexOf('.');
  return dot > 0 && /^[A-Za-z0-9]+$/.test(tail.slice(dot + 1));
}

import type { Argument, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { instructionsWithTriggersOf } from '../dockerfile/queries';

/** `git@host:org/repo.git`, `git://…`, `ssh://…`, or an http(s) URL naming a `.git` repository. */
export function isGitSource(source: string): boolean {
  return /^git@[^:\s]+:/.test(source) || /^(?:git|ssh|git\+ssh|git\+https?):\/\//i.test(source) || /^https?:\/\/\S+\.git(?:#.*)?$/i.test(source);
}

export function isHttpSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The source arguments of an ADD/COPY (every argument but the destination; flags are not arguments). */
export function addSources(instruction: Instruction): Argument[] {
  const args = instruction.getArguments();
  if (args.some((a) => a.getValue().startsWith('<<'))) return []; // heredoc content, not a path
  return args.slice(0, -1);
}

/**
 * `add-remote-url`: ADD of a remote source the build does not verify.
 * - http(s) URL without `--checksum=sha256:…`: the bytes are whatever the server sends today.
 * - git source (`https://…/repo.git#ref`, `git@host:repo`): flagged unless its `#ref` is a full
 *   40-hex commit or `--checksum` pins the commit; a branch or tag can be moved.
 * `ONBUILD ADD` triggers count (they run in every downstream build). Exec-form
 * `ADD ["https://…", "/dst"]` is read the same way. The range is the URL argument.
 */
export default defineRule({
  id: 'add-remote-url',
  title: 'ADD downloads without a checksum',
  description: 'ADD of a URL without --checksum builds in whatever the server sends that day; a compromised or changed file goes unnoticed.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], kics: ['add_instead_of_copy'], trivy: ['DS005'] },
  howToFix: 'Add `--checksum=sha256:<digest>` to the ADD (BuildKit), or download with curl in a RUN and verify with `sha256sum -c`; pin git sources to a commit.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      for (const stage of model.stages) {
        for (const add of instructionsWithTriggersOf(stage, 'ADD')) {
          const hasChecksum = ((add as ModifiableInstruction).getFlags?.() ?? []).some((f) => f.getName() === 'checksum' && (f.getValue() ?? '') !== '');
          if (hasChecksum) continue;
          for (const source of addSources(add)) {
            const value = source.getValue().replace(/^\[?"|",?\]?$|,$/g, '');
            if (isGitSource(value)) {
              if (/#[0-9a-f]{40}(?::|$)/i.test(value)) continue;
              report({ range: source.getRange(), message: `ADD of the git source ${redact(value)} without a commit pin: a branch or tag can be moved to code nobody reviewed.` });
            } else if (isHttpSource(value)) {
              report({ range: source.getRange(), message: `ADD of ${redact(value)} without --checksum: the build takes whatever the server sends, unverified.` });
            }
          }
        }
      }
    },
  },
});

/** Drops `user:password@` from a URL so credentials never reach a diagnostic. */
export function redact(url: string): string {
  return url.replace(/^([a-z+]+:\/\/)[^/@\s]+@/i, '$1…@');
}

import { defineRule, type WorkspaceRuleContext } from '../rule';
import { dockerignoreMatcher } from '../build-context';
import type { WorkspaceFile } from '../workspace/facts';
import { dirname, joinPath, relativePath } from '../workspace/paths';
import type { Fix } from '../types';

/** What every build context's .dockerignore must keep out, tested with sample paths. */
const REQUIRED: { label: string; probe: string; entry: string }[] = [
  { label: '.git', probe: '.git/', entry: '.git' },
  { label: '.env', probe: '.env', entry: '**/.env' },
  { label: '*.pem', probe: 'certs/server.pem', entry: '**/*.pem' },
  { label: '*.key', probe: 'certs/server.key', entry: '**/*.key' },
  { label: 'id_rsa', probe: '.ssh/id_rsa', entry: '**/id_rsa*' },
];

const HEADER = '# Keep VCS data, local environment files and keys out of the build context (bulkhead dockerignore).';

interface Context {
  /** Absolute directory of the build context. */
  dir: string;
  /** Who says this is the context (for messages). */
  via?: string;
}

/**
 * dockerignore: a Dockerfile that sends its whole build context (`COPY . .`) with no
 * `.dockerignore`, or with one that lets `.git`, `.env` or key files through. The context is the
 * Dockerfile's directory, or the `build.context` a Compose file in the workspace gives it.
 * BuildKit's `<Dockerfile>.dockerignore` next to the Dockerfile wins over the context's file.
 */
export default defineRule({
  id: 'dockerignore',
  title: 'Build context not filtered by .dockerignore',
  description: 'The Dockerfile copies its whole build context, and nothing keeps `.git`, `.env` files and private keys out of it: they end up in the image layers, readable by anyone who can pull the image.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: {},
  howToFix: 'Add a `.dockerignore` to the build context that excludes `.git`, `**/.env`, `**/*.pem`, `**/*.key` and `**/id_rsa*` (or allow-list: `*` then `!src`), or copy only what the image needs instead of `COPY . .`.',
  fixable: true,
  check: {
    workspace(context) {
      for (const file of context.files) {
        const copies = file.facts.wholeContextCopies;
        if (file.kind !== 'dockerfile' || !copies || copies.length === 0 || !context.wants(file.path)) continue;
        for (const buildContext of contextsOf(file, context)) checkContext(file, buildContext, copies[0], context);
      }
    },
  },
});

function contextsOf(dockerfile: WorkspaceFile, context: WorkspaceRuleContext): Context[] {
  const found = new Map<string, Context>();
  for (const file of context.files) {
    for (const build of file.facts.builds ?? []) {
      const dir = joinPath(dirname(file.path), build.context);
      if (joinPath(dir, build.dockerfile) === dockerfile.path && !found.has(dir)) {
        found.set(dir, { dir, via: `service ${build.service} of ${relativePath(dirname(dockerfile.path), file.path)}` });
      }
    }
  }
  return found.size > 0 ? [...found.values()] : [{ dir: dirname(dockerfile.path) }];
}

function checkContext(file: WorkspaceFile, buildContext: Context, copy: { instruction: string; range: import('../types').Range }, context: WorkspaceRuleContext): void {
  const own = `${file.path}.dockerignore`;
  const shared = joinPath(buildContext.dir, '.dockerignore');
  const ownText = context.fs.readFile(own);
  const ignorePath = ownText !== undefined ? own : shared;
  const text = ownText ?? context.fs.readFile(shared);
  const fromDockerfile = relativePath(dirname(file.path), ignorePath);
  const where = describeContext(file, buildContext);
  if (text === undefined) {
    const content = `${HEADER}\n${REQUIRED.map((r) => r.entry).join('\n')}\n`;
    context.report(file.path, {
      range: copy.range,
      message: `${copy.instruction} sends the whole build context (${where}) and there is no .dockerignore: .git, .env files and keys in it go into the image.`,
      fixes: [fileFix(`Create ${fromDockerfile} excluding .git, .env and key files`, { relativePath: fromDockerfile, create: content })],
    });
    return;
  }
  const matcher = dockerignoreMatcher(text);
  const missing = REQUIRED.filter((r) => !matcher.ignores(r.probe));
  if (missing.length === 0) return;
  const labels = missing.map((m) => m.label).join(', ');
  const append = `${text === '' || text.endsWith('\n') ? '' : '\n'}${HEADER}\n${missing.map((m) => m.entry).join('\n')}\n`;
  context.report(file.path, {
    range: copy.range,
    message: `${copy.instruction} sends the whole build context (${where}), and ${fromDockerfile} does not exclude ${labels}: they go into the image.`,
    fixes: [fileFix(`Add ${labels} to ${fromDockerfile}`, { relativePath: fromDockerfile, append })],
  });
}

function describeContext(file: WorkspaceFile, buildContext: Context): string {
  const relative = relativePath(dirname(file.path), buildContext.dir);
  const dir = relative === '.' ? "the Dockerfile's directory" : relative;
  return buildContext.via ? `${dir}, set by ${buildContext.via}` : dir;
}

function fileFix(title: string, edit: { relativePath: string; create?: string; append?: string }): Fix {
  return { title, edits: [], fileEdits: [edit], safe: true };
}

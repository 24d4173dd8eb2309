import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import type { Range } from '../types';
import { credentialFileKind, filesSelectedBy, globSelectsCredentials, isGlob, normaliseSource } from '../secrets/credential-files';

interface Source {
  value: string;
  range: Range;
}

/** Where public keys go (`/war/jenkins-key.pub`, `/etc/apt/keyrings/`): a `.key`/`.asc` copied there is one. */
const PUBLIC_KEY_DESTINATION = /(?:\.pub|\.gpg|\.asc)$|keyring|trusted|rpm-gpg|\/apt\//i;
/** Where certificates go: a `.pem` copied there is a certificate (a `.key` there is still a private key). */
const CERTIFICATE_DESTINATION = /\.crt$|ca-certificates|\/certs?(?:\/|$)|\/pki\//i;

function destinationOf(instruction: Instruction): string {
  const json = (instruction as unknown as { getJSONStrings?(): { getJSONValue(): string }[] }).getJSONStrings?.() ?? [];
  if (json.length > 0) return json[json.length - 1].getJSONValue();
  const args = instruction.getArguments();
  return args.length > 0 ? args[args.length - 1].getValue() : '';
}

function isPublicMaterial(source: string, destination: string): boolean {
  if (PUBLIC_KEY_DESTINATION.test(destination)) return /\.(?:pem|key|asc|gpg)$/i.test(source);
  return CERTIFICATE_DESTINATION.test(destination) && /\.pem$/i.test(source);
}

/** The source arguments of COPY/ADD (all but the destination), or none for `--from` copies and heredocs. */
function sourcesOf(instruction: Instruction): Source[] {
  const flags = (instruction as unknown as { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
  if (flags.some((f) => f.getName() === 'from')) return []; // from another stage or image, not the context
  // `COPY <<EOF /path` writes inline text: embedded-secret judges that text.
  if (((instruction as unknown as { getHeredocs?(): unknown[] }).getHeredocs?.() ?? []).length > 0) return [];
  const json = (instruction as unknown as { getJSONStrings?(): { getJSONValue(): string; getRange(): Range }[] }).getJSONStrings?.() ?? [];
  if (json.length > 0) return json.slice(0, -1).map((s) => ({ value: s.getJSONValue(), range: s.getRange() }));
  const args = instruction.getArguments();
  return args.slice(0, -1).filter((a) => !a.getValue().startsWith('<<')).map((a) => ({ value: a.getValue(), range: a.getRange() }));
}

function listNames(files: string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

export default defineRule({
  id: 'secret-file-copied',
  title: 'Key or credential file copied into the image',
  description: 'A key or credential file (SSH keys, TLS private keys, .env, .npmrc, .netrc, cloud credentials) is copied into the image, where everyone who can pull it can read it — even if a later step deletes it.',
  severity: 'error',
  kinds: ['dockerfile'],
  peerIds: {},
  howToFix:
    'Do not copy credentials into images: mount them for the build step that needs them (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc …`, `RUN --mount=type=ssh …`), provide them at run time (secrets, volumes), and list them in `.dockerignore` so `COPY . .` cannot pick them up.',
  fixable: false,
  check: {
    dockerfile({ model, report, buildContext }) {
      const instructions = [...model.stages.flatMap((s) => s.instructions)].filter((i) => i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD');
      for (const instruction of instructions) {
        const destination = destinationOf(instruction);
        for (const source of sourcesOf(instruction)) {
          // A `.key`/`.pem` copied to where public keys and CA certificates go is one of those.
          if (isPublicMaterial(source.value, destination)) continue;
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.value) || source.value.includes('$')) continue;
          const keyword = instruction.getKeyword();
          const named = isGlob(source.value) ? undefined : credentialFileKind(normaliseSource(source.value));
          if (named) {
            report({ range: source.range, message: `${keyword} puts the credential file ${source.value} into the image; anyone who can pull the image can read it, even if a later step deletes it.` });
            continue;
          }
          // With a listing of the build context: what this source really selects.
          const files = buildContext?.listFiles();
          if (files) {
            const credentials = filesSelectedBy(source.value, files).filter((f) => credentialFileKind(f) !== undefined);
            if (credentials.length > 0) {
              const whole = normaliseSource(source.value) === '';
              const what = whole ? 'the whole build context' : isGlob(source.value) ? `the glob ${source.value}` : source.value;
              report({ range: source.range, message: `${keyword} of ${what} copies credential files from the build context into the image (${listNames(credentials)}); exclude them in .dockerignore or copy only what the image needs.` });
            }
            continue;
          }
          const sample = globSelectsCredentials(source.value);
          if (sample) {
            report({ range: source.range, message: `${keyword} of the glob ${source.value} copies key or credential files (such as ${sample}) into the image; anyone who can pull the image can read them.` });
          }
        }
      }
    },
  },
});

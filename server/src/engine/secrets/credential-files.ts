/**
 * Names of files that hold keys and credentials, and how COPY/ADD sources (paths, globs,
 * directories) select them.
 */

/** Whole-name matches (the file's base name). */
const CREDENTIAL_NAMES = new Set([
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk', 'identity',
  '.env', '.npmrc', '.yarnrc.yml', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.pgpass', '.my.cnf', '.htpasswd',
  'credentials.json', 'client_secret.json', 'service-account.json', 'service_account.json', 'serviceaccount.json', 'secrets.json', 'secrets.yaml', 'secrets.yml',
  '.dockercfg', 'kubeconfig', 'terraform.tfvars', '.boto', '.s3cfg',
]);

/** Directories whose files are credentials (`.aws/credentials`, `.ssh/id_rsa`, `.docker/config.json`). */
const CREDENTIAL_DIRS = new Set(['.aws', '.ssh', '.gnupg', '.docker', '.kube', '.azure', '.config/gcloud']);

/** Example and template files that sit next to the real ones and hold no secrets. */
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?|schema|md)$/i;

/** Certificates and public keys share extensions with private keys but are public. */
const PUBLIC_MATERIAL = /(?:^|[._-])(?:ca|cacert|cert|certs|certificate|chain|fullchain|bundle|root|intermediate|pub|public|trust|trusted|gpg|pgp|apt|repo|archive|release|signing-key)(?:[._-]|$)/i;

/** A label for the credential file `relativePath` names, or undefined. */
export function credentialFileKind(relativePath: string): string | undefined {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  if (TEMPLATE_SUFFIX.test(base) || base.endsWith('.pub')) return undefined;
  for (let i = 0; i < parts.length; i++) {
    if (CREDENTIAL_DIRS.has(parts[i]) || CREDENTIAL_DIRS.has(`${parts[i]}/${parts[i + 1]}`)) return `${parts[i]}/ directory`;
  }
  const lower = base.toLowerCase();
  if (CREDENTIAL_NAMES.has(lower)) return base;
  if (/^\.env\.[a-z0-9_.-]+$/i.test(base)) return base; // .env.production, .env.local
  if (/\.(?:pem|key|p12|pfx|jks|keystore|p8|ppk|asc|gpg)$/i.test(base)) {
    if (/\.(?:pem|key|asc|gpg)$/i.test(base) && PUBLIC_MATERIAL.test(base.replace(/\.(?:pem|key|asc|gpg)$/i, ''))) return undefined;
    if (/\.(?:asc|gpg)$/i.test(base) && !/(?:private|secret|sec)/i.test(base)) return undefined;
    return base;
  }
  return undefined;
}

/** Representative credential files, to decide whether a glob would pick one up. */
const SAMPLE_CREDENTIALS = ['id_rsa', 'id_ed25519', 'server.pem', 'tls.key', 'private.key', 'cert.p12', '.env', '.env.production', '.npmrc', '.netrc', '.pypirc', '.git-credentials', 'credentials.json', '.aws', '.ssh', '.docker'];
/** Ordinary files: a glob that matches these too is a wide copy, judged only with a context listing. */
const SAMPLE_ORDINARY = ['package.json', 'package-lock.json', 'app.py', 'main.go', 'index.js', 'README.md', 'requirements.txt', 'config.yaml', 'src', 'Makefile', 'go.mod', 'pom.xml', 'server.js', 'app.jar', 'nginx.conf', 'entrypoint.sh'];

export function isGlob(source: string): boolean {
  return /[*?[]/.test(source);
}

/** Docker's glob syntax (Go filepath.Match, plus `**`) as a RegExp over a relative path. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        pattern += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else pattern += '[^/]*';
    } else if (c === '?') pattern += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) pattern += '\\[';
      else {
        pattern += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else pattern += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** Normalises a COPY source to a context-relative path ('' = the whole context). */
export function normaliseSource(source: string): string {
  let s = source.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  s = s.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/\.$/, '');
  return s === '.' ? '' : s;
}

/** Context files a COPY source selects: the file itself, a directory's files, or a glob's matches. */
export function filesSelectedBy(source: string, files: readonly string[]): string[] {
  const s = normaliseSource(source);
  if (s === '') return [...files];
  if (isGlob(s)) {
    const regex = globToRegExp(s);
    // A glob that matches a directory copies the directory's contents.
    return files.filter((f) => regex.test(f) || ancestors(f).some((dir) => regex.test(dir)));
  }
  return files.filter((f) => f === s || f.startsWith(`${s}/`));
}

function ancestors(file: string): string[] {
  const parts = file.split('/');
  const result: string[] = [];
  for (let i = 1; i < parts.length; i++) result.push(parts.slice(0, i).join('/'));
  return result;
}

/**
 * Without a listing of the context: a glob that selects credential files by its shape
 * (`*.pem`, `.env*`, `id_*`, `.*`) — not one that selects everything (`*`, `*.json`).
 */
export function globSelectsCredentials(source: string): string | undefined {
  const s = normaliseSource(source);
  const base = s.slice(s.lastIndexOf('/') + 1);
  if (!isGlob(base)) return undefined;
  const regex = globToRegExp(base);
  if (SAMPLE_ORDINARY.some((f) => regex.test(f))) return undefined;
  return SAMPLE_CREDENTIALS.find((f) => regex.test(f));
}

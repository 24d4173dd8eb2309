/**
 * Whether a variable / key name says its value is a credential. Names are compared by
 * segments (`DB_PASSWORD`, `db.password`, `dbPassword`, `db-password` all give `db`,
 * `password`), never by substring, so `PASSWORDLESS`, `TOKENIZER` or `openssh-client` are not
 * sensitive, and a trailing segment that names something *about* the secret (`TOKEN_URL`,
 * `PASSWORD_FILE`, `SECRET_NAME`, `AUTH_ENABLED`) makes the whole name not a secret.
 */

/** Segments that on their own name a credential. */
const STRONG_SEGMENTS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'apitoken',
  'credential', 'credentials', 'creds', 'privatekey', 'accesskey', 'secretkey', 'authtoken', 'bearer', 'pat', 'dsn',
]);

/** Segments that name a credential when followed by `key` (`API_KEY`, `SIGNING_KEY`…). */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'license', 'client', 'app', 'auth', 'account', 'service', 'session', 'jwt', 'hmac', 'crypt', 'cipher', 'sas', 'storage', 'subscription']);

/**
 * Segments that name a credential only when the value also looks random (`AUTH=ldap` is a
 * setting, `AUTH=9fK…` is not): checked with the entropy test in values.ts.
 */
const WEAK_SEGMENTS = new Set(['auth', 'salt', 'cookie', 'session', 'signature', 'sig']);

/** A last segment that describes the secret rather than holding it. */
const DESCRIPTIVE_SUFFIXES = new Set([
  'url', 'urls', 'uri', 'endpoint', 'host', 'hostname', 'port', 'addr', 'address', 'server', 'domain',
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'location', 'mount', 'volume',
  'name', 'names', 'id', 'ids', 'ref', 'refs', 'source', 'store', 'backend', 'provider', 'manager', 'service',
  'type', 'kind', 'mode', 'method', 'scheme', 'format', 'encoding', 'algorithm', 'algo', 'version',
  'enabled', 'enable', 'disabled', 'disable', 'required', 'optional', 'allowed', 'skip', 'verify', 'insecure',
  'length', 'len', 'min', 'max', 'size', 'count', 'limit', 'strength', 'complexity', 'policy', 'rotation', 'rules',
  'expiry', 'expires', 'expiration', 'ttl', 'lifetime', 'timeout', 'interval', 'duration', 'age', 'period',
  'header', 'prefix', 'field', 'param', 'parameter', 'env', 'var', 'variable', 'key', 'keys',
  'audience', 'issuer', 'scope', 'scopes', 'realm', 'hint', 'regex', 'pattern', 'label', 'annotation',
  'user', 'username', 'login', 'email', 'owner', 'group', 'role', 'account', 'principal',
  'hash', 'hashed', 'digest', 'checksum', 'fingerprint', 'pub', 'public', 'cert', 'certificate',
  'command', 'cmd', 'script', 'helper', 'plugin', 'class', 'module', 'handler', 'callback', 'redirect',
  'description', 'desc', 'help', 'doc', 'docs', 'text', 'message', 'title', 'template',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db.password`, `db-password` into lower-case segments. */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((s) => s !== '');
}

export type NameSensitivity = 'strong' | 'weak' | undefined;

/** `strong`: the name says it holds a credential; `weak`: only when the value looks random. */
export function nameSensitivity(name: string): NameSensitivity {
  const segments = nameSegments(name);
  if (segments.length === 0) return undefined;
  const last = segments[segments.length - 1];
  // `KEY` is descriptive on its own (`CACHE_KEY`), but completes `API_KEY`, `PRIVATE_KEY`…
  if (last === 'key' || last === 'keys') {
    const before = segments[segments.length - 2];
    return before !== undefined && KEY_QUALIFIERS.has(before) ? 'strong' : undefined;
  }
  if (DESCRIPTIVE_SUFFIXES.has(last)) return undefined;
  let result: NameSensitivity;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (STRONG_SEGMENTS.has(segment)) return 'strong';
    if (segment === 'key' && i > 0 && KEY_QUALIFIERS.has(segments[i - 1])) return 'strong';
    if (WEAK_SEGMENTS.has(segment)) result = 'weak';
  }
  return result;
}

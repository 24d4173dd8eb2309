import { shannonEntropy } from './entropy';

/**
 * What a literal given to a sensitive name is. Each placeholder class is a decision:
 *
 * - `reference` (`${VAR}`, `$VAR`, `$(VAR)`, `${{ secrets.X }}`, `{{ .Values.x }}`, secret-manager
 *   URIs): the value is supplied elsewhere. Not reported.
 * - `path` (`/run/secrets/db`, `./key.pem`): points at a secret, is not one. Not reported.
 * - `empty`, `boolean`, `number` (up to 5 digits: ports, counts, flags): not credentials.
 * - `placeholder` (`<password>`, `xxx`, `***`, `your-token-here`, `REPLACE_ME`, `TODO`): a marker
 *   that must be replaced before anything works; no service accepts it. Not reported.
 * - `weak` (`changeme`, `password`, `admin`, `example`, `postgres`, `123456`…): a working default
 *   that anyone can guess — a committed `changeme` database password is a real risk when the
 *   file is deployed unchanged. Reported, as a warning instead of an error.
 * - `secret`: anything else. Reported as an error.
 */
export type ValueKind = 'empty' | 'reference' | 'path' | 'boolean' | 'number' | 'placeholder' | 'prose' | 'url' | 'low-entropy' | 'weak' | 'secret';

export interface ValueVerdict {
  kind: ValueKind;
}

/**
 * Documentation examples published by the vendors themselves (AWS's keys end in `EXAMPLE` /
 * `EXAMPLEKEY`); never live credentials.
 */
export function isDocumentationExample(value: string): boolean {
  return /EXAMPLE/.test(value);
}

const BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'none', 'nil', 'undefined', 'enabled', 'disabled']);

/** Default and dictionary passwords: they work, and every attacker's list starts with them. */
const WEAK_VALUES = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'passwd', 'pwd',
  'secret', 'secrets', 'mysecret', 'mysecretpassword', 'mypassword', 'supersecret', 'topsecret', 'admin', 'administrator',
  'root', 'toor', 'test', 'testing', 'tester', 'example', 'default', 'demo', 'dev', 'development', 'local', 'guest', 'user',
  'qwerty', 'letmein', 'welcome', 'login', 'master', 'postgres', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq',
  'guest', 'sa', 'oracle', 'docker', 'kubernetes', 'token', 'apikey', 'api_key', 'abc123', 'foobar', 'foo', 'bar', 'temp',
  'dbpassword', 'db_password', 'rootpassword', 'root_password', 'adminpassword', 'admin123', 'password123', 'password1',
  'keycloak', 'minio', 'minioadmin', 'baz', 'qux', 'elastic', 'changeme123', 'insecure', 'notsecret', 'not-secret', 'dummy', 'fake', 'sample',
]);

/** Reference syntaxes of shells, Compose, Kubernetes, GitHub Actions, Helm/Jinja and secret stores. */
const REFERENCE = /^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-?+=][^}]*)?\}?$|^\$\([A-Za-z_][A-Za-z0-9_]*\)$|\$\{\{.*\}\}|\{\{.*\}\}|\{%.*%\}|^%\{?[A-Za-z_][A-Za-z0-9_.]*\}?%?$|^#\{.*\}$|^@Microsoft\.KeyVault\(|^(?:vault|sm|secretsmanager|ssm|gcpsm|azkv|awssm|op|doppler|infisical|ref\+[a-z]+):\/*|^arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|^projects\/[^/]+\/secrets\//;

/** Placeholders: template markers and instructions to the reader. */
const PLACEHOLDER = /^<[^<>]*>$|^\[[^[\]]*\]$|^(?:x+|X+|\*+|\.+|-+|_+|#+|\?+|0+)$|^(?:your|insert|enter|put|add|replace|set|fill)[-_ ]?.*(?:here|key|token|secret|password|pass|value)$|^(?:replace[-_ ]?me|todo|tbd|fixme|redacted|masked|hidden|placeholder|required|unset|empty|none|n\/a|na|xxx.*|\.\.\..*|.*\.\.\.)$|^(?:some|a|the)[-_ ]?(?:password|secret|token|key)$|(?:^|[-_])(?:placeholder|example|sample|dummy|fake)(?:[-_]|$).*(?:key|token|secret|password)/i;

const EMBEDDED_REFERENCE = /\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$[A-Za-z_][A-Za-z0-9_]*/;

/**
 * A variable name standing in for the value (`HF_TOKEN`, `GOOGLE_API_KEY_VAL`, `SECRET`,
 * `nvapi-NVKEY`, `FAKE_TO_GENERATE_WARNING`): upper-case words without digits. Placeholder.
 */
const NAME_LIKE = /^(?:[a-z0-9]+[-_])?[A-Z]{2,}(?:_[A-Z]+)*$/;

/** The whole value is supplied elsewhere: a variable, a template expression, a secret-store URI. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

export function classifySecretValue(raw: string, options: { requireRandom?: boolean } = {}): ValueVerdict {
  const value = raw.trim();
  if (value === '' || value === '""' || value === "''") return { kind: 'empty' };
  // Callers resolve `${VAR:-default}` first (see literalOf); what is left with `$` is variable.
  if (REFERENCE.test(value) || EMBEDDED_REFERENCE.test(value) || /^(?:\$\{\{|\{\{|\{%)/.test(value)) return { kind: 'reference' };
  // Code reading the value from elsewhere (`os.environ["TOKEN"]`, `getenv("X")`), or a structure.
  if (/\b(?:os\.environ|os\.getenv|getenv|process\.env|System\.getenv|ENV\[|env\()/.test(value) || /^[[{(]/.test(value)) return { kind: 'reference' };
  const lower = value.toLowerCase();
  if (BOOLEANS.has(lower)) return { kind: 'boolean' };
  if (/^-?\d{1,5}(?:\.\d+)?$/.test(value)) return { kind: 'number' };
  if (isPath(value)) return { kind: 'path' };
  if (NAME_LIKE.test(value) || isDocumentationExample(value) || /^(?:x+|\*+|\.+|-+|_+|#+|\?+)$/i.test(value)) return { kind: 'placeholder' };
  if (PLACEHOLDER.test(value)) return { kind: 'placeholder' };
  if (isWeak(lower)) return { kind: 'weak' };
  // A URL without credentials (credentials in URLs are found by the token scan).
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(value)) return { kind: 'url' };
  // Several words: a description or a command, not a credential.
  if (/\s/.test(value) && value.split(/\s+/).length >= 3) return { kind: 'prose' };
  if (hasFillerRuns(value)) return { kind: 'placeholder' };
  if (options.requireRandom && !looksRandom(value)) return { kind: 'low-entropy' };
  return { kind: 'secret' };
}

function isPath(value: string): boolean {
  if (/^\/run\/secrets\//.test(value) || /^\/var\/run\/secrets\//.test(value)) return true;
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])[^\s]*$/.test(value) && /[/\\][A-Za-z0-9._-]/.test(value)) return true;
  return /^[\w.-]+\/[\w./-]*\.(?:pem|key|crt|json|txt|env|p12|pfx|jks|yaml|yml)$/i.test(value);
}

/** Words that make a value describe itself (`postgres_password`, `my-secret-token`). */
const SELF_DESCRIBING = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'key', 'apikey', 'credential', 'credentials']);

function isWeak(lower: string): boolean {
  if (WEAK_VALUES.has(lower)) return true;
  // Lower-case words only: a value that names what it is was typed by a person as a default.
  if (/^[a-z]+(?:[-_.][a-z]+)*\d{0,4}$/.test(lower) && lower.split(/[-_.]/).some((w) => SELF_DESCRIBING.has(w.replace(/\d+$/, '')))) return true;
  let end = lower.length;
  while (end > 0 && /[\d!@#$%^&*._-]/.test(lower[end - 1])) end--; // not /[…]+$/: quadratic on long runs
  const stripped = lower.slice(0, end);
  if (stripped !== lower && stripped.length >= 3 && WEAK_VALUES.has(stripped)) return true;
  if (/^(?:1234?5?6?7?8?9?0?|0987654321|(\d)\1+|([a-z])\2+|abcd?e?f?g?h?)$/.test(lower)) return true;
  if (/^my[-_]?(?:pass|passwd|password|pwd|secret|token|key|apikey)\d*$/.test(lower)) return true;
  return false;
}

/**
 * Documentation fillers typed as ascending runs: `abcdefghijklm`, `12345678`, or several
 * shorter ones (`8312341g-5678-abcd-…`). A generated value almost never has them.
 */
function hasFillerRuns(value: string): boolean {
  let runs = 0;
  let length = 1;
  for (let i = 1; i <= value.length; i++) {
    const ascending = i < value.length && value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 && /[A-Za-z0-9]/.test(value[i]);
    if (ascending) {
      length++;
      continue;
    }
    if (length >= 8) return true;
    if (length >= 4) runs++;
    length = 1;
  }
  return runs >= 2;
}

/** Random enough to be a generated credential: long, varied, not a word. */
export function looksRandom(value: string): boolean {
  if (value.length < 12) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 2 && shannonEntropy(value) >= 3.2;
}

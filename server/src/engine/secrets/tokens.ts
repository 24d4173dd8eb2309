import { looksLikeFiller } from './entropy';
import { classifySecretValue, isDocumentationExample } from './values';

/**
 * Credential formats that are recognisable on their own, wherever they appear in a file
 * (values, comments, RUN commands, heredocs). Each pattern is anchored on a fixed, documented
 * prefix so scanning a document costs a handful of linear regex passes (see bench/secrets.mjs).
 *
 * We keep our own table rather than adopting secretlint's preset: its engine is asynchronous
 * (`lintSource` returns a Promise) and ours must answer synchronously on every keystroke; the
 * patterns below cover its recommended preset's formats that matter in container files plus
 * those it lacks (Stripe, JWT, AWS secret keys without their key id, npm legacy tokens…).
 */
export interface TokenPattern {
  /** Stable id, used in messages ("GitHub token"). */
  id: string;
  label: string;
  regex: RegExp;
  /** Capture group holding the secret itself (0 = the whole match). */
  group?: number;
  /** Characters at the start of the secret that are the public format prefix, not secret. */
  prefixLength?: number;
  /** Extra acceptance test on the secret (examples, fillers). */
  accept?(secret: string, text: string, index: number): boolean;
  /**
   * For a pattern with no literal prefix: a literal every match contains, and where the one match
   * start worth trying before an occurrence of it at `at` lies (not before `from`; -1: none). The
   * scan then jumps from one occurrence to the next (indexOf) instead of trying every position.
   */
  anchor?: { literal: string; firstStart: (text: string, at: number, from: number) => number };
}

export interface TokenMatch {
  pattern: TokenPattern;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  secret: string;
  /** Weak or default credentials (URL passwords like `postgres:postgres`) are reported as warnings. */
  weak: boolean;
}

const bodyIsRandom = (prefix: number) => (secret: string) => !looksLikeFiller(secret.slice(prefix)) && !isDocumentationExample(secret);

/*
 * Every prefix-anchored pattern starts with a lookbehind that forbids starting inside a run of
 * token characters (rather than `\b`, which `-` breaks): matching stays linear on hostile input
 * such as `eyJ-eyJ-…` or `sk-sk-…` repeated over a long line (bench/secrets.mjs measures it).
 */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { id: 'aws-access-key-id', label: 'AWS access key id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g, prefixLength: 4, accept: bodyIsRandom(4) },
  {
    id: 'aws-secret-access-key',
    label: 'AWS secret access key',
    regex: /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    accept: bodyIsRandom(0),
  },
  { id: 'github-token', label: 'GitHub token', regex: /(?<![A-Za-z0-9_-])gh[pousr]_[A-Za-z0-9]{36,251}\b/g, prefixLength: 4, accept: bodyIsRandom(4) },
  { id: 'github-pat', label: 'GitHub fine-grained token', regex: /(?<![A-Za-z0-9_-])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/g, prefixLength: 11, accept: bodyIsRandom(11) },
  { id: 'gitlab-token', label: 'GitLab token', regex: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|ft|cbt)-[A-Za-z0-9_-]{20,64}/g, prefixLength: 6, accept: bodyIsRandom(6) },
  { id: 'slack-token', label: 'Slack token', regex: /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,250}/g, prefixLength: 5, accept: bodyIsRandom(5) },
  { id: 'slack-webhook', label: 'Slack webhook URL', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{16,}/g, prefixLength: 23, accept: (s) => bodyIsRandom(0)(s.slice(s.lastIndexOf('/') + 1)) },
  { id: 'stripe-live-key', label: 'Stripe live key', regex: /(?<![A-Za-z0-9_-])(?:sk|rk)_live_[A-Za-z0-9]{24,99}\b/g, prefixLength: 8, accept: bodyIsRandom(8) },
  { id: 'npm-token', label: 'npm token', regex: /(?<![A-Za-z0-9_-])npm_[A-Za-z0-9]{36}\b/g, prefixLength: 4, accept: bodyIsRandom(4) },
  { id: 'npm-legacy-token', label: 'npm auth token', regex: /:_authToken=["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g, group: 1, accept: bodyIsRandom(0) },
  { id: 'gcp-api-key', label: 'Google API key', regex: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, prefixLength: 4, accept: bodyIsRandom(4) },
  { id: 'gcp-service-account', label: 'Google service-account key id', regex: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/g, group: 1, accept: bodyIsRandom(0) },
  { id: 'openai-key', label: 'OpenAI API key', regex: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}/g, prefixLength: 3, accept: bodyIsRandom(3) },
  { id: 'openai-project-key', label: 'OpenAI API key', regex: /(?<![A-Za-z0-9_-])sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/g, prefixLength: 8, accept: bodyIsRandom(8) },
  { id: 'anthropic-key', label: 'Anthropic API key', regex: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{40,}/g, prefixLength: 7, accept: bodyIsRandom(14) },
  { id: 'sendgrid-key', label: 'SendGrid API key', regex: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g, prefixLength: 3, accept: bodyIsRandom(3) },
  { id: 'huggingface-token', label: 'Hugging Face token', regex: /(?<![A-Za-z0-9_-])hf_[A-Za-z0-9]{34,40}\b/g, prefixLength: 3, accept: bodyIsRandom(3) },
  { id: 'shopify-token', label: 'Shopify token', regex: /(?<![A-Za-z0-9_-])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g, prefixLength: 6, accept: bodyIsRandom(6) },
  { id: 'vault-token', label: 'HashiCorp Vault token', regex: /(?<![A-Za-z0-9_.-])hv[sb]\.[A-Za-z0-9_-]{24,}/g, prefixLength: 4, accept: bodyIsRandom(4) },
  { id: 'docker-hub-token', label: 'Docker Hub access token', regex: /(?<![A-Za-z0-9_-])dckr_pat_[A-Za-z0-9_-]{27,}/g, prefixLength: 9, accept: bodyIsRandom(9) },
  { id: 'groq-key', label: 'Groq API key', regex: /(?<![A-Za-z0-9_-])gsk_[A-Za-z0-9]{48,}\b/g, prefixLength: 4, accept: bodyIsRandom(4) },
  {
    id: 'private-key',
    label: 'private key',
    regex: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    // The header alone is a format marker; a key needs a body of base64 after it (also inside
    // JSON strings with `\n` escapes, as in GCP service-account files).
    accept: (_s, text, index) => /[A-Za-z0-9+/]{40}/.test(text.slice(index, index + 400).replace(/\\n|\s/g, '')),
  },
  {
    id: 'jwt',
    label: 'JSON Web Token',
    regex: /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/g,
    prefixLength: 3,
    accept: (s) => bodyIsRandom(0)(s.slice(s.lastIndexOf('.') + 1)),
  },
  {
    id: 'url-password',
    label: 'password in a URL',
    // scheme://user:password@host — the password group excludes the characters that end it.
    regex: /\b[a-zA-Z][a-zA-Z0-9+.-]{1,30}:\/\/[^\s:@/'"`<>()[\]{}]{1,100}:([^\s:@/'"`<>[\]]{1,200})@[^\s/'"`@]/g,
    group: 1,
    // The scheme (2-31 characters, no ':') ends right at '://'. Tried at every letter of the text,
    // this pattern was a third of the secret scan's time on a 1,000-line Dockerfile.
    anchor: { literal: '://', firstStart: schemeStart },
  },
];

/**
 * Where a URL scheme ending at `at` (its '://') can start: a letter at a word boundary followed
 * by scheme characters only, 2–31 characters in all (the url-password pattern's
 * `\b[a-zA-Z][a-zA-Z0-9+.-]{1,30}:\/\/`). All such starts share the rest of the match (what
 * follows '://'), so if the leftmost fails they all do; -1 when there is none.
 */
function schemeStart(text: string, at: number, from: number): number {
  const reach = Math.max(from, at - 31);
  let p = at;
  while (p > reach && isSchemeChar(text.charCodeAt(p - 1))) p--;
  for (; p <= at - 2; p++) {
    if (isLetter(text.charCodeAt(p)) && (p === 0 || !isWordChar(text.charCodeAt(p - 1)))) return p;
  }
  return -1;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** `\w` without the u flag. */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95;
/** `[a-zA-Z0-9+.-]` */
const isSchemeChar = (c: number) => isLetter(c) || isDigit(c) || c === 43 || c === 46 || c === 45;

/**
 * Whether a pattern's matches stay within one line and its acceptance reads only the match, so
 * scanning a region of whole lines finds what scanning the whole text finds there. Decided from
 * the pattern's source, conservatively: anything that can match a line break (`\s`, `\S`, `\W`,
 * `\D`, a negated class, `.` outside a class) or acceptance that reads the text around the match
 * (an `accept` taking the text; the url-password and private-key checks in acceptMatch) makes it
 * a whole-text pattern.
 */
export function isLineLocal(pattern: TokenPattern): boolean {
  const source = pattern.regex.source;
  const outsideClasses = source.replace(/\[(?:\\.|[^\]\\])*\]/g, '');
  const canMatchLineBreak = /\\[sSWDn]|\[\^/.test(source) || /(?:^|[^\\])\./.test(outsideClasses.replace(/\\\\/g, ''));
  const readsAround = (pattern.accept?.length ?? 0) > 1 || pattern.id === 'url-password' || pattern.id === 'private-key';
  return !canMatchLineBreak && !readsAround;
}

/**
 * The patterns with match indices switched on (`d`), so capture groups have exact offsets; an
 * anchored pattern is sticky (`y`): it is tried at chosen positions only (`anchoredMatches`).
 */
const COMPILED: readonly [TokenPattern, RegExp][] = TOKEN_PATTERNS.map((p) => [p, new RegExp(p.regex.source, `${p.regex.flags.replace('g', '')}${p.anchor ? 'y' : 'g'}d`)]);
const LINE_LOCAL = COMPILED.filter(([p]) => isLineLocal(p));
const WHOLE_TEXT = COMPILED.filter(([p]) => !isLineLocal(p));
const PATTERN_ORDER = new Map(TOKEN_PATTERNS.map((p, i) => [p, i]));

/** Every known-format credential in `text` (one document), in order, without overlaps. */
export function findTokens(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const compiled of COMPILED) collectMatches(compiled, text, matches);
  return withoutOverlaps(matches);
}

/**
 * A piece of a document that starts at a line start and runs to the start of the next piece (so
 * it ends with its line break), with an object that stays the same while its text does: the
 * chunks of an incrementally parsed Dockerfile (their dockerfile-ast tree is that object).
 */
export interface TextRegion {
  start: number;
  text: string;
  identity: object;
}

/** Tokens of the line-local patterns in a region's text, offsets relative to the region. */
const regionTokens = new WeakMap<object, TokenMatch[]>();

/**
 * The same as `findTokens(text)` for a text cut into `regions`, reusing the matches of regions
 * already scanned in an earlier version: an edit rescans only the region it changed. Patterns
 * whose matches stay on one line and whose acceptance reads only the match (LINE_LOCAL) cannot
 * tell a region from the whole text: the character before a region and at its end is a line
 * break either way. The others (those that can span lines, or look around the match) scan the
 * whole text, as findTokens does. Regions that do not tile the text get a plain findTokens.
 */
export function findTokensInRegions(text: string, regions: readonly TextRegion[]): TokenMatch[] {
  let expected = 0;
  for (const region of regions) {
    if (region.start !== expected || (expected > 0 && text.charCodeAt(expected - 1) !== 10)) return findTokens(text);
    expected += region.text.length;
  }
  if (expected !== text.length) return findTokens(text);
  const matches: TokenMatch[] = [];
  for (const compiled of WHOLE_TEXT) collectMatches(compiled, text, matches);
  for (const region of regions) {
    let local = regionTokens.get(region.identity);
    if (!local) {
      local = [];
      for (const compiled of LINE_LOCAL) collectMatches(compiled, region.text, local);
      regionTokens.set(region.identity, local);
    }
    for (const token of local) matches.push({ ...token, start: token.start + region.start, end: token.end + region.start });
  }
  return withoutOverlaps(matches);
}

function collectMatches([pattern, regex]: readonly [TokenPattern, RegExp], text: string, into: TokenMatch[]): void {
  for (const m of patternMatches(pattern, regex, text)) {
    const group = pattern.group ?? 0;
    const secret = m[group];
    const span = m.indices?.[group];
    if (secret === undefined || !span) continue;
    const match = acceptMatch(pattern, secret, text, m.index, span[0]);
    if (match) into.push(match);
  }
}

/** In order of position (the longer first, then in pattern order); a match inside an earlier one is dropped. */
function withoutOverlaps(matches: TokenMatch[]): TokenMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || PATTERN_ORDER.get(a.pattern)! - PATTERN_ORDER.get(b.pattern)!);
  const result: TokenMatch[] = [];
  for (const m of matches) {
    const last = result[result.length - 1];
    if (last && m.start < last.end) continue;
    result.push(m);
  }
  return result;
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * The pattern's raw matches in `text`, in order (before acceptance); exported for its tests.
 * Arrays, not generators: most patterns match nothing, and a generator per pattern and file cost
 * as much as the scans themselves.
 */
export function patternMatches(pattern: TokenPattern, regex: RegExp, text: string): readonly RegExpExecArray[] {
  regex.lastIndex = 0;
  return pattern.anchor ? anchoredMatches(text, regex, pattern.anchor) : allMatches(text, regex);
}

/** The compiled form of each pattern, as findTokens uses it. */
export function compiledPattern(id: string): [TokenPattern, RegExp] | undefined {
  return COMPILED.find(([p]) => p.id === id);
}

function allMatches(text: string, regex: RegExp): readonly RegExpExecArray[] {
  let m = regex.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  for (; m !== null; m = regex.exec(text)) out.push(m);
  return out;
}

/**
 * The matches a global scan of `text` with the pattern would find, in order, found by trying the
 * sticky pattern only where `firstStart` says a match before each occurrence of the anchor
 * literal can start. Occurrences are visited in increasing order, so the first success is the
 * leftmost match; after a match the search goes on from its end, as a global scan does.
 */
function anchoredMatches(text: string, sticky: RegExp, anchor: NonNullable<TokenPattern['anchor']>): readonly RegExpExecArray[] {
  let out: RegExpExecArray[] | undefined;
  let from = 0;
  for (let at = text.indexOf(anchor.literal); at >= 0; at = text.indexOf(anchor.literal, Math.max(at + 1, from))) {
    const start = anchor.firstStart(text, at, from);
    if (start < 0) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    (out ??= []).push(m);
    from = m.index + Math.max(1, m[0].length);
  }
  return out ?? NO_MATCHES;
}

function acceptMatch(pattern: TokenPattern, secret: string, text: string, matchIndex: number, start: number): TokenMatch | undefined {
  if (isDocumentationExample(secret)) return undefined;
  if (pattern.accept && !pattern.accept(secret, text, matchIndex)) return undefined;
  let end = start + secret.length;
  let weak = false;
  if (pattern.id === 'url-password') {
    // `scheme://user:password@host` and `username:token@…` are how documentation spells it.
    const user = /\/\/([^:/]*):[^@]*$/.exec(text.slice(Math.max(0, start - 101), start + 1))?.[1]?.toLowerCase() ?? '';
    if (/^(?:user|username|usr|login|name|me|you)$/.test(user) && /^(?:password|pass|passwd|pwd|token|secret|apikey|api_key|key)$/i.test(secret)) return undefined;
    const verdict = classifySecretValue(decodeURIComponentSafe(secret));
    if (verdict.kind !== 'secret' && verdict.kind !== 'weak') return undefined;
    weak = verdict.kind === 'weak';
  }
  if (pattern.id === 'private-key') {
    // Keys are a few KB; looking further would make many unterminated headers quadratic.
    const window = text.slice(start, start + 16384);
    const close = window.indexOf('-----END');
    const closeEnd = close < 0 ? -1 : window.indexOf('-----', close + 8);
    end = closeEnd < 0 ? start + secret.length : start + closeEnd + 5;
    secret = text.slice(start, end);
  }
  return { pattern, start, end, secret, weak };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

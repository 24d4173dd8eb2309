/**
 * Fake credentials for tests: generated values in each vendor's format, never real ones.
 * Prefixes are assembled from pieces and bodies come from a seeded generator, so the
 * repository holds no string that a secret scanner (or our own rules) would flag.
 */
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const BASE64 = `${BASE62}+/`;
const URLSAFE = `${BASE62}-_`;

export class FakeSecrets {
  private state: number;

  constructor(seed = 20261123) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, deterministic, well-spread. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  random(length: number, charset = BASE62): string {
    let out = '';
    for (let i = 0; i < length; i++) out += charset[Math.floor(this.next() * charset.length)];
    return out;
  }

  awsAccessKeyId(): string {
    return ['AK', 'IA'].join('') + this.random(16, BASE32_UPPER);
  }
  awsSecretAccessKey(): string {
    return this.random(40, BASE64);
  }
  github(kind: 'p' | 'o' | 'u' | 's' | 'r' = 'p'): string {
    return `g${'h'}${kind}_${this.random(36)}`;
  }
  githubFineGrained(): string {
    return `${['github', 'pat'].join('_')}_${this.random(22)}_${this.random(59)}`;
  }
  gitlab(): string {
    return `${'gl'}pat-${this.random(20, URLSAFE.replace('-', ''))}`;
  }
  slack(kind = 'b'): string {
    return `xo${'x'}${kind}-${this.random(12, '0123456789')}-${this.random(13, '0123456789')}-${this.random(24)}`;
  }
  slackWebhook(): string {
    return `https://hooks.${'slack'}.com/services/T${this.random(10, BASE32_UPPER)}/B${this.random(10, BASE32_UPPER)}/${this.random(24)}`;
  }
  stripeLive(): string {
    return `${'sk'}_${'live'}_${this.random(32)}`;
  }
  npm(): string {
    return `${'np'}m_${this.random(36)}`;
  }
  gcpApiKey(): string {
    return `${'AI'}za${this.random(35, URLSAFE)}`;
  }
  openai(): string {
    return `${'sk'}-${'proj'}-${this.random(48, URLSAFE)}${['T3Blbk', 'FJ'].join('')}${this.random(48, URLSAFE)}`;
  }
  anthropic(): string {
    return `${'sk'}-${'ant'}-api03-${this.random(93, URLSAFE)}AA`;
  }
  jwt(): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: this.random(12), iat: 1700000000 })}.${this.random(43, URLSAFE)}`;
  }
  privateKey(): string {
    const body = Array.from({ length: 6 }, () => this.random(64, BASE64)).join('\n');
    return `-----BEGIN ${'RSA PRIVATE'} KEY-----\n${body}\n-----END ${'RSA PRIVATE'} KEY-----`;
  }
  password(length = 16): string {
    return this.random(length - 2) + this.random(1, '0123456789') + this.random(1, '!#%+');
  }
  hex(length: number): string {
    return this.random(length, HEX);
  }
}

/**
 * The secrets a test planted, and the check that an output contains none of them — nor any
 * 10-character piece past a secret's first 10 characters (public prefixes like `ghp_` may appear).
 */
export class PlantedSecrets {
  readonly values: string[] = [];

  keep(value: string): string {
    this.values.push(value);
    return value;
  }

  assertAbsent(output: string, where: string): void {
    for (const secret of this.values) {
      if (output.includes(secret)) throw new Error(`${where} contains a planted secret (${secret.length} chars)`);
      if (secret.length < 16) continue;
      for (const line of secret.split('\n')) {
        for (let i = 10; i + 10 <= line.length; i++) {
          if (output.includes(line.slice(i, i + 10))) throw new Error(`${where} contains a 10-character piece of a planted secret (offset ${i})`);
        }
      }
    }
  }
}

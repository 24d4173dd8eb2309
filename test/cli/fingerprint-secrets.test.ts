import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { fingerprints } from '../../server/src/cli/fingerprint';
import { FakeSecrets } from '../helpers/fake-secrets';

/** SARIF fingerprints must not be a hash of the secret: a short password could be guessed back. */
describe('CLI fingerprints of secret findings', () => {
  const fake = new FakeSecrets(5);
  const fingerprintOf = (text: string) => {
    const lines = new LineIndex(text);
    const findings = analyze(text, { path: 'Dockerfile' }).findings.filter((f) => f.ruleId === 'embedded-secret');
    assert.equal(findings.length, 1);
    return fingerprints('Dockerfile', text, findings, (line, character) => lines.offsetAt({ line, character }))[0];
  };

  it('do not depend on the secret beyond its redacted preview', () => {
    const a = `Ab3x${fake.random(12)}`;
    const b = `Ab3x${fake.random(12)}`;
    assert.notEqual(a, b);
    const fa = fingerprintOf(`FROM alpine:3.20\nENV DB_PASSWORD=${a}\nUSER app\n`);
    const fb = fingerprintOf(`FROM alpine:3.20\nENV DB_PASSWORD=${b}\nUSER app\n`);
    assert.equal(fa, fb, 'same place, same redacted preview: same fingerprint whatever the value');
    const moved = fingerprintOf(`FROM alpine:3.20\nRUN true\nENV DB_PASSWORD=${a}\nUSER app\n`);
    assert.equal(moved, fa, 'and it survives lines moving');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../server/src/engine';
import { addTrustedRegistry, trustPatternFor } from '../../../server/src/engine/fixes/trust-registry';
import { parseImageReference } from '../../../server/src/engine/image/image-reference';
import { readBulkheadConfig } from '../../../server/src/config';

/** The config text after the fix (a created file's content, or the edits applied). */
function after(text: string | undefined, pattern: string): string | undefined {
  const result = addTrustedRegistry(text, pattern);
  if (!result) return undefined;
  if ('create' in result) return result.create;
  return applyTextEdits(text!, result.edits);
}

describe('untrusted-registry fix: the pattern', () => {
  it('trusts the publisher: registry and namespace, or the registry alone', () => {
    const pattern = (image: string) => trustPatternFor(parseImageReference(image)!);
    assert.equal(pattern('bitnami/redis:7'), 'docker.io/bitnami/*');
    assert.equal(pattern('quay.io/prometheus/node-exporter:v1'), 'quay.io/prometheus/*');
    assert.equal(pattern('ghcr.io/org/team/app@sha256:' + '0'.repeat(64)), 'ghcr.io/org/*');
    assert.equal(pattern('registry.example.com:5000/app:1'), 'registry.example.com:5000/*');
  });
});

describe('untrusted-registry fix: editing .bulkhead.yaml', () => {
  it('no file: creates one with the pattern (the defaults stay trusted)', () => {
    const text = after(undefined, 'docker.io/bitnami/*')!;
    assert.equal(text, '# Bulkhead configuration. trustedRegistries adds to the default trusted registries (Docker Official Images, distroless, …).\ntrustedRegistries:\n  - docker.io/bitnami/*\n');
    assert.deepEqual(readBulkheadConfig(text), { layer: { trustedRegistries: ['docker.io/bitnami/*'] }, problems: [] });
  });

  it('a block list: a new last item at its indentation, comments and entries kept', () => {
    const before = '# team config\nrules:\n  sudo: off\ntrustedRegistries:\n  # our registry\n  - registry.example.com/*   # vetted 2026\n  - quay.io/acme/*\n# the end\nignorePaths:\n- vendor/\n';
    assert.equal(after(before, 'docker.io/bitnami/*'), '# team config\nrules:\n  sudo: off\ntrustedRegistries:\n  # our registry\n  - registry.example.com/*   # vetted 2026\n  - quay.io/acme/*\n  - docker.io/bitnami/*\n# the end\nignorePaths:\n- vendor/\n');
    assert.equal(after('trustedRegistries:\n- "quay.io/acme/*"\n', 'docker.io/bitnami/*'), 'trustedRegistries:\n- "quay.io/acme/*"\n- "docker.io/bitnami/*"\n');
    assert.equal(after('trustedRegistries:\r\n  - quay.io/acme/*\r\n', 'docker.io/bitnami/*'), 'trustedRegistries:\r\n  - quay.io/acme/*\r\n  - docker.io/bitnami/*\r\n');
  });

  it('a flow list: inserted before the bracket, quoted like the items', () => {
    assert.equal(after('trustedRegistries: [quay.io/acme/*, ghcr.io/acme/*]  # vetted\n', 'docker.io/bitnami/*'), 'trustedRegistries: [quay.io/acme/*, ghcr.io/acme/*, docker.io/bitnami/*]  # vetted\n');
    assert.equal(after("trustedRegistries: ['quay.io/acme/*', \"ghcr.io/acme/*\"]\n", 'docker.io/bitnami/*'), "trustedRegistries: ['quay.io/acme/*', \"ghcr.io/acme/*\", \"docker.io/bitnami/*\"]\n");
    assert.equal(after('trustedRegistries: []\n', 'docker.io/bitnami/*'), 'trustedRegistries: [docker.io/bitnami/*]\n');
    assert.equal(after('{\n  "trustedRegistries": ["quay.io/acme/*"]\n}\n', 'docker.io/bitnami/*'), '{\n  "trustedRegistries": ["quay.io/acme/*", "docker.io/bitnami/*"]\n}\n');
  });

  it('no trustedRegistries key: added at the end, in the file\'s list indentation', () => {
    assert.equal(after('# config\nrules:\n  sudo: off\n', 'docker.io/bitnami/*'), '# config\nrules:\n  sudo: off\ntrustedRegistries:\n  - docker.io/bitnami/*\n');
    assert.equal(after('ignorePaths:\n- vendor/\nrules: {sudo: off}', 'docker.io/bitnami/*'), 'ignorePaths:\n- vendor/\nrules: {sudo: off}\ntrustedRegistries:\n- docker.io/bitnami/*\n');
    assert.equal(after('trustedRegistries:\nrules: {}\n', 'docker.io/bitnami/*'), 'trustedRegistries:\n  - docker.io/bitnami/*\nrules: {}\n');
    assert.equal(after('# only a comment\n', 'docker.io/bitnami/*'), '# only a comment\ntrustedRegistries:\n  - docker.io/bitnami/*\n');
    assert.equal(after('{"rules": {"sudo": "off"}}\n', 'docker.io/bitnami/*'), '{"rules": {"sudo": "off"}, "trustedRegistries": ["docker.io/bitnami/*"]}\n');
  });

  it('nothing to do, or nothing safe to do', () => {
    assert.equal(addTrustedRegistry('trustedRegistries: [docker.io/bitnami/*]\n', 'docker.io/bitnami/*'), undefined, 'already listed');
    assert.equal(addTrustedRegistry('trustedRegistries: [a\n', 'docker.io/bitnami/*'), undefined, 'does not parse');
    assert.equal(addTrustedRegistry('- a\n', 'docker.io/bitnami/*'), undefined, 'not a mapping');
    assert.equal(addTrustedRegistry('trustedRegistries: quay.io\n', 'docker.io/bitnami/*'), undefined, 'not a list (an invalid config)');
  });
});

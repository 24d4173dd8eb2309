import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPseudoImage, isUnpinned, parseImageReference } from '../../../server/src/engine/image/image-reference';
import { parseDockerfile } from '../../../server/src/engine/dockerfile/model';

function parts(text: string) {
  const r = parseImageReference(text);
  return r && { registry: r.registry, path: r.path, tag: r.tag, digest: r.digest, name: r.name };
}

describe('parseImageReference', () => {
  it('normalises Docker Hub names', () => {
    assert.deepEqual(parts('nginx'), { registry: 'docker.io', path: 'library/nginx', tag: undefined, digest: undefined, name: 'docker.io/library/nginx' });
    assert.deepEqual(parts('bitnami/redis:7.2')?.name, 'docker.io/bitnami/redis');
    assert.equal(parts('docker.io/nginx:1')?.name, 'docker.io/library/nginx');
    assert.equal(parts('index.docker.io/library/nginx')?.name, 'docker.io/library/nginx');
    assert.equal(parts('registry-1.docker.io/bitnami/redis')?.name, 'docker.io/bitnami/redis');
  });
  it('recognises registries by a dot, a port or localhost', () => {
    assert.deepEqual(parts('localhost:5000/x'), { registry: 'localhost:5000', path: 'x', tag: undefined, digest: undefined, name: 'localhost:5000/x' });
    assert.deepEqual(parts('localhost/x:1')?.registry, 'localhost');
    assert.deepEqual(parts('registry.example.com:8443/team/app:2.1'), { registry: 'registry.example.com:8443', path: 'team/app', tag: '2.1', digest: undefined, name: 'registry.example.com:8443/team/app' });
    assert.equal(parts('gcr.io/distroless/static-debian12:nonroot')?.path, 'distroless/static-debian12');
    assert.equal(parts('myhost/app')?.registry, 'docker.io', 'no dot, no port: a Docker Hub namespace');
  });
  it('reads tags and digests, with offsets into the text', () => {
    const r = parseImageReference('nginx:1.25@sha256:abcd')!;
    assert.equal(r.tag, '1.25');
    assert.equal(r.digest, 'sha256:abcd');
    assert.equal('nginx:1.25@sha256:abcd'.slice(r.tagOffset, r.tagOffset! + 4), '1.25');
    assert.equal('nginx:1.25@sha256:abcd'.slice(r.digestOffset), 'sha256:abcd');
    assert.equal(parseImageReference('nginx@sha256:abcd')?.tag, undefined);
  });
  it('rejects what is not a reference', () => {
    for (const bad of ['', '   ', 'a b', '$BASE', '${BASE}:1', '{{ .Values.image }}', '/x', 'x/']) assert.equal(parseImageReference(bad), null, bad);
  });
  it('isUnpinned: no tag or latest, unless a digest pins it', () => {
    assert.equal(isUnpinned(parseImageReference('nginx')!), true);
    assert.equal(isUnpinned(parseImageReference('nginx:latest')!), true);
    assert.equal(isUnpinned(parseImageReference('nginx:latest@sha256:abcd')!), false);
    assert.equal(isUnpinned(parseImageReference('localhost:5000/x')!), true);
    assert.equal(isUnpinned(parseImageReference('nginx:1.27')!), false);
  });
  it('scratch is a pseudo image', () => {
    assert.equal(isPseudoImage('scratch'), true);
    assert.equal(isPseudoImage('SCRATCH '), true);
    assert.equal(isPseudoImage('scratchy'), false);
  });
});

describe('FROM resolution in the Dockerfile model', () => {
  const stages = (text: string) => parseDockerfile(text).stages.map((s) => ({ text: s.imageText, name: s.image?.name, tag: s.image?.tag, base: s.baseStage?.index }));
  it('resolves global ARG defaults, ${VAR:-x}, ${VAR-x}, chained ARGs', () => {
    assert.deepEqual(stages('ARG BASE=node:20\nFROM ${BASE}\n'), [{ text: 'node:20', name: 'docker.io/library/node', tag: '20', base: undefined }]);
    assert.deepEqual(stages('ARG TAG\nFROM alpine:${TAG:-3.20}\n')[0].tag, '3.20');
    assert.deepEqual(stages('ARG REG=ghcr.io\nARG IMG=$REG/acme/app\nFROM $IMG:1\n')[0].name, 'ghcr.io/acme/app');
    assert.deepEqual(stages('ARG TAG=\nFROM alpine:${TAG}\n')[0].text, undefined, 'an empty default is unknown');
    assert.deepEqual(stages('FROM alpine:$UNSET\n')[0].text, undefined);
  });
  it('build-stage names and scratch are not images', () => {
    assert.deepEqual(stages('FROM golang:1.22 AS Build\nFROM build\nFROM scratch\n'), [
      { text: 'golang:1.22', name: 'docker.io/library/golang', tag: '1.22', base: undefined },
      { text: 'build', name: undefined, tag: undefined, base: 0 },
      { text: 'scratch', name: undefined, tag: undefined, base: undefined },
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../../server/src/engine/image/image-reference';
import { DEFAULT_TRUSTED_REGISTRIES, isTrustedImage } from '../../../server/src/engine/image/trusted-registries';

const trusted = (image: string, patterns: readonly string[] = DEFAULT_TRUSTED_REGISTRIES) => isTrustedImage(parseImageReference(image)!, patterns);

describe('isTrustedImage', () => {
  it('trusts the defaults', () => {
    for (const image of ['nginx', 'nginx:1.27', 'docker.io/library/node:20', 'gcr.io/distroless/static', 'gcr.io/distroless/cc-debian12:nonroot', 'mcr.microsoft.com/dotnet/runtime:8.0', 'registry.k8s.io/pause:3.9', 'cgr.dev/chainguard/static', 'public.ecr.aws/docker/library/node:20', 'arm64v8/alpine:3.20', 'amd64/buildpack-deps:noble-curl']) {
      assert.equal(trusted(image), true, image);
    }
  });
  it('matches whole path segments only', () => {
    for (const image of ['gcr.io/distroless-evil/x', 'gcr.io/distroless', 'bitnami/redis', 'docker.io/libraryx/nginx', 'mcr.microsoft.com.evil.io/x', 'cgr.dev/chainguard-x/static', 'public.ecr.aws/docker/other/x', 'arm64v9/alpine', 'docker.io/amd64x/alpine']) {
      assert.equal(trusted(image), false, image);
    }
  });
  it('reads user patterns: prefixes, Docker Hub paths, ports, one-segment and host globs', () => {
    assert.equal(trusted('quay.io/org/app:1', ['quay.io']), true);
    assert.equal(trusted('bitnami/redis', ['bitnami']), true, 'a hostless pattern is a Docker Hub path');
    assert.equal(trusted('bitnami/redis', ['docker.io/bitnami/*']), true);
    assert.equal(trusted('docker.io/bitnamilabs/redis', ['bitnami']), false);
    assert.equal(trusted('localhost:5000/x', ['localhost:5000/*']), true);
    assert.equal(trusted('localhost:5001/x', ['localhost:5000/*']), false);
    assert.equal(trusted('ghcr.io/acme/api/server', ['ghcr.io/*/api']), true);
    assert.equal(trusted('ghcr.io/acme/web/server', ['ghcr.io/*/api']), false);
    assert.equal(trusted('eu.gcr.io/proj/x', ['*.gcr.io/proj/*']), true);
    assert.equal(trusted('index.docker.io/library/nginx', ['index.docker.io/library/*']), true);
    assert.equal(trusted('Quay.IO/Org/app', ['quay.io/org/*']), true, 'case-insensitive');
  });
  it('a trailing * needs at least one more segment', () => {
    assert.equal(trusted('quay.io/org', ['quay.io/org/*']), false);
    assert.equal(trusted('quay.io/org/a/b/c', ['quay.io/org/*']), true);
  });
  it('an empty list trusts nothing', () => {
    assert.equal(trusted('nginx', []), false);
  });
});

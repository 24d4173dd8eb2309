/**
 * One normalised form for container image references, shared by the Dockerfile, Compose and
 * Kubernetes rules, following Docker's own normalisation (distribution/reference):
 * `nginx` is `docker.io/library/nginx:latest`, `bitnami/redis` is `docker.io/bitnami/redis`,
 * and the first path component is a registry only when it looks like a host (has a `.` or a
 * `:`, or is `localhost`).
 */
export interface ImageReference {
  /** The text as written (after variable resolution). */
  raw: string;
  registry: string;
  /** Repository path below the registry, e.g. `library/nginx` or `distroless/static`. */
  path: string;
  tag?: string;
  digest?: string;
  /** `registry/path`, e.g. `docker.io/library/nginx`. */
  name: string;
  /** Character offsets of the tag and digest within `raw` (for precise diagnostic ranges). */
  tagOffset?: number;
  digestOffset?: number;
}

const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_REGISTRIES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** True when the text still contains an unresolved variable, so nothing reliable can be said. */
export function hasUnresolvedVariable(raw: string): boolean {
  return raw.includes('$') || raw.includes('{{');
}

export function parseImageReference(input: string): ImageReference | null {
  const raw = input.trim();
  if (raw === '' || /\s/.test(raw) || hasUnresolvedVariable(raw)) return null;

  let rest = raw;
  let digest: string | undefined;
  let digestOffset: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestOffset = at + 1;
    rest = rest.slice(0, at);
    if (digest === '') digest = undefined;
  }

  let tag: string | undefined;
  let tagOffset: number | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    tagOffset = colon + 1;
    rest = rest.slice(0, colon);
    if (tag === '') tag = undefined;
  }
  if (rest === '' || rest.startsWith('/') || rest.endsWith('/')) return null;

  const parts = rest.split('/');
  let registry = DEFAULT_REGISTRY;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!.toLowerCase();
    if (LEGACY_REGISTRIES.has(registry)) registry = DEFAULT_REGISTRY;
  }
  if (registry === DEFAULT_REGISTRY && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  return { raw, registry, path, tag, digest, name: `${registry}/${path}`, tagOffset, digestOffset };
}

/** A tag that pins nothing: absent or `latest`, with no digest. */
export function isUnpinned(ref: ImageReference): boolean {
  if (ref.digest) return false;
  return ref.tag === undefined || ref.tag === 'latest';
}

/** Images that are not pulled from anywhere. */
export function isPseudoImage(raw: string): boolean {
  return raw.trim().toLowerCase() === 'scratch';
}

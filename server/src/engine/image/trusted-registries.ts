import type { ImageReference } from './image-reference';

/** Trusted by default: Docker Official Images and the big vendors' curated minimal images. */
export const DEFAULT_TRUSTED_REGISTRIES: readonly string[] = [
  'docker.io/library/*',
  // The per-architecture namespaces of the same Docker Official Images (`arm64v8/alpine`), built
  // and published by the Official Images program from the same sources.
  ...['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'mips64le', 'ppc64le', 'riscv64', 's390x', 'windows-amd64'].map((arch) => `docker.io/${arch}/*`),
  'gcr.io/distroless/*',
  'mcr.microsoft.com/*',
  'registry.k8s.io/*',
  'cgr.dev/chainguard/*',
  'public.ecr.aws/docker/library/*',
];

/**
 * Matches an image against trusted-registry patterns by whole path segments:
 * - `quay.io` or `docker.io/bitnami` trusts everything below that prefix;
 * - a trailing `*` matches one or more further segments (`gcr.io/distroless/*`);
 * - `*` elsewhere matches exactly one segment (`*.example.com` style host globs are also
 *   accepted in the first segment: `*` inside a segment matches any characters but `/`).
 * Patterns without a registry host (`library/*`, `bitnami`) are taken as Docker Hub paths,
 * the way Docker itself reads such names.
 */
export function isTrustedImage(ref: ImageReference, patterns: readonly string[]): boolean {
  const segments = ref.name.split('/');
  return patterns.some((pattern) => matchesPattern(segments, normalisePattern(pattern)));
}

function normalisePattern(pattern: string): string[] {
  const trimmed = pattern.trim().replace(/\/+$/, '');
  const parts = trimmed.split('/');
  const first = parts[0];
  const looksLikeHost = first.includes('.') || first.includes(':') || first === 'localhost' || first === '*';
  if (!looksLikeHost) return ['docker.io', ...parts];
  if (first === 'index.docker.io' || first === 'registry-1.docker.io') parts[0] = 'docker.io';
  return parts;
}

function matchesPattern(name: string[], pattern: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const isLast = i === pattern.length - 1;
    if (p === '*' && isLast) return name.length > i;
    if (i >= name.length) return false;
    if (!segmentMatches(name[i], p)) return false;
  }
  return true; // a pattern without trailing `*` trusts everything below it
}

function segmentMatches(segment: string, pattern: string): boolean {
  if (!pattern.includes('*')) return segment.toLowerCase() === pattern.toLowerCase();
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`).test(segment.toLowerCase());
}

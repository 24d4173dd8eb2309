import { EOL_TABLE, type EolProduct, type EolRelease } from './eol-table';
import type { ImageReference } from './image-reference';

/** An image tag that names a release past its end of life. */
export interface EolMatch {
  product: EolProduct;
  /** The release the tag names; undefined when the whole image is deprecated. */
  release?: EolRelease;
  /** `YYYY-MM-DD`: the release's end of life. */
  eol: string;
  /** True when the release is a distribution variant of the tag (`-buster`, `-alpine3.16`). */
  variant: boolean;
  /** Where the release is named inside the tag (UTF-16 offsets). */
  offset: number;
  length: number;
  /** What to write instead (the oldest supported newer release), when there is one. */
  replacement?: string;
  /** The release the replacement names. */
  replacementRelease?: EolRelease;
  /**
   * A distribution variant of the tag that is past its end of life too (`node:14-bullseye`): the
   * fix moves it as well, or the fixed tag would still be flagged.
   */
  variantUpdate?: EolMatch;
}

/** Registries that serve the Docker official images under their own path. */
const OFFICIAL_PATHS: Record<string, string> = { 'docker.io': 'library/', 'public.ecr.aws': 'docker/library/', 'mirror.gcr.io': 'library/' };

/** `today` as the table compares it: a UTC calendar date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function officialName(ref: ImageReference): string | undefined {
  const prefix = OFFICIAL_PATHS[ref.registry];
  if (!prefix || !ref.path.startsWith(prefix)) return undefined;
  const name = ref.path.slice(prefix.length);
  return name.includes('/') ? undefined : name;
}

function productFor(name: string): EolProduct | undefined {
  return EOL_TABLE.find((p) => p.images.includes(name));
}

function productNamed(name: string): EolProduct {
  return EOL_TABLE.find((p) => p.name === name)!;
}

function isPast(release: EolRelease, today: string): boolean {
  return release.eol !== null && release.eol <= today;
}

function components(version: string): number[] {
  return version.split('.').map(Number);
}

function compareCycles(a: string, b: string): number {
  const x = components(a);
  const y = components(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The oldest release newer than `current` that is still supported on `today`. */
export function oldestSupportedAfter(product: EolProduct, current: EolRelease, today: string): EolRelease | undefined {
  return product.releases
    .filter((r) => compareCycles(r.cycle, current.cycle) > 0 && !isPast(r, today))
    .sort((a, b) => compareCycles(a.cycle, b.cycle))[0];
}

interface Named {
  release: EolRelease;
  offset: number;
  length: number;
  alias: boolean;
}

/** The release a tag (or a part of it) names by version (`3.8.18`) or by alias (`focal`). */
function releaseNamedBy(product: EolProduct, text: string, offset: number): Named | undefined {
  const lower = text.toLowerCase();
  for (const release of product.releases) {
    for (const alias of release.aliases ?? []) {
      if (lower.startsWith(alias) && (lower.length === alias.length || /[-._]/.test(lower[alias.length]))) {
        return { release, offset, length: alias.length, alias: true };
      }
    }
  }
  const version = /^v?(\d+(?:\.\d+)*)/.exec(text);
  if (!version) return undefined;
  const parts = version[1].split('.');
  let best: EolRelease | undefined;
  for (const release of product.releases) {
    const cycle = release.cycle.split('.');
    if (cycle.length > parts.length) continue;
    if (cycle.every((c, i) => c === parts[i]) && (!best || cycle.length > best.cycle.split('.').length)) best = release;
  }
  if (!best) return undefined;
  const start = version[0].startsWith('v') ? 1 : 0;
  return { release: best, offset: offset + start, length: version[1].length, alias: false };
}

function replacementText(product: EolProduct, named: Named, today: string): { text: string; release: EolRelease } | undefined {
  const next = oldestSupportedAfter(product, named.release, today);
  if (!next) return undefined;
  return { text: named.alias && next.aliases?.length ? next.aliases[0] : next.cycle, release: next };
}

function matchOf(product: EolProduct, named: Named, today: string, variant: boolean, prefix = ''): EolMatch {
  const replacement = replacementText(product, named, today);
  return {
    product,
    release: named.release,
    eol: named.release.eol!,
    variant,
    offset: named.offset - prefix.length,
    length: named.length + prefix.length,
    replacement: replacement && `${prefix}${replacement.text}`,
    replacementRelease: replacement?.release,
  };
}

/** Distribution variants in a tag: `-buster`, `-slim-bullseye`, `-focal`, `-alpine3.16`. */
function variantMatch(tag: string, from: number, today: string): EolMatch | undefined {
  let offset = from;
  for (const token of tag.slice(from).split('-')) {
    const start = offset;
    offset += token.length + 1;
    if (token === '') continue;
    const alpine = /^alpine(\d+\.\d+)$/i.exec(token);
    if (alpine) {
      const product = productNamed('Alpine Linux');
      const named = releaseNamedBy(product, alpine[1], start + 'alpine'.length);
      if (named && isPast(named.release, today)) return matchOf(product, named, today, true, 'alpine');
      continue;
    }
    for (const name of ['Debian', 'Ubuntu']) {
      const product = productNamed(name);
      const lower = token.toLowerCase();
      const release = product.releases.find((r) => r.aliases?.includes(lower));
      if (release && isPast(release, today)) return matchOf(product, { release, offset: start, length: token.length, alias: true }, today, true);
    }
  }
  return undefined;
}

/**
 * Whether an image reference names a release past its end of life on `today` (`YYYY-MM-DD`):
 * its own release (`node:16`, `ubuntu:focal`, `python:3.8.18-slim`), or the distribution its
 * tag builds on (`python:3.12-slim-buster`, `node:22-alpine3.16`). Only Docker official images
 * are judged: other publishers' tags follow their own schemes.
 */
export function findEndOfLife(ref: ImageReference, today: string): EolMatch | undefined {
  const name = officialName(ref);
  const product = name ? productFor(name) : undefined;
  if (!name) return undefined;
  if (product?.deprecated) {
    if (product.deprecated.date > today) return undefined;
    return { product, eol: product.deprecated.date, variant: false, offset: 0, length: ref.tag?.length ?? 0 };
  }
  const tag = ref.tag;
  if (!tag) return undefined;
  let variantsFrom = 0;
  if (product) {
    const named = releaseNamedBy(product, tag, 0);
    if (named) {
      if (isPast(named.release, today)) {
        const match = matchOf(product, named, today, false);
        const variant = variantMatch(tag, named.offset + named.length, today);
        return variant ? { ...match, variantUpdate: variant } : match;
      }
      variantsFrom = named.offset + named.length;
    }
  }
  return variantMatch(tag, variantsFrom, today);
}

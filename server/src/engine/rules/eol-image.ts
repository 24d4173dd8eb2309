import type { Node } from 'yaml';
import { defineRule, type Report } from '../rule';
import { findEndOfLife, isoDay, type EolMatch } from '../image/eol';
import { parseImageReference, type ImageReference } from '../image/image-reference';
import { interpolate } from '../compose/interpolation';
import { serviceValue } from '../compose/model';
import type { YamlView } from '../yaml/view';
import type { LineIndex } from '../text/line-index';
import type { Fix, Range } from '../types';

/**
 * eol-image: a tag that names a release past its end of life, judged against the dated table in
 * `image/eol-table.ts` and today's date (`config.now` pins it in tests). The fix moves the tag to
 * the oldest still-supported newer release; it changes what the image runs, so it is offered
 * one by one and never applied by fix-all.
 */
export default defineRule({
  id: 'eol-image',
  title: 'Image release past its end of life',
  description: 'The image tag names a release (or a base distribution) that no longer gets security fixes: vulnerabilities found after its end of life stay open forever.',
  severity: 'warning',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: {},
  howToFix: 'Move to a supported release (the quick fix picks the oldest supported release newer than the current one), test, and keep the tag current; the table of end-of-life dates ships with Bulkhead and names its sources.',
  fixable: true,
  check: {
    dockerfile({ model, report, config }) {
      const today = isoDay(config.now ?? new Date());
      for (const stage of model.stages) {
        if (!stage.image || !stage.imageRange) continue;
        const match = findEndOfLife(stage.image, today);
        if (!match) continue;
        const written = stage.from.getImage() ?? '';
        const literal = written === stage.image.raw;
        const imageStart = model.lines.offsetAt(stage.imageRange.start);
        report(reportFor(stage.image, match, today, literal ? imageStart : undefined, stage.imageRange, model.lines));
      }
    },
    compose({ model, report, config }) {
      const { view, services } = model;
      const today = isoDay(config.now ?? new Date());
      for (const service of services) {
        const target = yamlImage(view, serviceValue(view, service, 'image'), true);
        if (!target) continue;
        const match = findEndOfLife(target.ref, today);
        if (match) report(reportFor(target.ref, match, today, target.start, target.range, view.lines));
      }
    },
    kubernetes({ model, report, config }) {
      const { view, objects } = model;
      const today = isoDay(config.now ?? new Date());
      for (const object of objects) {
        for (const pod of object.podSpecs) {
          for (const container of pod.containers) {
            const target = yamlImage(view, view.get(container.node, 'image'), false);
            if (!target) continue;
            const match = findEndOfLife(target.ref, today);
            if (match) report(reportFor(target.ref, match, today, target.start, target.range, view.lines));
          }
        }
      }
    },
  },
});

interface ImageTarget {
  ref: ImageReference;
  range: Range;
  /** Offset of the reference's first character in the document, when it is written literally. */
  start?: number;
}

function yamlImage(view: YamlView, node: Node | undefined, compose: boolean): ImageTarget | undefined {
  const written = view.string(node);
  const range = view.range(node);
  const offsets = (node as { range?: [number, number] } | undefined)?.range;
  if (written === undefined || !range || !offsets) return undefined;
  let text = written.trim();
  if (compose && text.includes('$')) {
    const result = interpolate(text);
    if (result.unresolved) return undefined;
    text = result.value;
  }
  const ref = parseImageReference(text);
  if (!ref) return undefined;
  const source = view.lines.text.slice(offsets[0], offsets[1]);
  const quote = source[0] === '"' || source[0] === "'" ? 1 : 0;
  const at = source.indexOf(ref.raw, quote);
  const literal = text === written.trim() && at >= 0;
  return { ref, range, start: literal ? offsets[0] + at : undefined };
}

function reportFor(ref: ImageReference, match: EolMatch, today: string, imageStart: number | undefined, imageRange: Range, lines: LineIndex): Report {
  const tagStart = imageStart !== undefined && ref.tagOffset !== undefined ? imageStart + ref.tagOffset : undefined;
  const range = tagStart !== undefined && ref.tag ? lines.rangeAt(tagStart + match.offset, tagStart + match.offset + match.length) : imageRange;
  return { range, message: messageFor(ref, match, today), fixes: fixesFor(match, tagStart, range, lines) };
}

function messageFor(ref: ImageReference, match: EolMatch, today: string): string {
  const when = match.eol === today ? 'today' : `on ${match.eol}`;
  if (!match.release) {
    const replacement = match.product.deprecated?.replacement;
    return `Image ${ref.raw}: the ${match.product.name} image is deprecated and stopped getting updates ${when}${replacement ? `; use ${replacement} instead` : ''}.`;
  }
  const release = `${match.product.name} ${match.release.cycle}${match.release.aliases?.length ? ` (${match.release.aliases[0]})` : ''}`;
  const what = match.variant ? `is built on ${release}, which` : `is ${release}, which`;
  const next = match.replacementRelease ? ` The oldest supported newer release is ${match.replacementRelease.cycle}.` : '';
  return `Image ${ref.raw} ${what} reached its end of life ${when}: it gets no more security fixes.${next}`;
}

function fixesFor(match: EolMatch, tagStart: number | undefined, range: Range, lines: LineIndex): Fix[] | undefined {
  if (tagStart === undefined || match.replacement === undefined || !match.replacementRelease) return undefined;
  const edits = [{ range, newText: match.replacement }];
  let title = `Update to ${releaseTitle(match)}`;
  // `node:14-bullseye`: Node.js 22 on bullseye would still be past its end of life; move both.
  const variant = match.variantUpdate;
  if (variant?.replacement !== undefined && variant.replacementRelease) {
    edits.push({ range: lines.rangeAt(tagStart + variant.offset, tagStart + variant.offset + variant.length), newText: variant.replacement });
    title += ` on ${releaseTitle(variant)}`;
  }
  return [{ title, edits, safe: false }];
}

function releaseTitle(match: EolMatch): string {
  const release = `${match.product.name} ${match.replacementRelease!.cycle}`;
  return match.replacement === match.replacementRelease!.cycle ? release : `${release} (${match.replacement})`;
}

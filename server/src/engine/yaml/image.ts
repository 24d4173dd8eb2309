import type { Node } from 'yaml';
import { parseImageReference, isPseudoImage, type ImageReference } from '../image/image-reference';
import { interpolate } from '../compose/interpolation';
import type { Range } from '../types';
import type { YamlView } from './view';

/** An image written in a Compose or Kubernetes document, read through the shared image-reference module. */
export interface YamlImage {
  /** The value as written (before interpolation). */
  written: string;
  /** Parsed reference; null when a variable without default decides it, or it is not an image. */
  ref: ImageReference | null;
  /** The whole value (quotes included). */
  range: Range;
  /** The tag alone, when it is written literally in the source (no variable, no escapes). */
  tagRange?: Range;
  /** True when the value went through Compose interpolation (`${IMAGE:-nginx:1.27}`). */
  interpolated: boolean;
}

/**
 * Reads an `image:` value. Compose values are interpolated first (a `${VAR:-default}` takes its
 * default; a variable without default leaves the reference unknown, and rules say nothing).
 */
export function readYamlImage(view: YamlView, node: Node | undefined, options: { compose: boolean }): YamlImage | undefined {
  const written = view.string(node);
  const range = view.range(node);
  if (written === undefined || !range || written.trim() === '') return undefined;
  let text = written;
  let interpolated = false;
  if (options.compose && written.includes('$')) {
    const result = interpolate(written);
    interpolated = result.hasReference;
    text = result.unresolved ? '' : result.value;
  }
  const ref = text === '' || isPseudoImage(text) ? null : parseImageReference(text);
  let tagRange: Range | undefined;
  const offsets = (node as { range?: [number, number] }).range;
  if (ref?.tag !== undefined && ref.tagOffset !== undefined && !interpolated && offsets) {
    const source = view.lines.text.slice(offsets[0], offsets[1]);
    const quote = source[0] === '"' || source[0] === "'" ? 1 : 0;
    const leading = written.length - written.trimStart().length;
    if (source.slice(quote, quote + written.length) === written) {
      const start = offsets[0] + quote + leading + ref.tagOffset;
      tagRange = view.lines.rangeAt(start, start + ref.tag.length);
    }
  }
  return { written, ref, range, tagRange, interpolated };
}

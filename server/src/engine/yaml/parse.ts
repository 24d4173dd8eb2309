import { parseDocument, type Document } from 'yaml';
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { LIMITS, type Limits } from '../limits';
import { yamlShapeProblem } from './guard';
import type { YamlSegment } from './segments';
import { YamlView } from './view';

export interface YamlParseError {
  message: string;
  range: Range;
}

export interface ParsedYaml {
  segment: YamlSegment;
  /** Positions are relative to the segment (line 0 = the segment's first line). */
  lines: LineIndex;
  doc: Document.Parsed;
  view: YamlView;
  errors: YamlParseError[];
  /** Set when the document was not parsed because of its shape (see guard.ts); `doc` is then empty. */
  skipped?: string;
}

export function parseYamlSegment(segment: YamlSegment, limits: Limits = LIMITS): ParsedYaml {
  const lines = new LineIndex(segment.text);
  const skipped = yamlShapeProblem(segment.text, limits);
  if (skipped) {
    const empty = parseDocument('');
    return { segment, lines, doc: empty, view: new YamlView(empty, lines), errors: [], skipped };
  }
  // Positions come from our own LineIndex (offsets → line/character), so no yaml LineCounter.
  const doc = parseDocument(segment.text, {
    prettyErrors: false,
    uniqueKeys: false,
    strict: false,
    merge: true,
    keepSourceTokens: false,
  });
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], range: lines.rangeAt(e.pos[0], e.pos[1]) }));
  return { segment, lines, doc, view: new YamlView(doc, lines), errors };
}

/**
 * Splits a YAML stream into its documents at `---` marker lines, before parsing, so that each
 * document can be parsed, classified and analysed on its own: a broken document does not hide
 * findings in the others, and an edit re-analyses only the document it touched.
 *
 * A `---` at column 0 always starts a document: block scalars are indented and so cannot hold one.
 */
export interface YamlSegment {
  /** 0-based position of the document in the file. */
  index: number;
  text: string;
  startOffset: number;
  startLine: number;
}

// `---` then a space, a tab or the end of the line (CRLF files end it with `\r`).
const MARKER = /^---(?:[ \t\r]|$)/;

export function splitYamlDocuments(text: string): YamlSegment[] {
  const segments: YamlSegment[] = [];
  let segmentStart = 0;
  let segmentLine = 0;
  let line = 0;
  let offset = 0;
  let sawContent = false;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const isMarker = text.startsWith('---', offset) && MARKER.test(text.slice(offset, Math.min(lineEnd, offset + 4)));
    if (isMarker && (sawContent || offset > segmentStart)) {
      segments.push({ index: segments.length, text: text.slice(segmentStart, offset), startOffset: segmentStart, startLine: segmentLine });
      segmentStart = offset;
      segmentLine = line;
      sawContent = false;
    }
    if (!isMarker && hasContent(text, offset, lineEnd)) sawContent = true;
    if (newline < 0) break;
    offset = newline + 1;
    line++;
  }
  segments.push({ index: segments.length, text: text.slice(segmentStart), startOffset: segmentStart, startLine: segmentLine });
  // A stream that starts with `---` would otherwise begin with an empty document.
  return segments.filter((s, i) => i === segments.length - 1 || s.text.trim() !== '' || segments.length === 1)
    .map((s, i) => ({ ...s, index: i }));
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '#') return false;
    if (c !== ' ' && c !== '\t' && c !== '\r') return true;
  }
  return false;
}

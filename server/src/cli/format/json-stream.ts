/**
 * JSON written piece by piece, byte for byte as `JSON.stringify(value, null, 2)` would write it.
 *
 * A report of tens of thousands of findings built as one object tree and one string needs about
 * twice the memory of the findings themselves at the moment it is written (the 10× corpus audit's
 * RSS doubled while its report was produced). Arrays wrapped in `StreamedArray` are produced
 * lazily, one element at a time, so only one element's object and text exist at once.
 */
export class StreamedArray {
  /** `items` yields plain JSON data (no StreamedArray inside): each is written with JSON.stringify. */
  constructor(readonly items: () => Iterable<unknown>) {}
}

export function* streamJson(value: unknown, indent = ''): Generator<string> {
  if (value instanceof StreamedArray) {
    let first = true;
    for (const item of value.items()) {
      yield `${first ? '[\n' : ',\n'}${indent}  ${stringify(item, `${indent}  `)}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (!containsStreamed(value)) {
    yield stringify(value, indent);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield `${indent}  `;
      yield* streamJson(value[i] ?? null, `${indent}  `);
      yield i < value.length - 1 ? ',\n' : `\n${indent}]`;
    }
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return yield '{}';
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    yield `${indent}  ${JSON.stringify(key)}: `;
    yield* streamJson(v, `${indent}  `);
    yield i < entries.length - 1 ? ',\n' : `\n${indent}}`;
  }
}

/** JSON.stringify(value, null, 2), its lines indented to sit at `indent`. */
function stringify(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** True when a StreamedArray sits somewhere inside (only the small skeleton around one is walked). */
function containsStreamed(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  if (Array.isArray(value)) return value.some(containsStreamed);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsStreamed);
  return false;
}

/** The whole text, for callers that want a string (tests, the editor's export). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}

/**
 * A linear pre-scan of one YAML document, run before the parser sees it, that refuses the shapes
 * that make YAML parsers slow or crash: deep nesting (the parser recurses; 1,000 nested `[` blow
 * its stack) and very many aliases (each alias costs the parser and every lookup through it).
 *
 * It is deliberately approximate and errs towards counting too much: it knows quotes, comments
 * and block scalars (whose text is data, not structure), which is all that real manifests need to
 * stay far below the limits. It never allocates per character and never backtracks.
 */
export interface YamlShapeLimits {
  maxYamlNesting: number;
  maxYamlAliases: number;
}

export function yamlShapeProblem(text: string, limits: YamlShapeLimits): string | undefined {
  let flowDepth = 0;
  let aliases = 0;
  const indents: number[] = [];
  /** Lines indented deeper than this belong to a block scalar (`|` or `>`); -1 when none. */
  let blockScalarParent = -1;
  let quote: '"' | "'" | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '\r' || (text[i] === '#' && !quote);
    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarParent = -1;
    if (!blank && !quote && flowDepth === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let lastSignificant = '';
    for (; i < lineEnd; i++) {
      const c = text[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'") quote = undefined; // '' (an escaped quote) closes and reopens: same result
        continue;
      }
      const previous = i > lineStart ? text[i - 1] : ' ';
      const atTokenStart = previous === ' ' || previous === '\t' || previous === '[' || previous === '{' || previous === ',' || previous === ':';
      if (c === '#' && (previous === ' ' || previous === '\t' || i === lineStart)) break;
      if (c === '"' || c === "'") {
        if (atTokenStart) quote = c;
      } else if (c === '[' || c === '{') {
        flowDepth++;
        if (indents.length + flowDepth > limits.maxYamlNesting) return `it is nested more than ${limits.maxYamlNesting} levels deep`;
      } else if (c === ']' || c === '}') {
        if (flowDepth > 0) flowDepth--;
      } else if (c === '-' && atTokenStart && (i + 1 >= lineEnd || text[i + 1] === ' ')) {
        // `- - - x`: every dash on a line opens one more level.
        if (flowDepth === 0) indents.push(i - lineStart + 1);
      } else if (c === '*' && atTokenStart && i + 1 < lineEnd && text[i + 1] !== ' ') {
        if (++aliases > limits.maxYamlAliases) return `it uses more than ${limits.maxYamlAliases} aliases (*name)`;
      }
      if (c !== ' ' && c !== '\t' && c !== '\r') lastSignificant = c;
    }
    if (indents.length + flowDepth > limits.maxYamlNesting) return `it is nested more than ${limits.maxYamlNesting} levels deep`;
    if (!quote && flowDepth === 0 && (lastSignificant === '|' || lastSignificant === '>' || /[|>][0-9+-]{0,2}\s*(?:#.*)?$/.test(lineTail(text, lineStart, lineEnd)))) {
      blockScalarParent = indent;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The last 40 characters of a line: enough to see a block scalar header (`key: |-  # note`). */
function lineTail(text: string, start: number, end: number): string {
  return text.slice(Math.max(start, end - 40), end);
}

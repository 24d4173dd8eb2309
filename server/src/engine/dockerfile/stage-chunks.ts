import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../text/line-index';
import './argument-memo';

/**
 * Incremental Dockerfile parsing: the text is cut into chunks at `FROM` lines, and long stages at
 * instruction boundaries, and each chunk is parsed by dockerfile-ast on its own, so an edit
 * re-parses only the chunk it touched and reuses the instructions of the others (dockerfile-ast
 * instructions do not depend on each other for anything the model and rules read).
 *
 * A chunk is parsed as the file's parser-directive lines, then blank lines up to the chunk's
 * first line, then the chunk's text: every position dockerfile-ast reports is the same as in a
 * parse of the whole file, so rules see identical ranges. Chunks are cached by that padded
 * text's identity (directives, first line, text); a chunk whose first line moved is re-parsed.
 *
 * The cut is conservative: only at a line that starts an instruction, i.e. whose previous
 * instruction line does not end with the escape character (a continuation, possibly across
 * comment and blank lines), and never inside a heredoc body (open until its exact delimiter
 * line; an unreadable `<<` stops all further cuts).
 * Anything unusual (a BOM, lone CR line breaks, directives that parse differently) falls back
 * to one parse of the whole file.
 */

export interface ParsedChunk {
  startLine: number;
  startOffset: number;
  text: string;
  ast: Dockerfile;
  instructions: Instruction[];
}

export interface ChunkedParse {
  /** The first chunk's AST: parser directives, escape character and global ARGs. */
  head: Dockerfile;
  escapeChar: string;
  chunks: ParsedChunk[];
  instructions: Instruction[];
}

/** Chunk ASTs of the previous version(s) of one document, keyed by directives + first line + text. */
export class ChunkCache {
  entries = new Map<string, ParsedChunk>();
}

const FROM_LINE = /^from(?:[ \t]|$)/i;
/** Long stages are cut further, at an instruction boundary once a chunk has this many lines. */
const MIN_CHUNK_LINES = 24;

/** Returns undefined when the text cannot be cut safely (the caller parses it whole). */
export function parseInChunks(text: string, lines: LineIndex, cache: ChunkCache): ChunkedParse | undefined {
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const assumedEscape = leadingEscape(text);
  const starts = chunkStarts(text, lines, assumedEscape);
  if (starts.length === 1) return undefined;

  const next = new Map<string, ParsedChunk>();
  const chunks: ParsedChunk[] = [];
  let directivePrefix = '';
  let head: Dockerfile | undefined;
  let escapeChar = '\\';
  for (let i = 0; i < starts.length; i++) {
    const startLine = starts[i];
    const startOffset = lines.lineStart(startLine);
    const endOffset = i + 1 < starts.length ? lines.lineStart(starts[i + 1]) : text.length;
    const chunkText = text.slice(startOffset, endOffset);
    const key = `${startLine}\u0000${directivePrefix}\u0000${chunkText}`;
    let chunk = cache.entries.get(key) ?? next.get(key);
    if (!chunk) {
      const padded = i === 0 ? chunkText : directivePrefix + '\n'.repeat(startLine - lineCountOf(directivePrefix)) + chunkText;
      const ast = DockerfileParser.parse(padded);
      if (i > 0 && (ast.getDirectives().length !== head!.getDirectives().length || ast.getEscapeCharacter() !== escapeChar)) return undefined;
      chunk = { startLine, startOffset, text: chunkText, ast, instructions: ast.getInstructions() };
    } else if (chunk.startOffset !== startOffset) {
      chunk = { ...chunk, startOffset };
    }
    next.set(key, chunk);
    chunks.push(chunk);
    if (i === 0) {
      head = chunk.ast;
      escapeChar = head.getEscapeCharacter();
      if (escapeChar !== assumedEscape) return undefined;
      const directives = head.getDirectives().length;
      directivePrefix = text.slice(0, directives > 0 ? lines.lineStart(directives) : 0);
      // The directives must be whole lines before the second chunk.
      if (directives > 0 && (directives >= starts[1] || !directivePrefix.endsWith('\n'))) return undefined;
    }
  }
  cache.entries = next;
  return { head: head!, escapeChar, chunks, instructions: chunks.flatMap((c) => c.instructions) };
}

function lineCountOf(prefix: string): number {
  let count = 0;
  for (let i = prefix.indexOf('\n'); i >= 0; i = prefix.indexOf('\n', i + 1)) count++;
  return count;
}

/** `# escape=`` ` among the leading comment lines; the first chunk's parse confirms it. */
function leadingEscape(text: string): string {
  const match = /^(?:[ \t]*#[^\n]*\n)*?[ \t]*#[ \t]*escape[ \t]*=[ \t]*(\S)/i.exec(text);
  return match && match[1] === '`' ? '`' : '\\';
}

/** First lines of the chunks: line 0, then (after the first FROM) every FROM line and, in long stages, instruction lines it is safe to cut at. */
export function chunkStarts(text: string, lines: LineIndex, escapeChar: string): number[] {
  const starts = [0];
  let seenFrom = false;
  /** The last line that holds instruction text (not blank, not a comment) ends with the escape character. */
  let continued = false;
  /** Heredoc delimiters still open, in order; their bodies are never cut. */
  const open: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (open.length > 0) {
      // Only an exact delimiter line closes a body here: stricter than any parser, so never a cut too early.
      if (text.slice(start, end) === open[0]) open.shift();
      continue;
    }
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (first === end || text.charCodeAt(first) === 35 /* # */) continue;
    // Not continued and not in a heredoc body: this line starts an instruction.
    if (!continued) {
      const isFrom = FROM_LINE.test(text.slice(first, Math.min(end, first + 5)));
      if (seenFrom && (isFrom || line - starts[starts.length - 1] >= MIN_CHUNK_LINES)) starts.push(line);
      if (isFrom) seenFrom = true;
    }
    const lineText = text.slice(start, end);
    if (lineText.includes('<<')) {
      for (const m of lineText.matchAll(HEREDOC)) open.push(m[2] ?? m[3] ?? '');
      // A `<<` we cannot read as a delimiter may still open a body: cut nowhere after it.
      if (!HEREDOC_ONLY.test(lineText)) open.push('\u0000never');
    }
    let last = end - 1;
    while (last >= first && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
    continued = text[last] === escapeChar;
  }
  return starts;
}

const HEREDOC = /<<-?[ \t]*(?:(["'])([^"'\s]+)\1|([A-Za-z0-9_.\-]+))/g;
/** Every `<<` of the line is a heredoc marker HEREDOC reads. */
const HEREDOC_ONLY = /^(?:[^<]|<(?!<)|<<-?[ \t]*(?:(["'])[^"'\s]+\1|[A-Za-z0-9_.\-]+))*$/;

import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../types';
import type { DockerfileModel } from './model';
import type { ShellCommand, ShellWord } from './shell';

/**
 * Text edits on a Dockerfile that keep its layout: line continuations (with the file's escape
 * character), the indentation of continued lines, and the line-break style.
 */

export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isLineBreakAt(text: string, i: number): boolean {
  return i >= text.length || text[i] === '\n' || text[i] === '\r';
}

/** Offset just past `i`'s line break (or the end of the text). */
function nextLineStart(text: string, i: number): number {
  let j = i;
  while (j < text.length && text[j] !== '\n') j++;
  return Math.min(j + 1, text.length);
}

/** True when a RUN (or other instruction) is written in exec (JSON) form. */
export function isExecForm(model: DockerfileModel, instruction: Instruction): boolean {
  const args = instruction.getArgumentsRange();
  if (!args) return false;
  const text = model.text.slice(model.offsetAt(args.start), model.offsetAt(args.end));
  return /^\s*\[/.test(text.replace(/^--\S+\s+/g, ''));
}

/** After `i` (skipping blanks): the escape character that continues the instruction on the next line. */
function continuationAfter(model: DockerfileModel, i: number): boolean {
  const { text, escapeChar } = model;
  let j = i;
  while (isBlank(text[j])) j++;
  if (text[j] !== escapeChar) return false;
  j++;
  while (isBlank(text[j])) j++;
  return isLineBreakAt(text, j) && j < text.length;
}

/**
 * Removes one shell word from a command, with the whitespace that separated it, so the command
 * stays valid: a word alone on a continued line takes the whole line; the last word of a continued
 * instruction takes the continuation before it. Exec-form (JSON) RUNs are not edited (undefined).
 */
export function removeShellWord(model: DockerfileModel, run: Instruction, word: ShellWord, last: ShellWord = word): TextEdit | undefined {
  if (isExecForm(model, run) && !insideScriptString(model, run, word)) return undefined;
  const { text, lines } = model;
  const s = word.start;
  const e = last.end;
  let i = s;
  while (i > 0 && isBlank(text[i - 1])) i--;
  let j = e;
  while (isBlank(text[j])) j++;
  const line = lines.positionAt(s).line;
  const lineStart = lines.lineStart(line);
  const atLineStart = i === lineStart;
  if (atLineStart && continuationAfter(model, e)) return edit(model, lineStart, nextLineStart(text, e));
  if (atLineStart && (isLineBreakAt(text, j) || /[&|;)]/.test(text[j]))) {
    // The command's last word at the start of a continued line: drop the continuation that led to it
    // (`curl \⏎    tcpdump && \` → `curl && \`).
    let p = lineStart - 1;
    if (text[p - 1] === '\r') p--;
    while (p > 0 && isBlank(text[p - 1])) p--;
    if (text[p - 1] !== model.escapeChar) return undefined;
    p--;
    while (p > 0 && isBlank(text[p - 1])) p--;
    return edit(model, p, e);
  }
  if (j > e && !isLineBreakAt(text, j) && !continuationAfter(model, e)) return edit(model, s, j);
  if (i < s) return edit(model, i, e);
  return j > e ? edit(model, s, j) : undefined;
}

/** A word inside the `sh -c "…"` string of an exec-form RUN (plain shell text there). */
function insideScriptString(model: DockerfileModel, _run: Instruction, word: ShellWord): boolean {
  const raw = model.text.slice(word.start, word.end);
  return !raw.startsWith('"') && !raw.endsWith(',');
}

function edit(model: DockerfileModel, start: number, end: number, newText = ''): TextEdit {
  return { range: model.lines.rangeAt(start, end), newText };
}

/** Inserts ` <flag>` right after a word (`install` → `install --no-install-recommends`); in exec form `, "<flag>"`. */
export function insertAfterWord(model: DockerfileModel, run: Instruction, word: ShellWord, flag: string): TextEdit {
  const raw = model.text.slice(word.start, word.end);
  if (isExecForm(model, run) && raw.startsWith('"')) return edit(model, word.end, word.end, `, "${flag}"`);
  return edit(model, word.end, word.end, ` ${flag}`);
}

/** Replaces a word's text. */
export function replaceRange(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Removes whole instructions (with their continuation lines and line break). */
export function removeInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const start = model.lines.lineStart(range.start.line);
  const end = nextLineStart(model.text, model.offsetAt(range.end));
  return edit(model, start, end);
}

/**
 * Appends a command to the end of a shell-form RUN, in the RUN's own style: on the same line with
 * `&&` for a one-line RUN; for a continued RUN, on a new continued line with the last line's
 * indentation and the file's operator style (`&& \` at line ends, `\` + `&& ` at line starts, or
 * `; \`). Undefined for exec-form and heredoc RUNs and when the RUN ends in a shell comment.
 */
export function appendToRun(model: DockerfileModel, run: Instruction, commands: ShellCommand[], command: string): TextEdit | undefined {
  if (isExecForm(model, run)) return undefined;
  const { text, lines, escapeChar } = model;
  const range = run.getRange();
  let end = model.offsetAt(range.end);
  const argsText = text.slice(model.offsetAt(range.start), end);
  if (argsText.includes('<<')) return undefined;
  const top = commands.filter((c) => !c.nested && !c.substitution);
  const last = top[top.length - 1];
  if (!last || text.slice(last.end, end).includes('#')) return undefined;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (text[end - 1] === '&' || text[end - 1] === '|' || text[end - 1] === escapeChar) return undefined;
  const endsWithSemicolon = text[end - 1] === ';';
  const joiner = endsWithSemicolon ? ' ' : ' && ';
  if (range.start.line === lines.positionAt(end).line) return edit(model, end, end, `${joiner}${command}`);
  const lastLine = lines.positionAt(end).line;
  const lastText = lines.lineText(lastLine);
  const indent = /^[ \t]*/.exec(lastText)![0];
  const previous = trimEndWhile(lines.lineText(lastLine - 1), ' \t');
  const eol = eolOf(text);
  const continued = Array.from({ length: lastLine - range.start.line }, (_, k) => lines.lineText(range.start.line + 1 + k));
  if (continued.some((l) => /^[ \t]*(&&|\|\|)/.test(l))) return edit(model, end, end, ` ${escapeChar}${eol}${indent}&& ${command}`);
  if (/;[ \t]*.$/.test(previous) || endsWithSemicolon) return edit(model, end, end, `${endsWithSemicolon ? '' : ';'} ${escapeChar}${eol}${indent}${command}`);
  return edit(model, end, end, ` && ${escapeChar}${eol}${indent}${command}`);
}

/**
 * Inserts a line before an instruction, above the comment lines directly attached to it, with the
 * instruction's indentation.
 */
export function insertLineBefore(model: DockerfileModel, instruction: Instruction, line: string): TextEdit {
  const { lines } = model;
  let target = instruction.getRange().start.line;
  while (target > 0 && /^[ \t]*#/.test(lines.lineText(target - 1)) && !/^#\s*\w+\s*=/.test(lines.lineText(target - 1))) target--;
  const indent = /^[ \t]*/.exec(lines.lineText(instruction.getRange().start.line))![0];
  const at = lines.lineStart(target);
  return edit(model, at, at, `${indent}${line}${eolOf(model.text)}`);
}

/** Appends a line at the end of the file (adding the missing final line break first). */
export function appendLine(model: DockerfileModel, line: string): TextEdit {
  const { text } = model;
  const eol = eolOf(text);
  const end = text.length;
  const needsBreak = end > 0 && !text.endsWith('\n');
  return edit(model, end, end, `${needsBreak ? eol : ''}${line}${eol}`);
}

/** `text` without its trailing run of `chars`; a loop, since `/[ \t]*$/` is quadratic on long runs. */
function trimEndWhile(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

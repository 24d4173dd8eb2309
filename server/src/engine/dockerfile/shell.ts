/**
 * A small POSIX-shell tokenizer for RUN instructions.
 *
 * Why our own and not a full shell parser (e.g. `bash-parser`, `mvdan/sh` ports): the rules only
 * need "which simple commands run, with which words, joined by which operators", with every word
 * mapped back to its exact offsets in the Dockerfile so diagnostics and fixes land on the right
 * token. Full parsers lose those offsets across Dockerfile line continuations (`\` + newline and
 * the comment lines Docker strips inside a continued instruction), reject half-typed input, and
 * cost far more per keystroke. This tokenizer is total: any input yields commands, never throws.
 *
 * It understands quoting ('…', "…", \x), `$(…)`, `${…}` and backticks inside words, the operators
 * `&& || | |& ; &` and subshell parentheses, redirections (dropped from the words), comments,
 * Dockerfile continuations, and nested scripts: `sh -c "…"` (recursively) and the command
 * substitutions `$(…)`, `` `…` `` and process substitutions `<(…)` / `>(…)`, whose commands are
 * returned too (marked `nested` / `substitution`) so `sh -c "$(curl …)"` and `bash <(curl …)` are
 * visible to the rules.
 *
 * Known limits (documented, not bugs): shell functions and aliases are not expanded; variables
 * are not expanded (`$PKGS` stays one word); `case` patterns read as commands; JSON escapes in an
 * exec-form `["sh","-c","…"]` script are read as shell escapes.
 */

export interface ShellWord {
  /** The word after quote removal. */
  value: string;
  /** Offsets of the word in the analysed text (quotes included). */
  start: number;
  end: number;
  quoted: boolean;
}

export type ShellConnector = '' | '&&' | '||' | ';' | '|' | '|&' | '&' | '\n' | '(' | ')';

export interface ShellCommand {
  words: ShellWord[];
  /** The operator between this command and the previous one ('' for the first). */
  connector: ShellConnector;
  /** Commands joined by `|` share a pipeline id. */
  pipeline: number;
  /** Offsets from the first to the last word. */
  start: number;
  end: number;
  /** True for commands found inside `sh -c "…"` or a command/process substitution. */
  nested: boolean;
  /** True for commands found inside `$(…)`, backticks, `<(…)` or `>(…)`. */
  substitution?: boolean;
  /** Offset of the connector operator before this command (for `|`, `&&`, `;`…), when there is one. */
  connectorStart?: number;
}

export interface ShellParseOptions {
  /** Dockerfile escape character; `\` + newline (or this + newline) joins lines. */
  escapeChar?: string;
  /** Inside a Dockerfile instruction, comment lines within a continuation are removed by Docker. */
  dockerfileContinuations?: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/env bash']);

export function isShellName(name: string): boolean {
  return SHELLS.has(name) || /(^|\/)(ba|a|da|z|k)?sh$/.test(name);
}

export function parseShell(text: string, start: number, end: number, options: ShellParseOptions = {}): ShellCommand[] {
  const commands = new Tokenizer(text, start, end, options).run();
  return withNestedScripts(text, commands, options);
}

class Tokenizer {
  private i: number;
  private readonly escape: string;
  private commands: ShellCommand[] = [];
  private words: ShellWord[] = [];
  private connector: ShellConnector = '';
  private pipeline = 0;
  private wordStart = -1;
  private value = '';
  private quoted = false;
  private skipNextWord = false;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly options: ShellParseOptions,
  ) {
    this.i = start;
    this.escape = options.escapeChar ?? '\\';
  }

  run(): ShellCommand[] {
    const { text } = this;
    while (this.i < this.end) {
      const ch = text[this.i];
      if (ch === this.escape && this.isLineContinuation(this.i)) {
        this.skipContinuation();
        continue;
      }
      if (ch === ' ' || ch === '\t') {
        this.endWord();
        this.i++;
      } else if (ch === '\n' || ch === '\r') {
        this.endWord();
        this.endCommand('\n');
        this.i++;
      } else if (ch === '#' && this.wordStart < 0) {
        this.skipComment();
      } else if (ch === "'") {
        this.beginWord();
        this.quoted = true;
        this.readSingleQuoted();
      } else if (ch === '"') {
        this.beginWord();
        this.quoted = true;
        this.readDoubleQuoted();
      } else if (ch === '\\') {
        this.beginWord();
        if (this.i + 1 < this.end) this.value += text[this.i + 1];
        this.i += 2;
      } else if (ch === '$' && (text[this.i + 1] === '(' || text[this.i + 1] === '{')) {
        this.beginWord();
        this.readBalanced(this.i + 1);
      } else if (ch === '`') {
        this.beginWord();
        const close = text.indexOf('`', this.i + 1);
        const stop = close < 0 || close >= this.end ? this.end : close + 1;
        this.value += text.slice(this.i, stop);
        this.i = stop;
      } else if ((ch === '<' || ch === '>') && text[this.i + 1] === '(' && this.wordStart < 0) {
        // Process substitution `<(…)`: one word whose commands run (`bash <(curl …)`).
        this.beginWord();
        this.readBalanced(this.i + 1);
      } else if (ch === '&' && text[this.i + 1] === '>') {
        this.endWord();
        this.readRedirection();
      } else if (ch === '&' || ch === '|' || ch === ';' || ch === '(' || ch === ')') {
        this.endWord();
        this.readOperator(ch);
      } else if ((ch === '>' || ch === '<') && (this.wordStart < 0 || /^\d+$/.test(this.value))) {
        this.readRedirection();
      } else {
        this.beginWord();
        this.value += ch;
        this.i++;
      }
    }
    this.endWord();
    this.endCommand('');
    return this.commands;
  }

  private isLineContinuation(at: number): boolean {
    let j = at + 1;
    while (j < this.end && (this.text[j] === ' ' || this.text[j] === '\t')) j++;
    return j >= this.end || this.text[j] === '\n' || this.text[j] === '\r';
  }

  /**
   * A `#` comment runs to the end of the logical line: Docker joins continued lines before the
   * shell sees them, so `echo a # note \` + newline + `&& sudo x` is all comment.
   */
  private skipComment(): void {
    const { text } = this;
    while (this.i < this.end && text[this.i] !== '\n' && text[this.i] !== '\r') {
      if (text[this.i] === this.escape && this.options.dockerfileContinuations && this.isLineContinuation(this.i)) {
        this.skipContinuation();
        continue;
      }
      this.i++;
    }
  }

  /** '…': no escapes inside, but Docker still removes its own line continuations first. */
  private readSingleQuoted(): void {
    const { text } = this;
    this.i++;
    while (this.i < this.end && text[this.i] !== "'") {
      if (text[this.i] === this.escape && this.options.dockerfileContinuations && this.isLineContinuation(this.i)) {
        this.skipContinuation();
        continue;
      }
      this.value += text[this.i];
      this.i++;
    }
    this.i = Math.min(this.i + 1, this.end);
  }

  /** Skips escape + newline, then (in a Dockerfile) the comment and blank lines Docker strips. */
  private skipContinuation(): void {
    const { text } = this;
    while (this.i < this.end && text[this.i] !== '\n') this.i++;
    this.i++;
    if (!this.options.dockerfileContinuations) return;
    for (;;) {
      let j = this.i;
      while (j < this.end && (text[j] === ' ' || text[j] === '\t')) j++;
      const isComment = text[j] === '#';
      const isBlank = text[j] === '\n' || text[j] === '\r';
      if (j >= this.end || (!isComment && !isBlank)) return;
      while (j < this.end && text[j] !== '\n') j++;
      this.i = j + 1;
    }
  }

  private readDoubleQuoted(): void {
    const { text } = this;
    this.i++;
    while (this.i < this.end && text[this.i] !== '"') {
      const ch = text[this.i];
      if (ch === this.escape && this.isLineContinuation(this.i)) {
        this.skipContinuation();
        continue;
      }
      if (ch === '\\' && this.i + 1 < this.end) {
        const next = text[this.i + 1];
        this.value += '$`"\\\n'.includes(next) ? next : ch + next;
        this.i += 2;
      } else if (ch === '$' && text[this.i + 1] === '(') {
        this.readBalanced(this.i + 1);
      } else {
        this.value += ch;
        this.i++;
      }
    }
    this.i = Math.min(this.i + 1, this.end);
  }

  /** Reads `$(…)` or `${…}` (opening bracket at `open`), keeping it verbatim in the word. */
  private readBalanced(open: number): void {
    const close = matchingClose(this.text, open, this.end);
    const stop = Math.min(close + 1, this.end);
    this.value += this.text.slice(this.i, stop);
    this.i = stop;
  }

  private readOperator(ch: string): void {
    const next = this.text[this.i + 1];
    let op: ShellConnector;
    if (ch === '&' && next === '&') op = '&&';
    else if (ch === '|' && next === '|') op = '||';
    else if (ch === '|' && next === '&') op = '|&';
    else op = ch as ShellConnector;
    const at = this.i;
    this.i += op.length;
    this.endCommand(op, at);
  }

  private readRedirection(): void {
    const { text } = this;
    // Drop a pending file-descriptor number (`2>`), then the operator, then its target word.
    this.wordStart = -1;
    this.value = '';
    this.quoted = false;
    while (this.i < this.end && '<>&|-'.includes(text[this.i])) this.i++;
    this.skipNextWord = true;
  }

  private beginWord(): void {
    if (this.wordStart < 0) this.wordStart = this.i;
  }

  private endWord(): void {
    if (this.wordStart < 0) return;
    const word: ShellWord = { value: this.value, start: this.wordStart, end: this.i, quoted: this.quoted };
    this.wordStart = -1;
    this.value = '';
    this.quoted = false;
    if (this.skipNextWord) {
      this.skipNextWord = false;
      return;
    }
    this.words.push(word);
  }

  private connectorStart: number | undefined;

  private endCommand(next: ShellConnector, at?: number): void {
    if (this.words.length > 0) {
      const words = this.words;
      const command: ShellCommand = {
        words,
        connector: this.connector,
        pipeline: this.pipeline,
        start: words[0].start,
        end: words[words.length - 1].end,
        nested: false,
      };
      if (this.connectorStart !== undefined) command.connectorStart = this.connectorStart;
      this.commands.push(command);
      this.words = [];
      this.connector = next;
      this.connectorStart = at;
    } else if (next !== '\n' && next !== '') {
      this.connector = next;
      this.connectorStart = at;
    }
    if (next !== '|' && next !== '|&') this.pipeline++;
    this.skipNextWord = false;
  }
}

/** Nesting deeper than this is not followed (hostile input must not recurse without bound). */
const MAX_NESTING = 8;

/**
 * Adds, after each command, the commands of its `sh -c "<script>"` and of the command and
 * process substitutions in its words, recursively.
 */
function withNestedScripts(text: string, commands: ShellCommand[], options: ShellParseOptions, depth = 0, ids = { next: 1_000_000 }): ShellCommand[] {
  if (depth >= MAX_NESTING) return commands;
  const result: ShellCommand[] = [];
  for (const command of commands) {
    result.push(command);
    // Each nested script gets pipeline ids of its own, so its pipes never join an outer pipeline.
    const nestedCommands = (from: number, to: number, substitution: boolean): ShellCommand[] => {
      const base = ids.next;
      const inner = new Tokenizer(text, from, Math.max(from, to), options).run();
      ids.next = base + inner.reduce((max, n) => Math.max(max, n.pipeline + 1), 0);
      const tagged = inner.map((n) => ({ ...n, nested: true, ...(substitution || command.substitution ? { substitution: true } : {}), pipeline: base + n.pipeline }));
      return withNestedScripts(text, tagged, options, depth + 1, ids);
    };
    const { name, args } = splitCommand(command);
    const script = name && isShellName(commandBaseName(name)) ? shellScriptArgument(args) : undefined;
    if (script) {
      const quote = text[script.start];
      const quoted = quote === '"' || quote === "'";
      result.push(...nestedCommands(quoted ? script.start + 1 : script.start, quoted ? script.end - 1 : script.end, false));
    }
    for (const word of command.words) {
      if (word === script) continue;
      for (const [from, to] of substitutionsIn(text, word)) result.push(...nestedCommands(from, to, true));
    }
  }
  return result;
}

/** The script word of `sh -c '<script>'` (also `-ec`, `-xc`, `-c` after other options). */
export function shellScriptArgument(args: ShellWord[]): ShellWord | undefined {
  const flagIndex = args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
  if (flagIndex < 0) return undefined;
  // `bash -o pipefail -c …`: options before -c are fine, the script is the word after it.
  return args[flagIndex + 1];
}

/**
 * The inner offsets of `$(…)`, `` `…` ``, `<(…)` and `>(…)` in a word's raw text (outside single
 * quotes), for the tokenizer to read as commands. `$((…))` arithmetic is not a command.
 */
export function substitutionsIn(text: string, word: ShellWord): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let quote = '';
  for (let i = word.start; i < word.end; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" && quote === '') quote = "'";
    else if (c === '"') quote = quote === '"' ? '' : '"';
    else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0 || close > word.end) break;
      found.push([i + 1, close]);
      i = close;
    } else if ((c === '$' || c === '<' || c === '>') && text[i + 1] === '(' && text[i + 2] !== '(') {
      const close = matchingClose(text, i + 1, word.end);
      found.push([i + 2, close]);
      i = close;
    }
  }
  return found;
}

/**
 * The offset of the bracket closing the `(` or `{` at `open` (skipping quoted text and escapes),
 * or `limit` when it is never closed (half-typed input).
 */
function matchingClose(text: string, open: number, limit: number): number {
  const openCh = text[open];
  const closeCh = openCh === '(' ? ')' : '}';
  let depth = 0;
  let quote = '';
  for (let j = open; j < limit; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') j++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') j++;
    else if (c === openCh) depth++;
    else if (c === closeCh && --depth === 0) return j;
  }
  return limit;
}

/** Shell reserved words that can precede a command in the same simple-command position. */
const RESERVED_WORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', '}']);

/** Wrappers that run their argument as the real command. */
const WRAPPERS = new Set(['sudo', 'env', 'nohup', 'time', 'exec', 'command', 'nice', 'doas', 'su-exec', 'gosu', 'chroot', 'xargs', 'timeout', 'stdbuf', 'ionice', 'setpriv', 'unshare']);

/** Wrapper options that take the next word as their value (`sudo -u app`, `xargs -n 1`). */
const WRAPPER_VALUE_OPTIONS: Record<string, RegExp> = {
  sudo: /^-[ugCDhpRrTt]$/,
  doas: /^-[uC]$/,
  env: /^-[uSC]$/,
  nice: /^-n$/,
  xargs: /^-[IndPLsEa]$/,
  timeout: /^-[sk]$/,
  stdbuf: /^-[ioe]$/,
  ionice: /^-[cnpP]$/,
};

/** Wrappers whose first operand is not the command (`gosu USER cmd`, `timeout 30 cmd`). */
const WRAPPER_OPERANDS = new Set(['gosu', 'su-exec', 'chroot', 'timeout']);

export interface SplitCommand {
  /** The command that actually runs (after `VAR=x` assignments and wrappers like `sudo`). */
  name: ShellWord | undefined;
  args: ShellWord[];
  /** Wrapper words that were skipped, e.g. the `sudo` of `sudo apt-get install`. */
  wrappers: ShellWord[];
}

export function splitCommand(command: ShellCommand): SplitCommand {
  // Every rule asks for every command's split: compute it once per command (the result is shared; never mutate it).
  let split = splits.get(command);
  if (!split) {
    split = computeSplit(command);
    splits.set(command, split);
  }
  return split;
}

const splits = new WeakMap<ShellCommand, SplitCommand>();

function computeSplit(command: ShellCommand): SplitCommand {
  const words = command.words;
  const wrappers: ShellWord[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i].value;
    // `then sudo x`, `do apt-get …`, `! grep`, `{ cmd; }`: the command follows the reserved word.
    if (!words[i].quoted && RESERVED_WORDS.has(w)) {
      i++;
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    const wrapper = w.slice(w.lastIndexOf('/') + 1);
    // `command -v sudo` only looks the name up: `command` is the program then.
    if (wrapper === 'command' && /^-[vV]$/.test(words[i + 1]?.value ?? '')) break;
    if (WRAPPERS.has(wrapper)) {
      wrappers.push(words[i]);
      i++;
      // Skip the wrapper's own options (sudo -u app, env -i); gosu/su-exec take a user first.
      while (i < words.length && words[i].value.startsWith('-')) {
        const opt = words[i].value;
        i++;
        if (WRAPPER_VALUE_OPTIONS[wrapper]?.test(opt)) i++;
        if (opt === '--') break;
      }
      if (WRAPPER_OPERANDS.has(wrapper) && i < words.length) i++;
      continue;
    }
    break;
  }
  const name = words[i];
  return { name, args: words.slice(i + 1), wrappers };
}

/** The base name of a command word: `/usr/bin/apt-get` → `apt-get`. */
export function commandBaseName(word: ShellWord | undefined): string {
  if (!word) return '';
  const v = word.value;
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}

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
 * Dockerfile continuations, and nested `sh -c "…"` scripts.
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
  /** True for commands found inside `sh -c "…"`. */
  nested: boolean;
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
        while (this.i < this.end && text[this.i] !== '\n') this.i++;
      } else if (ch === "'") {
        this.beginWord();
        this.quoted = true;
        const close = text.indexOf("'", this.i + 1);
        const stop = close < 0 || close >= this.end ? this.end : close;
        this.value += text.slice(this.i + 1, stop);
        this.i = Math.min(stop + 1, this.end);
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
    const { text } = this;
    const openCh = text[open];
    const closeCh = openCh === '(' ? ')' : '}';
    let depth = 0;
    let j = open;
    let quote = '';
    for (; j < this.end; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') j++;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\') j++;
      else if (c === openCh) depth++;
      else if (c === closeCh && --depth === 0) break;
    }
    const stop = Math.min(j + 1, this.end);
    this.value += text.slice(this.i, stop);
    this.i = stop;
  }

  private readOperator(ch: string): void {
    const next = this.text[this.i + 1];
    let op: ShellConnector;
    if (ch === '&' && next === '&') op = '&&';
    else if (ch === '|' && next === '|') op = '||';
    else if (ch === '|' && next === '&') op = '|&';
    else op = ch as ShellConnector;
    this.i += op.length;
    this.endCommand(op);
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

  private endCommand(next: ShellConnector): void {
    if (this.words.length > 0) {
      const words = this.words;
      this.commands.push({
        words,
        connector: this.connector,
        pipeline: this.pipeline,
        start: words[0].start,
        end: words[words.length - 1].end,
        nested: false,
      });
      this.words = [];
      this.connector = next;
    } else if (next !== '\n' && next !== '') {
      this.connector = next;
    }
    if (next !== '|' && next !== '|&') this.pipeline++;
    this.skipNextWord = false;
  }
}

/** Adds the commands of `sh -c "<script>"` after the command that runs them. */
function withNestedScripts(text: string, commands: ShellCommand[], options: ShellParseOptions): ShellCommand[] {
  const result: ShellCommand[] = [];
  for (const command of commands) {
    result.push(command);
    const { name, args } = splitCommand(command);
    if (!name || !isShellName(name.value)) continue;
    const flagIndex = args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
    const script = flagIndex >= 0 ? args[flagIndex + 1] : undefined;
    if (!script) continue;
    const quote = text[script.start];
    const inner = quote === '"' || quote === "'" ? [script.start + 1, script.end - 1] : [script.start, script.end];
    const nested = new Tokenizer(text, inner[0], Math.max(inner[0], inner[1]), { ...options, dockerfileContinuations: false }).run();
    for (const n of nested) result.push({ ...n, nested: true, pipeline: n.pipeline + command.pipeline * 1000 });
  }
  return result;
}

/** Wrappers that run their argument as the real command. */
const WRAPPERS = new Set(['sudo', 'env', 'nohup', 'time', 'exec', 'command', 'nice', 'doas', 'su-exec', 'gosu', 'chroot']);

export interface SplitCommand {
  /** The command that actually runs (after `VAR=x` assignments and wrappers like `sudo`). */
  name: ShellWord | undefined;
  args: ShellWord[];
  /** Wrapper words that were skipped, e.g. the `sudo` of `sudo apt-get install`. */
  wrappers: ShellWord[];
}

export function splitCommand(command: ShellCommand): SplitCommand {
  const words = command.words;
  const wrappers: ShellWord[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i].value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    if (WRAPPERS.has(w)) {
      wrappers.push(words[i]);
      i++;
      // Skip the wrapper's own options (sudo -u app, env -i); gosu/su-exec take a user first.
      while (i < words.length && words[i].value.startsWith('-')) {
        const opt = words[i].value;
        i++;
        if (/^-[ugCDhpRrTt]$/.test(opt) && wrappers[wrappers.length - 1].value === 'sudo') i++;
      }
      if ((w === 'gosu' || w === 'su-exec' || w === 'chroot') && i < words.length) i++;
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

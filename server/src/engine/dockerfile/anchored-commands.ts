import type { ShellCommand, ShellConnector, ShellWord } from './shell';

/**
 * Shell commands whose offsets follow their chunk when it moves in the text.
 *
 * While a Dockerfile is edited, the chunks (stages) below the edit are reused unparsed, but one
 * typed character moves each of them by one offset. Copying every command and word with shifted
 * offsets on every keystroke was a quarter of the allocation of an edit to a 1,000-line file,
 * and that garbage is what the edit latency's tail is made of (young-generation GC). Anchored
 * commands store offsets relative to an anchor shared by one RUN's commands; moving the RUN is
 * one assignment, and the commands keep their identity, so everything memoised per command or
 * per word (split, package installs, rule hits) stays valid as it is. Memos hold words and
 * line/character ranges, never absolute offsets: a chunk is reused only at the same first line,
 * so its line/character positions do not change.
 */
export interface Anchor {
  /** Where the anchored offsets count from now (the chunk's start offset in the current text). */
  offset: number;
}

class AnchoredWord implements ShellWord {
  readonly value: string;
  readonly quoted: boolean;
  private readonly relativeStart: number;
  private readonly relativeEnd: number;
  private readonly anchor: Anchor;

  constructor(word: ShellWord, anchor: Anchor) {
    this.value = word.value;
    this.quoted = word.quoted;
    this.relativeStart = word.start - anchor.offset;
    this.relativeEnd = word.end - anchor.offset;
    this.anchor = anchor;
  }

  get start(): number {
    return this.anchor.offset + this.relativeStart;
  }

  get end(): number {
    return this.anchor.offset + this.relativeEnd;
  }

  toJSON(): ShellWord {
    return { value: this.value, start: this.start, end: this.end, quoted: this.quoted };
  }
}

class AnchoredCommand implements ShellCommand {
  readonly words: ShellWord[];
  readonly connector: ShellConnector;
  readonly pipeline: number;
  readonly nested: boolean;
  readonly substitution?: boolean;
  private readonly relativeStart: number;
  private readonly relativeEnd: number;
  private readonly relativeConnectorStart: number | undefined;
  private readonly anchor: Anchor;

  constructor(command: ShellCommand, words: ShellWord[], anchor: Anchor) {
    this.words = words;
    this.connector = command.connector;
    this.pipeline = command.pipeline;
    this.nested = command.nested;
    if (command.substitution !== undefined) this.substitution = command.substitution;
    this.relativeStart = command.start - anchor.offset;
    this.relativeEnd = command.end - anchor.offset;
    this.relativeConnectorStart = command.connectorStart === undefined ? undefined : command.connectorStart - anchor.offset;
    this.anchor = anchor;
  }

  get start(): number {
    return this.anchor.offset + this.relativeStart;
  }

  get end(): number {
    return this.anchor.offset + this.relativeEnd;
  }

  get connectorStart(): number | undefined {
    return this.relativeConnectorStart === undefined ? undefined : this.anchor.offset + this.relativeConnectorStart;
  }

  toJSON(): ShellCommand {
    const { words, connector, pipeline, start, end, nested, substitution, connectorStart } = this;
    return { words, connector, pipeline, start, end, nested, ...(substitution !== undefined ? { substitution } : {}), ...(connectorStart !== undefined ? { connectorStart } : {}) };
  }
}

/**
 * True for commands of a cached document, which later versions reuse: only those are worth
 * memoising for the next edit (a WeakMap entry per command costs more than many checks).
 */
export function isReusedAcrossEdits(command: ShellCommand): boolean {
  return command instanceof AnchoredCommand;
}

/** The commands (read at the anchor's current offset) re-expressed relative to the anchor. */
export function anchorCommands(commands: readonly ShellCommand[], anchor: Anchor): ShellCommand[] {
  // A word object may appear in more than one command; it stays one object.
  const anchored = new Map<ShellWord, ShellWord>();
  const anchorWord = (word: ShellWord) => {
    let result = anchored.get(word);
    if (!result) anchored.set(word, (result = new AnchoredWord(word, anchor)));
    return result;
  };
  return commands.map((command) => new AnchoredCommand(command, command.words.map(anchorWord), anchor));
}

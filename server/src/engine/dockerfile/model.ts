import { DockerfileParser, type Dockerfile, type From, type Instruction, type Run, type JSONInstruction } from 'dockerfile-ast';
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { isPseudoImage, parseImageReference, type ImageReference } from '../image/image-reference';
import { isShellName, parseShell, splitCommand, type ShellCommand } from './shell';
import { anchorCommands, type Anchor } from './anchored-commands';
import { ChunkCache, parseInChunks } from './stage-chunks';
import './argument-memo';

/**
 * What one document's previous analyses leave for the next: the parsed chunks (stages) and the
 * shell commands of their RUNs. Pass the same object for successive versions of one document.
 */
export class DockerfileCache {
  chunks = new ChunkCache();
  /** Shell commands by instruction, anchored at the start of the instruction's chunk (anchored-commands.ts). */
  shells = new Map<Instruction, { anchor: Anchor; commands: ShellCommand[] }>();
}

/** A build stage: one FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** `AS <name>`, lower-cased as Docker compares it. */
  name?: string;
  /** The image text after resolving global ARG defaults (undefined when it cannot be resolved). */
  imageText?: string;
  /** Where the image is written in FROM. */
  imageRange?: Range;
  /** The parsed image, or undefined for stage references, `scratch` and unresolved variables. */
  image?: ImageReference;
  /** The earlier stage this one builds on (`FROM build AS final`). */
  baseStage?: Stage;
  instructions: Instruction[];
  isFinal: boolean;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  text: string;
  lines: LineIndex;
  /** The whole file's dockerfile-ast tree (parsed on first use when the model was built from chunks). */
  readonly ast: Dockerfile;
  escapeChar: string;
  stages: Stage[];
  /** Every instruction of the file in order, as `ast.getInstructions()` lists them (without a whole-file parse). */
  instructions: Instruction[];
  /** Instructions before the first FROM (global ARGs, parser directives are not instructions). */
  globalInstructions: Instruction[];
  /** The shell commands a RUN executes (memoised; includes `sh -c` scripts and heredoc bodies). */
  shellCommands(run: Instruction): ShellCommand[];
  offsetAt(position: Range['start']): number;
  /**
   * With a cache: the text cut where it was parsed in chunks, each with an object that stays the
   * same while the chunk's text does (its tree), so whole-text scans can reuse a chunk's results
   * from the previous version (secrets/tokens.ts findTokensInRegions). Undefined otherwise.
   */
  textChunks?: ReadonlyArray<{ start: number; text: string; identity: object }>;
}

export function parseDockerfile(text: string, cache?: DockerfileCache): DockerfileModel {
  const lines = new LineIndex(text);
  const chunked = cache ? parseInChunks(text, lines, cache.chunks) : undefined;
  let fullAst = chunked ? undefined : DockerfileParser.parse(text);
  const head = chunked?.head ?? fullAst!;
  const escapeChar = head.getEscapeCharacter();
  const globalArgs = resolveGlobalArgs(head);

  const stages: Stage[] = [];
  const globalInstructions: Instruction[] = [];
  const instructions = chunked?.instructions ?? fullAst!.getInstructions();
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      stages.push(createStage(instruction as From, stages, globalArgs));
    } else if (stages.length === 0) {
      globalInstructions.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  if (stages.length > 0) stages[stages.length - 1].isFinal = true;

  // Shell commands of an unchanged chunk are reused; their anchor moves with the chunk.
  const chunkOffsets = new Map<Instruction, number>();
  for (const chunk of chunked?.chunks ?? []) for (const instruction of chunk.instructions) chunkOffsets.set(instruction, chunk.startOffset);
  const previousShells = cache?.shells;
  const shells = new Map<Instruction, { anchor: Anchor; commands: ShellCommand[] }>();
  const unanchored = new Map<Instruction, { commands: ShellCommand[] }>();
  if (cache) cache.shells = shells;
  const model: DockerfileModel = {
    kind: 'dockerfile',
    text,
    lines,
    get ast() {
      fullAst ??= DockerfileParser.parse(text);
      return fullAst;
    },
    escapeChar,
    stages,
    instructions,
    globalInstructions,
    offsetAt: (position) => lines.offsetAt(position),
    textChunks: chunked?.chunks.map((chunk) => ({ start: chunk.startOffset, text: chunk.text, identity: chunk.ast })),
    shellCommands(run) {
      const known = shells.get(run) ?? unanchored.get(run);
      if (known) return known.commands;
      const chunkOffset = chunkOffsets.get(run);
      // Without a cache (an audit, a file just opened) nothing is reused: plain commands. The same
      // for an ONBUILD trigger, which is not one of its chunk's instructions.
      if (chunkOffset === undefined) {
        const commands = runCommands(model, run);
        unanchored.set(run, { commands });
        return commands;
      }
      const previous = previousShells?.get(run);
      // The previous version's model is done with: moving its anchor changes nothing it reported.
      if (previous) previous.anchor.offset = chunkOffset;
      const anchor = previous?.anchor ?? { offset: chunkOffset };
      const entry = previous ?? { anchor, commands: anchorCommands(runCommands(model, run), anchor) };
      shells.set(run, entry);
      return entry.commands;
    },
  };
  return model;
}

function resolveGlobalArgs(ast: Dockerfile): Map<string, string> {
  const values = new Map<string, string>();
  for (const arg of ast.getInitialARGs()) {
    const property = arg.getProperty();
    const value = property?.getValue();
    if (property && value !== null && value !== undefined) values.set(property.getName(), substituteArgs(value, values) ?? value);
  }
  return values;
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` from ARG defaults, the
 * way BuildKit does for FROM. Returns undefined when a variable has no value.
 */
export function substituteArgs(text: string, values: ReadonlyMap<string, string>): string | undefined {
  let unresolved = false;
  const result = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const name = braced ?? bare;
    const value = values.get(name);
    if (op === ':-' || op === '-') {
      if (value !== undefined && (op === '-' || value !== '')) return value;
      return word ?? '';
    }
    if (op === ':+' || op === '+') return value ? (word ?? '') : '';
    // An empty default (`ARG TAG=`) means "pass it with --build-arg": as unknown as no default.
    if (value === undefined || value === '') {
      unresolved = true;
      return '';
    }
    return value;
  });
  return unresolved ? undefined : result;
}

function createStage(from: From, earlier: Stage[], globalArgs: Map<string, string>): Stage {
  const stage: Stage = { index: earlier.length, from, instructions: [], isFinal: false };
  const name = from.getBuildStage();
  if (name) stage.name = name.toLowerCase();
  const written = from.getImage();
  const range = from.getImageRange();
  if (!written || !range) return stage;
  stage.imageRange = range;
  const resolved = written.includes('$') ? substituteArgs(written, globalArgs) : written;
  if (resolved === undefined || resolved === '') return stage;
  stage.imageText = resolved;
  const base = earlier.find((s) => s.name !== undefined && s.name === resolved.toLowerCase());
  if (base) {
    stage.baseStage = base;
    return stage;
  }
  if (isPseudoImage(resolved)) return stage;
  stage.image = parseImageReference(resolved) ?? undefined;
  return stage;
}

/** Pipeline ids of scripts parsed separately start here, so they never join an outer pipeline. */
const NESTED_PIPELINE_BASE = 1_000_000_000;

/** The commands of one RUN (shell form, exec form, or heredoc bodies run by a shell). */
function runCommands(model: DockerfileModel, instruction: Instruction): ShellCommand[] {
  const run = instruction as Run;
  const argsRange = run.getArgumentsRange();
  if (!argsRange) return [];
  const { lines, text, escapeChar } = model;
  // dockerfile-ast recomputes an instruction's arguments on every getter call, which dominates the
  // cost of a large file; ask for JSON strings, flags and heredocs only when the text can have them.
  const argsText = text.slice(lines.offsetAt(argsRange.start), lines.offsetAt(argsRange.end));

  const json = argsText.startsWith('[') ? ((run as JSONInstruction).getJSONStrings?.() ?? []) : [];
  if (json.length > 0 && run.getOpeningBracket?.()) {
    const words = json.map((s) => {
      const r = s.getRange();
      const start = lines.offsetAt(r.start);
      const end = lines.offsetAt(r.end);
      return { value: jsonStringValue(text.slice(start, end)) ?? s.getJSONValue(), start, end, quoted: true };
    });
    const command: ShellCommand = { words, connector: '', pipeline: 0, start: words[0].start, end: words[words.length - 1].end, nested: false };
    // ["sh", "-c", "script"]: the script's commands too.
    const { name, args } = splitCommand(command);
    if (name && isShellName(name.value) && args[0]?.value === '-c' && args[1]) {
      const nested = parseShell(text, args[1].start + 1, args[1].end - 1, { escapeChar: '\\' });
      return [command, ...nested.map((c) => ({ ...c, nested: true, pipeline: c.pipeline + NESTED_PIPELINE_BASE }))];
    }
    return [command];
  }

  const start = lines.offsetAt(argsText.startsWith('--') ? skipFlags(run, argsRange).start : argsRange.start);
  const heredocs = argsText.includes('<<') ? (run.getHeredocs?.() ?? []) : [];
  if (heredocs.length === 0) {
    return parseShell(text, start, lines.offsetAt(argsRange.end), { escapeChar, dockerfileContinuations: true });
  }
  // With heredocs, the command line ends where the first body starts; `<<EOF` markers are
  // redirections the tokenizer drops. A body is shell script when the command line runs a
  // shell or nothing at all (`RUN <<EOF` uses the default shell).
  const firstBody = heredocs[0].getContentRange() ?? heredocs[0].getDelimiterRange?.();
  const lineEnd = firstBody ? lines.offsetAt(firstBody.start) : lines.offsetAt(argsRange.end);
  const commandLine = parseShell(text, start, lineEnd, { escapeChar, dockerfileContinuations: true });
  const program = commandLine.length > 0 ? splitCommand(commandLine[0]).name : undefined;
  const result = [...commandLine];
  if (!program || isShellName(program.value)) {
    for (const heredoc of heredocs) {
      const body = heredoc.getContentRange();
      if (!body) continue;
      const commands = parseShell(text, lines.offsetAt(body.start), lines.offsetAt(body.end), { escapeChar: '\\' });
      // Each body is its own script: its pipelines never join the command line's.
      const base = NESTED_PIPELINE_BASE * (result.length + 1);
      result.push(...commands.map((c, i) => ({ ...c, pipeline: c.pipeline + base, ...(i === 0 ? { connector: '\n' as const } : {}) })));
    }
  }
  return result;
}

/**
 * Decodes one JSON string literal as written. dockerfile-ast's `getJSONValue()` drops the spaces
 * inside the string (`"apt-get update"` → `apt-getupdate`), which would break exec-form scripts.
 */
function jsonStringValue(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw.replace(/\\\r?\n[ \t]*/g, ''));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** RUN flags (`--mount=…`, `--network=…`) are not part of the command. */
function skipFlags(run: Run, argsRange: Range): Range {
  const flags = run.getFlags?.() ?? [];
  if (flags.length === 0) return argsRange;
  const last = flags[flags.length - 1].getRange();
  return { start: last.end, end: argsRange.end };
}

/** The stage an instruction at `line` belongs to. */
export function stageAtLine(model: DockerfileModel, line: number): Stage | undefined {
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line <= line) found = stage;
  }
  return found;
}

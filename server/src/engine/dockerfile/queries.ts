import type { Instruction, Onbuild, Run } from 'dockerfile-ast';
import type { Range } from '../types';
import type { DockerfileModel, Stage } from './model';
import { findPackageInstall, type PackageInstall } from './packages';
import type { ShellCommand, ShellWord } from './shell';

/** Shared read-only queries over a parsed Dockerfile, so rules do not re-walk it their own way. */

export interface RunInStage {
  stage: Stage;
  run: Instruction;
  commands: ShellCommand[];
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return keywordIndex(stage).get(keyword) ?? [];
}

/** The stage's instructions by keyword, built once per stage (rules ask for the same keywords over and over). */
function keywordIndex(stage: Stage): Map<string, Instruction[]> {
  let index = keywordIndexes.get(stage);
  if (!index) {
    index = new Map();
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const list = index.get(keyword);
      if (list) list.push(instruction);
      else index.set(keyword, [instruction]);
    }
    keywordIndexes.set(stage, index);
  }
  return index;
}

const keywordIndexes = new WeakMap<Stage, Map<string, Instruction[]>>();

/**
 * Instructions with this keyword, including `ONBUILD <keyword> …` triggers (the trigger itself,
 * with its own ranges). Triggers count for the build-time rules (RUN and ADD): they run verbatim in
 * every image built FROM this one, and this file is where the author can fix them. Runtime rules
 * (USER, EXPOSE) use `instructionsOf`, which ignores triggers.
 */
export function instructionsWithTriggersOf(stage: Stage, keyword: string): Instruction[] {
  const index = keywordIndex(stage);
  if (!index.has('ONBUILD')) return [...(index.get(keyword) ?? [])];
  const result: Instruction[] = [];
  for (const instruction of stage.instructions) {
    const k = instruction.getKeyword();
    if (k === keyword) result.push(instruction);
    else if (k === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger && trigger.getKeyword() === keyword) result.push(trigger);
    }
  }
  return result;
}

/** Every RUN (and `ONBUILD RUN` trigger) of the given stages with its shell commands. */
export function runsOf(model: DockerfileModel, stages: Stage[] = model.stages): RunInStage[] {
  // Most rules ask for every RUN of the model: answer that once per model (shared; never mutate it).
  if (stages === model.stages) {
    let all = allRuns.get(model);
    if (!all) allRuns.set(model, (all = readRuns(model, stages)));
    return all;
  }
  return readRuns(model, stages);
}

const allRuns = new WeakMap<DockerfileModel, RunInStage[]>();

function readRuns(model: DockerfileModel, stages: Stage[]): RunInStage[] {
  const result: RunInStage[] = [];
  for (const stage of stages) {
    for (const run of instructionsWithTriggersOf(stage, 'RUN')) result.push({ stage, run, commands: model.shellCommands(run) });
  }
  return result;
}

/** Every command of the given stages' RUNs, with the RUN it is in. */
export function commandsOf(model: DockerfileModel, stages: Stage[] = model.stages): Array<RunInStage & { command: ShellCommand }> {
  if (stages === model.stages) {
    let all = allCommands.get(model);
    if (!all) allCommands.set(model, (all = readCommands(model, stages)));
    return all;
  }
  return readCommands(model, stages);
}

const allCommands = new WeakMap<DockerfileModel, Array<RunInStage & { command: ShellCommand }>>();

function readCommands(model: DockerfileModel, stages: Stage[]): Array<RunInStage & { command: ShellCommand }> {
  const result: Array<RunInStage & { command: ShellCommand }> = [];
  for (const { stage, run, commands } of runsOf(model, stages)) for (const command of commands) result.push({ stage, run, commands, command });
  return result;
}

/** Target paths of the RUN's `--mount=type=cache,target=…` flags. */
export function cacheMountTargets(model: DockerfileModel, run: Instruction): string[] {
  const cached = cacheMounts.get(run);
  if (cached) return cached;
  const targets = readCacheMountTargets(model, run);
  cacheMounts.set(run, targets);
  return targets;
}

const cacheMounts = new WeakMap<Instruction, string[]>();

function readCacheMountTargets(model: DockerfileModel, run: Instruction): string[] {
  // Flags are written before the command; skip dockerfile-ast's costly getters when there are none.
  const afterKeyword = model.text.slice(model.offsetAt(run.getInstructionRange().end), model.offsetAt(run.getRange().end));
  if (!/--mount/.test(afterKeyword)) return [];
  const flags = (run as Run).getFlags?.() ?? [];
  const targets: string[] = [];
  for (const flag of flags) {
    if (flag.getName() !== 'mount') continue;
    const options = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
    if (options.get('type') !== 'cache') continue;
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
    if (target) targets.push(target.replace(/\/+$/, ''));
  }
  return targets;
}

/** The range of `needle` inside a word's raw text when it is written there literally, else the word's range. */
export function substringRange(model: DockerfileModel, word: ShellWord, needle: string): Range {
  const raw = model.text.slice(word.start, word.end);
  const at = raw.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return wordRange(model, word);
  return model.lines.rangeAt(word.start + at, word.start + at + needle.length);
}

export interface InstallInStage extends RunInStage {
  install: PackageInstall;
}

export function packageInstallsOf(model: DockerfileModel, stages: Stage[] = model.stages): InstallInStage[] {
  if (stages === model.stages) {
    let all = allInstalls.get(model);
    if (!all) allInstalls.set(model, (all = readInstalls(model, stages)));
    return all;
  }
  return readInstalls(model, stages);
}

const allInstalls = new WeakMap<DockerfileModel, InstallInStage[]>();

function readInstalls(model: DockerfileModel, stages: Stage[]): InstallInStage[] {
  const result: InstallInStage[] = [];
  for (const run of runsOf(model, stages)) {
    for (const command of run.commands) {
      const install = findPackageInstall(command);
      if (install) result.push({ ...run, install });
    }
  }
  return result;
}

export function wordRange(model: DockerfileModel, word: ShellWord): Range {
  return model.lines.rangeAt(word.start, word.end);
}

export function commandRange(model: DockerfileModel, command: ShellCommand): Range {
  return model.lines.rangeAt(command.start, command.end);
}

/** The final stage and the earlier stages it is built FROM (their USER, ENV… carry over). */
export function finalStageChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  let stage: Stage | undefined = model.stages[model.stages.length - 1];
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    stage = stage.baseStage;
  }
  return chain;
}

import type { Instruction } from 'dockerfile-ast';
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
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

export function runsOf(model: DockerfileModel, stages: Stage[] = model.stages): RunInStage[] {
  const result: RunInStage[] = [];
  for (const stage of stages) {
    for (const run of instructionsOf(stage, 'RUN')) result.push({ stage, run, commands: model.shellCommands(run) });
  }
  return result;
}

export interface InstallInStage extends RunInStage {
  install: PackageInstall;
}

export function packageInstallsOf(model: DockerfileModel, stages: Stage[] = model.stages): InstallInStage[] {
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

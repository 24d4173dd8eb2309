import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { commandsOf, instructionsOf, packageInstallsOf, wordRange } from '../dockerfile/queries';
import { packageName } from '../dockerfile/packages';
import { splitCommand, type ShellCommand, type ShellWord } from '../dockerfile/shell';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { removeShellWord } from '../dockerfile/edits';
import { removePackageFix } from '../dockerfile/package-removal';
import type { Fix } from '../types';
import { isRootUser } from './root-user';

/**
 * `sudo`: flags `sudo` installed by a system package manager and `sudo` run as a command in RUN
 * (also inside `sh -c`, heredocs, substitutions and `ONBUILD RUN`). Only real command words count:
 * `echo "sudo …"` or a comment is not sudo. The range is the `sudo` word, so a fix can delete it
 * together with the space after it.
 *
 * Fixes: the `sudo ` prefix goes when the RUN already runs as root (a plain `sudo cmd`, no sudo
 * options): safe when an explicit `USER root`/`0` is in effect or no USER is set on an official
 * library image; with no USER on another base image (which may set a user) it is offered, not
 * applied by fix-all. The sudo package goes from the install list when no RUN uses sudo.
 */
export default defineRule({
  id: 'sudo',
  title: 'sudo in the image',
  description: 'sudo in a container gives any process that gets a shell a path to root, and RUN already runs as the stage user, so it is never needed for building.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3004'], kics: ['run_using_sudo'], trivy: ['DS010'] },
  howToFix: 'Drop the `sudo ` prefix: run the step while the stage is still `USER root`, then switch to the unprivileged `USER`. Do not install the sudo package.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      const uses: Array<{ stage: Stage; run: Instruction; command: ShellCommand; wrapper: ShellWord }> = [];
      // A loop, not flatMap/filter: thousands of commands, almost none with sudo, on every keystroke.
      for (const { stage, run, command } of commandsOf(model)) {
        for (const wrapper of splitCommand(command).wrappers) if (isSudo(wrapper)) uses.push({ stage, run, command, wrapper });
      }
      for (const { install, run } of packageInstallsOf(model)) {
        if (install.manager === 'pip') continue;
        for (const word of install.packages) {
          if (packageName(word) === 'sudo') {
            const fixes = uses.length === 0 ? removePackageFix(model, run, install, word, { title: 'Remove sudo from the install list', safe: true, keeps: (other) => packageName(other) !== 'sudo' }) : undefined;
            report({ range: wordRange(model, word), message: 'Installs sudo: any process that gets a shell in the container then has a documented path to root.', fixes });
          }
        }
      }
      for (const { stage, run, command, wrapper } of uses) {
        report({ range: wordRange(model, wrapper), message: 'Uses sudo in RUN: the build runs as the stage user already; switch USER instead of shipping and using sudo.', fixes: prefixFix(model, stage, run, command, wrapper) });
      }
    },
  },
});

function isSudo(word: ShellWord): boolean {
  return word.value === 'sudo' || word.value.endsWith('/sudo');
}

function prefixFix(model: DockerfileModel, stage: Stage, run: Instruction, command: ShellCommand, wrapper: ShellWord): Fix[] | undefined {
  const next = command.words[command.words.indexOf(wrapper) + 1];
  if (!next || next.value.startsWith('-')) return undefined;
  const user = userAt(stage, run);
  if (user !== undefined && !isRootUser(user)) return undefined;
  const officialBase = rootOf(stage).image?.path.startsWith('library/') ?? false;
  const edit = removeShellWord(model, run, wrapper);
  if (!edit) return undefined;
  return [{ title: 'Remove the sudo prefix (RUN already runs as root)', edits: [edit], safe: user !== undefined || officialBase, preferred: true }];
}

/** The USER in effect at an instruction: the stage's last USER before it, else the stages it is built FROM. */
function userAt(stage: Stage, instruction: Instruction): string | undefined {
  const line = instruction.getRange().start.line;
  const before = instructionsOf(stage, 'USER').filter((u) => u.getRange().start.line < line);
  if (before.length > 0) return before[before.length - 1].getArgumentsContent() ?? '';
  for (let s = stage.baseStage; s; s = s.baseStage) {
    const users = instructionsOf(s, 'USER');
    if (users.length > 0) return users[users.length - 1].getArgumentsContent() ?? '';
  }
  return undefined;
}

function rootOf(stage: Stage): Stage {
  let s = stage;
  const seen = new Set<Stage>();
  while (s.baseStage && !seen.has(s)) {
    seen.add(s);
    s = s.baseStage;
  }
  return s;
}

import type { Instruction, Property, PropertyInstruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { cacheMountTargets, instructionsOf, runsOf, wordRange } from '../dockerfile/queries';
import { findPackageInstall, hasOption, type PackageInstall } from '../dockerfile/packages';
import { commandBaseName, splitCommand, type ShellCommand } from '../dockerfile/shell';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { appendToRun, insertAfterWord } from '../dockerfile/edits';
import type { Fix } from '../types';

/** A stage and the stages it is built FROM. */
function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.baseStage) chain.push(s);
  return chain;
}

/**
 * `package-hygiene`: package-manager habits that bloat the shipped image.
 *
 * Decisions on the edge cases:
 * - Every stage counts, as rules.md defines the rule (build-stage layers fill the build cache
 *   and CI disks too); ENV/ARG and apt configuration carry over from the stages a stage is
 *   built FROM. `ONBUILD RUN` triggers are checked like RUNs.
 * - apt lists are judged where `apt-get update` runs: a RUN that only installs from lists an
 *   earlier layer fetched cannot shrink that layer by removing them.
 * - apt-get/apt install without `--no-install-recommends`: also satisfied by
 *   `-o APT::Install-Recommends=false` (or `=0`) on the command, or an earlier RUN in the image
 *   that writes `APT::Install-Recommends "false"` into apt's configuration.
 * - apt lists: a RUN that runs `apt-get update` must remove /var/lib/apt/lists in the same RUN,
 *   or the lists stay in that layer for good. `apt-get clean` alone does not remove them (it
 *   empties /var/cache/apt/archives; apt 2.7's `apt-get dist-clean` does). A `--mount=type=cache` on /var/lib/apt or
 *   /var/lib/apt/lists keeps the lists out of the layer, so such RUNs need no cleanup; a cache
 *   mount on /var/cache/apt alone does not.
 * - apk add without `--no-cache`: also fine when the same RUN removes /var/cache/apk or mounts a
 *   cache on /var/cache/apk or /etc/apk/cache, or with `--no-network` (no index is fetched).
 * - pip install without `--no-cache-dir` (or its accepted prefix `--no-cache`): also fine with `PIP_NO_CACHE_DIR` set (ENV or ARG in the
 *   image, `export`, or `VAR=… pip`; pip treats any value as "off", even 0/false, for
 *   historical reasons), when the RUN removes ~/.cache/pip, or with a cache mount on a pip cache
 *   directory (…/.cache or …/.cache/pip).
 * The range is the verb (`install`/`add`) or `update` word, where the flag would be inserted.
 *
 * Fixes (all safe, applied by fix-all): the missing flag goes right after the verb; the apt lists
 * cleanup `rm -rf /var/lib/apt/lists/*` is appended at the end of the RUN in its own style, and
 * only when that RUN also installs with apt (a RUN that only updates feeds a later RUN's install,
 * and removing its lists would break that install: merging the RUNs is the user's call).
 */

const APT_PROGRAMS = new Set(['apt-get', 'apt']);

function isAptCommand(command: ShellCommand, verb: string): { verbWord: ShellCommand['words'][number] } | undefined {
  const { name, args } = splitCommand(command);
  if (!APT_PROGRAMS.has(commandBaseName(name))) return undefined;
  const verbWord = args.find((a) => !a.value.startsWith('-'));
  return verbWord?.value === verb ? { verbWord } : undefined;
}

function removes(commands: ShellCommand[], path: RegExp): boolean {
  return commands.some((c) => {
    const { name, args } = splitCommand(c);
    return commandBaseName(name) === 'rm' && args.some((a) => path.test(a.value));
  });
}

function hasCacheMount(model: DockerfileModel, run: Instruction, path: RegExp): boolean {
  return cacheMountTargets(model, run).some((t) => path.test(t));
}

function disablesRecommends(text: string): boolean {
  return /Install-Recommends["'\s=]+(?:false|0|no)\b/i.test(text);
}

function envProperties(stages: Stage[]): Property[] {
  return stages.flatMap((stage) => [...instructionsOf(stage, 'ENV'), ...instructionsOf(stage, 'ARG')].flatMap((i) => (i as PropertyInstruction).getProperties?.() ?? []));
}

function setsPipNoCache(commands: ShellCommand[], upTo: ShellCommand): boolean {
  for (const c of commands) {
    if (c.words.some((w) => /^PIP_NO_CACHE_DIR=./.test(w.value))) return true;
    if (c === upTo) return false;
  }
  return false;
}

export default defineRule({
  id: 'package-hygiene',
  title: 'Package manager leaves caches or extras in the image',
  description: 'Package caches, apt lists and recommended extras bloat every layer they are left in and add packages nobody reviewed to the attack surface.',
  severity: 'info',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3015', 'DL3009', 'DL3018', 'DL3019', 'DL3042'], checkov: [], kics: ['apt_get_install_lists_were_not_deleted', 'apk_add_using_local_cache_path', 'pip_install_keeping_cached_packages'] },
  howToFix: 'Use `apt-get install --no-install-recommends … && rm -rf /var/lib/apt/lists/*` in the same RUN, `apk add --no-cache`, `pip install --no-cache-dir` (or a BuildKit `--mount=type=cache`).',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      // Per stage: ENV/ARG and apt configuration carry over from the stages it is built FROM.
      const stageState = new Map<Stage, { pipNoCacheEnv: boolean; recommendsOff: boolean }>();
      let recommendsOff = false;
      let pipNoCacheEnv = false;
      let currentStage: Stage | undefined;
      for (const { stage, run, commands } of runsOf(model)) {
        if (stage !== currentStage) {
          currentStage = stage;
          const inherited = stage.baseStage ? stageState.get(stage.baseStage) : undefined;
          recommendsOff = inherited?.recommendsOff ?? false;
          pipNoCacheEnv = envProperties(stageChain(stage)).some((p) => p.getName() === 'PIP_NO_CACHE_DIR' && (p.getValue() ?? '') !== '');
        }
        const runText = model.text.slice(model.offsetAt(run.getRange().start), model.offsetAt(run.getRange().end));
        if (disablesRecommends(runText)) recommendsOff = true;
        stageState.set(stage, { pipNoCacheEnv, recommendsOff });
        // Once per RUN, not per command: a RUN of thousands of commands must stay linear.
        let distClean: boolean | undefined;
        for (const command of commands) {
          const install = findPackageInstall(command);
          if (install) checkInstall(install, command, run, commands);
          const update = isAptCommand(command, 'update');
          if (update) distClean ??= commands.some((c) => isAptCommand(c, 'dist-clean'));
          if (update && !distClean && !removes(commands, /^\/var\/lib\/apt\/lists(\/\*?)?$|^\/var\/lib\/apt\/?$/) && !hasCacheMount(model, run, /^\/var\/lib\/apt(\/lists)?$/)) {
            report({ range: wordRange(model, update.verbWord), message: 'apt-get update without removing /var/lib/apt/lists in the same RUN: the package lists stay in this layer for good (apt-get clean does not remove them).', fixes: cleanupFix(run, commands, command) });
          }
        }
      }

      function flagFix(run: Instruction, install: PackageInstall, flag: string): Fix[] {
        return [{ title: `Add ${flag} to ${install.program.value} ${install.verb.value}`, edits: [insertAfterWord(model, run, install.verb, flag)], safe: true, preferred: true }];
      }

      function cleanupFix(run: Instruction, commands: ShellCommand[], update: ShellCommand): Fix[] | undefined {
        const later = commands.slice(commands.indexOf(update) + 1);
        if (!later.some((c) => findPackageInstall(c)?.manager === 'apt')) return undefined;
        const edit = appendToRun(model, run, commands, 'rm -rf /var/lib/apt/lists/*');
        return edit && [{ title: 'Remove /var/lib/apt/lists/* at the end of this RUN', edits: [edit], safe: true, preferred: true }];
      }

      function checkInstall(install: PackageInstall, command: ShellCommand, run: Instruction, commands: ShellCommand[]): void {
        const fromFile = install.manager === 'pip' && hasOption(install, '-r', '--requirement', '-e', '--editable');
        if (install.packages.length === 0 && !fromFile) return;
        if (install.manager === 'apt' && APT_PROGRAMS.has(commandBaseName(install.program))) {
          const viaOption = install.options.some((o) => disablesRecommends(o.value));
          if (!recommendsOff && !viaOption && !hasOption(install, '--no-install-recommends')) {
            report({ range: wordRange(model, install.verb), message: 'apt-get install without --no-install-recommends: pulls in recommended packages nobody asked for, growing the image and its attack surface.', fixes: flagFix(run, install, '--no-install-recommends') });
          }
        } else if (install.manager === 'apk') {
          // `--no-network` installs from what is already there and fetches no index to cache.
          if (!hasOption(install, '--no-cache', '--no-network') && !removes(commands, /^\/var\/cache\/apk(\/\*?)?$/) && !hasCacheMount(model, run, /^\/var\/cache\/apk$|^\/etc\/apk\/cache$/)) {
            report({ range: wordRange(model, install.verb), message: 'apk add without --no-cache: the package index stays in the layer, growing the image for nothing.', fixes: flagFix(run, install, '--no-cache') });
          }
        } else if (install.manager === 'pip') {
          // pip accepts unambiguous prefixes of long options: `--no-cache` is `--no-cache-dir`.
          if (hasOption(install, '--no-cache-dir', '--no-cache') || pipNoCacheEnv || setsPipNoCache(commands, command)) return;
          if (removes(commands, /(^|\/)\.cache(\/pip)?(\/\*?)?$/) || hasCacheMount(model, run, /(^|\/)\.cache(\/pip)?$/)) return;
          report({ range: wordRange(model, install.verb), message: 'pip install without --no-cache-dir: the wheel cache stays in the layer, growing the image for nothing.', fixes: flagFix(run, install, '--no-cache-dir') });
        }
      }
    },
  },
});

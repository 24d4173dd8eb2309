import { defineRule } from '../rule';
import { commandsOf, packageInstallsOf, wordRange } from '../dockerfile/queries';
import { packageName } from '../dockerfile/packages';
import { splitCommand } from '../dockerfile/shell';

/**
 * `sudo`: flags `sudo` installed by a system package manager and `sudo` run as a command in RUN
 * (also inside `sh -c`, heredocs, substitutions and `ONBUILD RUN`). Only real command words count:
 * `echo "sudo …"` or a comment is not sudo. The range is the `sudo` word, so a fix can delete it
 * together with the space after it.
 */
export default defineRule({
  id: 'sudo',
  title: 'sudo in the image',
  description: 'sudo in a container gives any process that gets a shell a path to root, and RUN already runs as the stage user, so it is never needed for building.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3004'], kics: ['run_using_sudo'], trivy: ['DS010'] },
  howToFix: 'Drop the `sudo ` prefix: run the step while the stage is still `USER root`, then switch to the unprivileged `USER`. Do not install the sudo package.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      for (const { install } of packageInstallsOf(model)) {
        if (install.manager === 'pip') continue;
        for (const word of install.packages) {
          if (packageName(word) === 'sudo') {
            report({ range: wordRange(model, word), message: 'Installs sudo: any process that gets a shell in the container then has a documented path to root.' });
          }
        }
      }
      for (const { command } of commandsOf(model)) {
        for (const wrapper of splitCommand(command).wrappers) {
          if (wrapper.value !== 'sudo' && !wrapper.value.endsWith('/sudo')) continue;
          report({ range: wordRange(model, wrapper), message: 'Uses sudo in RUN: the build runs as the stage user already; switch USER instead of shipping and using sudo.' });
        }
      }
    },
  },
});

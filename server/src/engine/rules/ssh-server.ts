import { defineRule } from '../rule';
import { instructionsOf, packageInstallsOf, runsOf, wordRange } from '../dockerfile/queries';
import { packageName } from '../dockerfile/packages';
import { commandBaseName, splitCommand } from '../dockerfile/shell';

const SSH_SERVER_PACKAGES = new Set(['openssh-server', 'openssh', 'dropbear', 'openssh-server-pam', 'ssh']);
const SSH_DAEMONS = new Set(['sshd', 'dropbear']);

/** `22`, `22/tcp`, and port ranges that include 22. */
export function exposesPort22(spec: string): boolean {
  const port = spec.split('/')[0];
  const range = /^(\d+)-(\d+)$/.exec(port);
  if (range) return Number(range[1]) <= 22 && Number(range[2]) >= 22;
  return port === '22';
}

export default defineRule({
  id: 'ssh-server',
  title: 'SSH server in a container',
  description: 'An SSH server in a container is a second, password- or key-guessable way in that bypasses the orchestrator; use `docker exec`/`kubectl exec` instead.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: [], checkov: ['CKV_DOCKER_1'], kics: ['exposing_port_22'], trivy: ['DS004'], kubeLinter: ['ssh-port'] },
  howToFix: 'Remove the SSH server package and `EXPOSE 22`; debug with `docker exec` or `kubectl exec`/ephemeral containers instead.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      for (const { install } of packageInstallsOf(model)) {
        if (install.manager === 'pip') continue;
        for (const word of install.packages) {
          if (SSH_SERVER_PACKAGES.has(packageName(word))) {
            report({ range: wordRange(model, word), message: `Installs the SSH server ${packageName(word)}: a second way into the container that bypasses docker/kubectl exec and its access control.` });
          }
        }
      }
      for (const { commands } of runsOf(model)) {
        for (const command of commands) {
          const { name, args } = splitCommand(command);
          const base = commandBaseName(name);
          const startsSshService = (base === 'service' || base === 'rc-service') && (args[0]?.value === 'ssh' || args[0]?.value === 'sshd') && args[1]?.value === 'start';
          if (name && (SSH_DAEMONS.has(base) || startsSshService)) {
            report({ range: wordRange(model, name), message: 'Starts an SSH daemon: a second way into the container that bypasses docker/kubectl exec and its access control.' });
          }
        }
      }
      for (const stage of model.stages) {
        for (const expose of instructionsOf(stage, 'EXPOSE')) {
          for (const arg of expose.getArguments()) {
            if (exposesPort22(arg.getValue())) report({ range: arg.getRange(), message: 'Exposes port 22 (SSH): a remote shell port is an entry point that bypasses the orchestrator.' });
          }
        }
        for (const keyword of ['CMD', 'ENTRYPOINT']) {
          for (const instruction of instructionsOf(stage, keyword)) {
            const args = instruction.getArguments();
            const program = args[0]?.getValue().replace(/^\[?"?|"?,?$/g, '') ?? '';
            if (SSH_DAEMONS.has(program.slice(program.lastIndexOf('/') + 1))) {
              report({ range: args[0].getRange(), message: 'Runs an SSH daemon as the container process: a second way in that bypasses docker/kubectl exec.' });
            }
          }
        }
      }
    },
  },
});

import { defineRule } from '../rule';
import type { Argument, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../dockerfile/model';
import type { Range } from '../types';
import { instructionsOf, packageInstallsOf, runsOf, wordRange } from '../dockerfile/queries';
import { packageName } from '../dockerfile/packages';
import { commandBaseName, parseShell, splitCommand } from '../dockerfile/shell';
import { interpolatedText, serviceItems } from '../compose/model';
import { containersOf, describeContainer } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import type { YamlView } from '../yaml/view';
import type { Node } from 'yaml';
import { programUsedInFile, removePackageFix } from '../dockerfile/package-removal';
import { removeInstruction } from '../dockerfile/edits';
import type { Fix } from '../types';

const SSH_SERVER_PACKAGES = new Set(['openssh-server', 'openssh', 'dropbear', 'openssh-server-pam', 'ssh']);
const SSH_DAEMONS = new Set(['sshd', 'dropbear']);

/** `22`, `22/tcp`, and port ranges that include 22. */
export function exposesPort22(spec: string): boolean {
  const port = spec.split('/')[0];
  const range = /^(\d+)-(\d+)$/.exec(port);
  if (range) return Number(range[1]) <= 22 && Number(range[2]) >= 22;
  return port === '22';
}

/**
 * `EXPOSE 22` goes (the whole instruction when 22 is its only port); a range such as `20-25` is
 * left for the user to split. EXPOSE is documentation only, so removing it is safe.
 */
function exposeFix(model: DockerfileModel, expose: Instruction, args: Argument[], index: number): Fix[] | undefined {
  const arg = args[index];
  if (!/^22(\/\w+)?$/.test(arg.getValue())) return undefined;
  const range = arg.getRange();
  const title = 'Remove port 22 from EXPOSE';
  if (args.length === 1) return [{ title, edits: [removeInstruction(model, expose)], safe: true, preferred: true }];
  const edit = index === 0 ? { range: { start: range.start, end: args[1].getRange().start }, newText: '' } : { range: { start: args[index - 1].getRange().end, end: range.end }, newText: '' };
  return [{ title, edits: [edit], safe: true, preferred: true }];
}

export default defineRule({
  id: 'ssh-server',
  title: 'SSH server in a container',
  description: 'An SSH server in a container is a second, password- or key-guessable way in that bypasses the orchestrator; use `docker exec`/`kubectl exec` instead.',
  severity: 'warning',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: { hadolint: [], checkov: ['CKV_DOCKER_1'], kics: ['exposing_port_22'], trivy: ['DS004'], kubeLinter: ['ssh-port'] },
  howToFix: 'Remove the SSH server package and `EXPOSE 22` (Dockerfile), the published port 22 (Compose `ports`) or `containerPort: 22` (Kubernetes); debug with `docker exec` or `kubectl exec`/ephemeral containers instead.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      // Every stage, as rules.md defines the rule; ONBUILD RUN triggers count too.
      const installs = packageInstallsOf(model);
      const isServer = (name: string, manager: string) => SSH_SERVER_PACKAGES.has(name) && (name !== 'openssh' || manager === 'apk');
      // Removing the package is safe unless the image also starts the daemon (then it would fail to start).
      // Asked only once a server package is found: it scans the whole text, on every keystroke otherwise.
      let daemonStarted: boolean | undefined;
      const isDaemonStarted = () => (daemonStarted ??= programUsedInFile(model, ['sshd', 'dropbear', 'ssh', 'ssh.service', 'sshd.service'], installs.flatMap((i) => i.install.packages)));
      for (const { install, run } of installs) {
        if (install.manager === 'pip') continue;
        for (const word of install.packages) {
          const name = packageName(word);
          // On Fedora/RHEL/SUSE `openssh` is the common base (no sshd); on Alpine it pulls in the server.
          if (isServer(name, install.manager)) {
            const fixes = removePackageFix(model, run, install, word, { title: `Remove ${name} from the install list`, safe: !isDaemonStarted(), keeps: (other) => !isServer(packageName(other), install.manager) });
            report({ range: wordRange(model, word), message: `Installs the SSH server ${packageName(word)}: a second way into the container that bypasses docker/kubectl exec and its access control.`, fixes });
          }
        }
      }
      const isSshService = (word: string | undefined) => word === 'ssh' || word === 'sshd' || word === 'ssh.service' || word === 'sshd.service' || word === 'dropbear';
      // The programs a CMD/ENTRYPOINT starts: exec form, its first JSON string; shell form, every
      // command of the line, with `service ssh start` read as sshd.
      const programsOf = (instruction: Instruction): Array<{ value: string; range: Range }> => {
        const json = (instruction as JSONInstruction).getJSONStrings?.() ?? [];
        if (json.length > 0) return [{ value: json[0].getJSONValue(), range: json[0].getRange() }];
        const r = instruction.getArgumentsRange();
        if (!r) return [];
        const commands = parseShell(model.text, model.offsetAt(r.start), model.offsetAt(r.end), { escapeChar: model.escapeChar, dockerfileContinuations: true });
        return commands.flatMap((c) => {
          const { name, args } = splitCommand(c);
          if (!name) return [];
          const base = commandBaseName(name);
          const service = (base === 'service' || base === 'rc-service') && isSshService(args[0]?.value);
          return [{ value: service ? 'sshd' : name.value, range: wordRange(model, name) }];
        });
      };
      for (const { commands } of runsOf(model)) {
        for (const command of commands) {
          const { name, args } = splitCommand(command);
          const base = commandBaseName(name);
          const startsSshService =
            ((base === 'service' || base === 'rc-service') && isSshService(args[0]?.value) && args[1]?.value === 'start') ||
            (base === 'systemctl' && args.some((a) => a.value === 'enable' || a.value === 'start') && args.some((a) => isSshService(a.value))) ||
            (base === 'rc-update' && args[0]?.value === 'add' && isSshService(args[1]?.value));
          if (name && (SSH_DAEMONS.has(base) || startsSshService)) {
            report({ range: wordRange(model, name), message: 'Starts an SSH daemon: a second way into the container that bypasses docker/kubectl exec and its access control.' });
          }
        }
      }
      for (const stage of model.stages) {
        for (const expose of instructionsOf(stage, 'EXPOSE')) {
          const args = expose.getArguments();
          args.forEach((arg, index) => {
            if (exposesPort22(arg.getValue())) report({ range: arg.getRange(), message: 'Exposes port 22 (SSH): a remote shell port is an entry point that bypasses the orchestrator.', fixes: exposeFix(model, expose, args, index) });
          });
        }
        for (const keyword of ['CMD', 'ENTRYPOINT']) {
          for (const instruction of instructionsOf(stage, keyword)) {
            for (const word of programsOf(instruction)) {
              if (SSH_DAEMONS.has(word.value.slice(word.value.lastIndexOf('/') + 1))) {
                report({ range: word.range, message: 'Runs an SSH daemon as the container process: a second way in that bypasses docker/kubectl exec.' });
              }
            }
          }
        }
      }
    },
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        for (const item of serviceItems(view, service, 'ports')) {
          const target = composeContainerPort(view, item);
          const range = target && exposesPort22(target.port) ? view.range(target.node) : undefined;
          if (range) once({ range, message: `Service "${service.name}" publishes container port 22 (SSH): a remote shell port is an entry point that bypasses docker exec and its access control.` });
        }
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { container } of containersOf(model.objects)) {
        for (const item of view.items(view.get(container.node, 'ports'))) {
          const node = view.get(view.map(item), 'containerPort');
          const range = view.number(node) === 22 ? view.range(node) : undefined;
          if (range) once({ range, message: `The ${describeContainer(container)} declares containerPort 22 (SSH): a remote shell port is an entry point that bypasses kubectl exec and its access control.` });
        }
      }
    },
  },
});

/**
 * The container side of a Compose `ports` entry: `"22"`, `"2222:22"`, `"127.0.0.1:2222:22/tcp"`,
 * `"[::1]:2222:22"`, ranges (`"20-25:20-25"`), or the long syntax's `target`.
 */
function composeContainerPort(view: YamlView, item: Node): { port: string; node: Node } | undefined {
  const map = view.map(item);
  if (map) {
    const target = view.get(map, 'target');
    const text = view.string(target);
    const port = text === undefined ? undefined : interpolatedText(text);
    return port === undefined || !target ? undefined : { port: port.trim(), node: target };
  }
  const written = view.string(item);
  const text = written === undefined ? undefined : interpolatedText(written);
  if (text === undefined) return undefined;
  const withoutProtocol = text.trim().split('/')[0];
  return { port: withoutProtocol.slice(withoutProtocol.lastIndexOf(':') + 1), node: item };
}

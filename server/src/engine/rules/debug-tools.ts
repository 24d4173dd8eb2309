import { defineRule } from '../rule';
import { finalStageChain, packageInstallsOf, wordRange } from '../dockerfile/queries';
import { packageName } from '../dockerfile/packages';
import { programUsedInFile, removePackageFix } from '../dockerfile/package-removal';

/** The programs each tool installs, to tell whether the file itself runs one (a HEALTHCHECK with nc). */
const PROGRAMS: Record<string, string[]> = {
  netcat: ['nc', 'netcat', 'ncat'],
  nmap: ['nmap'],
  tcpdump: ['tcpdump'],
  telnet: ['telnet'],
  socat: ['socat'],
  strace: ['strace'],
  gdb: ['gdb', 'gdbserver'],
};

/** System packages that are network or process debugging tools, by the names distributions use. */
const DEBUG_TOOLS: ReadonlyMap<string, string> = new Map([
  ['netcat', 'netcat'],
  ['netcat-openbsd', 'netcat'],
  ['netcat-traditional', 'netcat'],
  ['netcat-gnu', 'netcat'],
  ['nc', 'netcat'],
  ['ncat', 'netcat'],
  ['nmap-ncat', 'netcat'],
  ['nmap', 'nmap'],
  ['tcpdump', 'tcpdump'],
  ['telnet', 'telnet'],
  ['socat', 'socat'],
  ['strace', 'strace'],
  ['gdb', 'gdb'],
  ['gdbserver', 'gdb'],
]);

/**
 * `debug-tools`: a system package install of a network/process debugging tool in the final image:
 * the final stage and the stages it is built FROM (their packages ship too), including `ONBUILD
 * RUN` triggers there. Build stages that are only copied from don't ship their packages, so they
 * are not flagged. pip packages are not system tools and are ignored.
 */
export default defineRule({
  id: 'debug-tools',
  title: 'Debugging tool in the final image',
  description: 'Network and process debugging tools in a production image hand an attacker who gets in ready-made tools for scanning, tunnelling and reading other processes.',
  severity: 'info',
  kinds: ['dockerfile'],
  peerIds: {},
  howToFix: 'Remove the package from the final stage; debug with an ephemeral debug container (`kubectl debug`, `docker run --pid=container:…`) instead.',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      const installs = packageInstallsOf(model, finalStageChain(model));
      const allPackages = packageInstallsOf(model).flatMap((i) => i.install.packages);
      for (const { install, run } of installs) {
        if (install.manager === 'pip') continue;
        for (const word of install.packages) {
          const tool = DEBUG_TOOLS.get(packageName(word));
          if (!tool) continue;
          // Safe unless the file runs the tool itself (a HEALTHCHECK or entrypoint using nc).
          const safe = !programUsedInFile(model, PROGRAMS[tool], allPackages);
          const fixes = removePackageFix(model, run, install, word, { title: `Remove ${packageName(word)} from the install list`, safe, keeps: (other) => !DEBUG_TOOLS.has(packageName(other)) });
          report({ range: wordRange(model, word), message: `Installs ${tool} in the final image: a ready-made tool for an attacker who gets in (scanning, tunnelling, process inspection).`, fixes });
        }
      }
    },
  },
});

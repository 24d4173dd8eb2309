import { commandBaseName, splitCommand, type ShellCommand, type ShellWord } from './shell';

export type PackageManager = 'apt' | 'apk' | 'yum' | 'dnf' | 'zypper' | 'pip';

/** One `apt-get install …`, `apk add …`, `pip install …` (etc.) command, with its package words. */
export interface PackageInstall {
  manager: PackageManager;
  command: ShellCommand;
  /** The program word (`apt-get`, `pip3`, …). */
  program: ShellWord;
  /** The subcommand word (`install`, `add`, …). */
  verb: ShellWord;
  /** Option words (`-y`, `--no-install-recommends`) in order, each followed by its value word when it takes one (`-o`, `APT::…`). */
  options: ShellWord[];
  /** Package words (`curl`, `openssh-server=1:9.2*`), without option values. */
  packages: ShellWord[];
}

interface ManagerSpec {
  manager: PackageManager;
  verbs: string[];
  /** Options that take the next word as their value (so it is not a package). */
  valueOptions: string[];
}

const MANAGERS: Record<string, ManagerSpec> = {
  'apt-get': { manager: 'apt', verbs: ['install'], valueOptions: ['-t', '-o', '--target-release', '-c'] },
  apt: { manager: 'apt', verbs: ['install'], valueOptions: ['-t', '-o', '--target-release', '-c'] },
  aptitude: { manager: 'apt', verbs: ['install'], valueOptions: ['-t', '-o'] },
  apk: { manager: 'apk', verbs: ['add'], valueOptions: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch'] },
  yum: { manager: 'yum', verbs: ['install'], valueOptions: ['--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'] },
  dnf: { manager: 'dnf', verbs: ['install'], valueOptions: ['--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'] },
  microdnf: { manager: 'dnf', verbs: ['install'], valueOptions: ['--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'] },
  tdnf: { manager: 'dnf', verbs: ['install'], valueOptions: ['--enablerepo', '--disablerepo', '--setopt', '--releasever', '--installroot'] },
  zypper: { manager: 'zypper', verbs: ['install', 'in'], valueOptions: ['-r', '--repo', '--from'] },
  pip: { manager: 'pip', verbs: ['install'], valueOptions: ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '--trusted-host', '-t', '--target', '-f', '--find-links', '--prefix', '--root', '--src', '-e', '--editable', '--platform', '--python-version', '--implementation', '--abi'] },
};

const SIMULATE = new Set(['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon', '--assumeno']);

function managerFor(name: string): ManagerSpec | undefined {
  if (/^pip(\d(\.\d+)?)?$/.test(name)) return MANAGERS.pip;
  return MANAGERS[name];
}

export function findPackageInstall(command: ShellCommand): PackageInstall | null {
  // Asked by several rules for every command: computed once per command (shared; never mutate it).
  let install = installs.get(command);
  if (install === undefined) {
    install = readPackageInstall(command);
    installs.set(command, install);
  }
  return install;
}

const installs = new WeakMap<ShellCommand, PackageInstall | null>();

function readPackageInstall(command: ShellCommand): PackageInstall | null {
  const { name, args } = splitCommand(command);
  if (!name) return null;
  let program = name;
  let rest = args;
  let spec = managerFor(commandBaseName(name));
  // `python -m pip install …`
  if (!spec && /^python(\d(\.\d+)?)?$/.test(commandBaseName(name)) && args[0]?.value === '-m' && /^pip\d?$/.test(args[1]?.value ?? '')) {
    spec = MANAGERS.pip;
    program = args[1];
    rest = args.slice(2);
  }
  if (!spec) return null;

  // Global options may precede the verb (`apt-get -y install`, `apk --no-cache add`).
  const options: ShellWord[] = [];
  let i = 0;
  while (i < rest.length && rest[i].value.startsWith('-')) {
    options.push(rest[i]);
    if (spec.valueOptions.includes(rest[i].value) && rest[i + 1]) options.push(rest[++i]);
    i++;
  }
  const verb = rest[i];
  if (!verb || !spec.verbs.includes(verb.value)) return null;
  const packages: ShellWord[] = [];
  for (i++; i < rest.length; i++) {
    const word = rest[i];
    if (word.value.startsWith('-')) {
      options.push(word);
      if (spec.valueOptions.includes(word.value) && rest[i + 1]) options.push(rest[++i]);
    } else if (word.value !== '') {
      packages.push(word);
    }
  }
  // `apt-get install -s …` and friends only simulate: nothing is installed.
  if (options.some((o) => SIMULATE.has(o.value))) return null;
  return { manager: spec.manager, command, program, verb, options, packages };
}

/** `openssh-server=1:9.2*` → `openssh-server`; `requests==2.0` → `requests`; `nmap~=7` → `nmap`. */
export function packageName(word: ShellWord): string {
  // Asked for every package word by several rules on every keystroke: no split() arrays.
  const value = word.value;
  const end = value.search(VERSION_OR_OPTION);
  return (end < 0 ? value : value.slice(0, end)).toLowerCase();
}

/** Where a package word's name ends: a version (`=1.2`, `<2`, `~1`, `:amd64`, `@edge`) or `[extra]`. */
const VERSION_OR_OPTION = /[=<>~!:@[;]/;

export function hasOption(install: PackageInstall, ...names: string[]): boolean {
  return install.options.some((o) => names.some((n) => o.value === n || o.value.startsWith(`${n}=`)));
}

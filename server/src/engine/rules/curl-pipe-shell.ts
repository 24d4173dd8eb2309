import { defineRule } from '../rule';
import { commandsOf } from '../dockerfile/queries';
import { commandBaseName, isShellName, shellScriptArgument, splitCommand, substitutionsIn, type ShellCommand, type ShellWord } from '../dockerfile/shell';
import type { DockerfileModel } from '../dockerfile/model';
import type { Range } from '../types';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
const INTERPRETER = /^(?:python[\d.]*|perl[\d.]*|ruby[\d.]*|node|nodejs|php[\d.]*|pwsh|powershell)$/;
/** Options that make an interpreter run a script given on the command line, not stdin. */
const SCRIPT_FLAGS = /^-(?:[a-zA-Z]*c[a-zA-Z]*|m|e|E|r|p)$|^--(?:command|eval|print)$/;
/** For shells only `-c` does (`bash -e` is errexit, `-x` is xtrace). */
const SHELL_SCRIPT_FLAGS = /^-[a-zA-Z]*c[a-zA-Z]*$/;

function isInterpreter(name: string): boolean {
  return isShellName(name) || INTERPRETER.test(name);
}

/**
 * True when the interpreter reads its program from stdin: no script file, no `-c`/`-e`/`-m`
 * (`curl … | python3 -c 'import json…'` only parses data), or `-s` / `-` explicitly.
 */
function readsProgramFromStdin(program: string, args: ShellWord[]): boolean {
  const shell = isShellName(program);
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '-' || v === '--') return true;
    if (shell && isShortFlags(v) && v.includes('s') && !v.includes('c')) return true;
    if ((shell ? SHELL_SCRIPT_FLAGS : SCRIPT_FLAGS).test(v)) return false;
    if (shell && (v === '-o' || v === '+o')) i++; // `bash -o pipefail`: the option's value
    else if (!v.startsWith('-') && !v.startsWith('+')) return false; // a script file
  }
  return true;
}

function isShortFlags(v: string): boolean {
  return /^-[a-zA-Z]+$/.test(v);
}

/**
 * `curl-pipe-shell`: a download run as code without being checked.
 * - `curl … | sh`, `wget -qO- … | sudo bash -s -- args`, `curl … | tee x | python3` (any later command of
 *   the same pipeline); range: from the `|` to the interpreter's name (`| sh`).
 * - `sh -c "$(curl …)"`, `bash <(curl …)`, `. <(curl …)`, `source <(wget -O- …)`, `eval "$(curl …)"`,
 *   `python3 <(curl …)`; range: the interpreter word through the substitution.
 * Not flagged: text that only looks like it (`echo "curl x | sh"`, comments), data piped into a
 * script (`curl … | python3 -c '…'`, `curl … | jq`), and download-then-run in two steps, which
 * leaves a file a checksum step could verify.
 * Every stage counts, and `ONBUILD RUN` triggers too: they run verbatim in every downstream build.
 */
export default defineRule({
  id: 'curl-pipe-shell',
  title: 'Download piped into a shell',
  description: 'Piping a download into a shell runs whatever the server (or anyone in between) sends at build time, unreviewed and unverifiable.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL4006'], kics: [], trivy: [] },
  howToFix: 'Download to a file, verify its checksum or signature (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it; or use a package.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      const all = commandsOf(model);
      for (const { command, commands } of all) {
        const pipe = pipedFromDownload(model, command, commands);
        if (pipe) {
          report({ range: pipe, message: `A download is piped into ${commandBaseName(splitCommand(command).name)}: whatever the server sends runs at build time, unreviewed and unverified.` });
          continue;
        }
        const substituted = substitutedDownload(model, command);
        if (substituted) report({ range: substituted.range, message: `${substituted.name} runs a download straight from a substitution: whatever the server sends runs at build time, unreviewed and unverified.` });
      }
    },
  },
});

function pipedFromDownload(model: DockerfileModel, command: ShellCommand, commands: ShellCommand[]): Range | undefined {
  if (command.connector !== '|' && command.connector !== '|&') return undefined;
  const { name, args } = splitCommand(command);
  if (!name || !isInterpreter(commandBaseName(name)) || !readsProgramFromStdin(commandBaseName(name), args)) return undefined;
  const index = commands.indexOf(command);
  let downloads = false;
  for (let i = index - 1; i >= 0 && commands[i].pipeline === command.pipeline; i--) {
    if (DOWNLOADERS.has(commandBaseName(splitCommand(commands[i]).name))) downloads = true;
    if (commands[i].connector !== '|' && commands[i].connector !== '|&') break;
  }
  if (!downloads) return undefined;
  return model.lines.rangeAt(command.connectorStart ?? command.start, name.end);
}

function substitutedDownload(model: DockerfileModel, command: ShellCommand): { range: Range; name: string } | undefined {
  const { name, args } = splitCommand(command);
  const program = commandBaseName(name);
  if (!name || !(isInterpreter(program) || program === 'source' || program === '.' || program === 'eval')) return undefined;
  // Only the word that is the program: `sh -c "$(curl …)"`, `bash <(curl …)`; not an argument
  // the script merely receives (`sh install.sh --version "$(curl -s …)"`).
  const script = program === 'eval' ? args : [shellScriptArgument(args) ?? args.find((a) => !a.value.startsWith('-') || a.value.startsWith('<('))].filter((a): a is ShellWord => a !== undefined);
  for (const arg of script) {
    for (const [from, to] of substitutionsIn(model.text, arg)) {
      if (/^\s*(?:\S*\/)?(?:curl|wget|fetch)\s/.test(model.text.slice(from, to))) {
        return { range: model.lines.rangeAt(name.start, arg.end), name: program };
      }
    }
  }
  return undefined;
}


import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { commandsOf, instructionsOf, substringRange, wordRange } from '../dockerfile/queries';
import { isReusedAcrossEdits } from '../dockerfile/anchored-commands';
import { commandBaseName, splitCommand, type ShellCommand, type ShellWord } from '../dockerfile/shell';
import type { DockerfileModel } from '../dockerfile/model';
import type { Fix, Range, TextEdit } from '../types';
import { removeInstruction, removeShellWord } from '../dockerfile/edits';

/**
 * `insecure-transport`: TLS or package-signature checks switched off, in RUN commands (also
 * nested `sh -c`, heredocs, `ONBUILD RUN`) and in ENV/ARG (an ARG default is in the environment
 * of every later RUN of its stage).
 *
 * Flags: curl `-k`/`--insecure`/`--proxy-insecure` (also inside combined flags like `-fsSLk`);
 * wget `--no-check-certificate` (and `check_certificate = off` for .wgetrc or `-e`); apt/apt-get `--allow-unauthenticated`, `--force-yes`,
 * `--allow-insecure-repositories`, `-o …AllowUnauthenticated/AllowInsecureRepositories=true`, and
 * `[trusted=yes]` in a sources line; yum/dnf/microdnf/tdnf `--nogpgcheck`, `--setopt=…gpgcheck=0`
 * or `sslverify=0`; rpm `--nosignature`; zypper `--no-gpg-checks`; apk `--allow-untrusted`; pip
 * `--trusted-host`; npm/yarn/pnpm `strict-ssl false` (config set, or `--strict-ssl=false`);
 * git `http.sslVerify false` (`git config`, `git -c`); and the variables GIT_SSL_NO_VERIFY (any
 * value: git only checks that it is set), NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0,
 * NPM_CONFIG_STRICT_SSL=false, PIP_TRUSTED_HOST — in ENV/ARG, as `VAR=… cmd`, or `export`/`env`.
 * The range is the flag or the assignment.
 */

const FALSE = /^(?:false|0|no|off)$/i;

/** `NAME=value` that disables verification, or undefined. */
export function insecureVariable(name: string, value: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper === 'GIT_SSL_NO_VERIFY') return 'GIT_SSL_NO_VERIFY turns off TLS verification for git';
  if (upper === 'NODE_TLS_REJECT_UNAUTHORIZED' && value.trim() === '0') return 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS verification for Node.js';
  if (upper === 'PYTHONHTTPSVERIFY' && value.trim() === '0') return 'PYTHONHTTPSVERIFY=0 turns off TLS verification for Python';
  if (upper === 'NPM_CONFIG_STRICT_SSL' && FALSE.test(value.trim())) return 'npm strict-ssl false turns off TLS verification for npm';
  if (upper === 'PIP_TRUSTED_HOST' && value.trim() !== '') return 'PIP_TRUSTED_HOST lets pip accept that host without valid TLS';
  return undefined;
}

interface Hit {
  range: Range;
  why: string;
  /** The edit that removes the flag or variable, when it can go without breaking the command. */
  remove?: TextEdit;
}

const WHY_TLS = 'turns off TLS certificate checks';
const WHY_SIG = 'turns off package signature checks';

/**
 * A command's hits, computed once per command. They hold only line/character ranges and read only
 * the command's own instruction, so they stay right for a chunk that moved (anchored-commands.ts).
 */
function cachedCommandHits(model: DockerfileModel, run: Instruction, command: ShellCommand): Hit[] {
  // Each command is asked once per analysis: the memo only pays off for the next version's.
  if (!isReusedAcrossEdits(command)) return commandHits(model, run, command);
  let hits = hitsByCommand.get(command);
  if (!hits) {
    hits = commandHits(model, run, command);
    hitsByCommand.set(command, hits);
  }
  return hits;
}

const hitsByCommand = new WeakMap<ShellCommand, Hit[]>();

function commandHits(model: DockerfileModel, run: Instruction, command: ShellCommand): Hit[] {
  const hits: Hit[] = [];
  const { words } = command;
  const { name, args } = splitCommand(command);
  const program = commandBaseName(name);
  const hit = (word: ShellWord, why: string, needle?: string) => hits.push({ range: needle ? substringRange(model, word, needle) : wordRange(model, word), why, remove: needle ? undefined : removeShellWord(model, run, word) });
  /** A flag and its value word (`--trusted-host host`, `-o Acquire::…=true`). */
  const hitPair = (first: ShellWord, second: ShellWord, flagged: ShellWord, why: string) => hits.push({ range: wordRange(model, flagged), why, remove: removeShellWord(model, run, first, second) });

  // Assignments before the command (`NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`) and `export`/`env` arguments.
  const assignments = words.slice(0, name ? words.indexOf(name) : words.length);
  if (program === 'export' || program === 'env' || program === 'declare') assignments.push(...args);
  const exported = program === 'export' || program === 'declare';
  for (const word of assignments) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
    const why = m && insecureVariable(m[1], m[2]);
    // `export X=0` alone would leave a bare `export`: only an assignment among others goes.
    const removable = !exported || args.length > 1;
    if (why) hits.push({ range: wordRange(model, word), why, remove: removable && name ? removeShellWord(model, run, word) : undefined });
  }

  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const v = word.value;
    const next = args[i + 1]?.value ?? '';
    switch (program) {
      case 'curl':
        if (v === '--insecure' || v === '--proxy-insecure') hit(word, `curl ${v} ${WHY_TLS}`);
        else if (v === '-k') hit(word, `curl -k ${WHY_TLS}`);
        else if (/^-[a-zA-Z]*k[a-zA-Z]*$/.test(v) && !/^-[a-zA-Z]*[oOHdeuUxAbcDEFmrTwyzY][a-zA-Z]*k/.test(v)) {
          // `-fsSLk` → `-fsSL`: drop the letter, keep the other flags.
          const raw = model.text.slice(word.start, word.end);
          const remove = raw === v ? { range: wordRange(model, word), newText: v.replace('k', '') } : undefined;
          hits.push({ range: wordRange(model, word), why: `curl -k ${WHY_TLS}`, remove });
        }
        break;
      case 'wget':
        if (v === '--no-check-certificate') hit(word, `wget --no-check-certificate ${WHY_TLS}`);
        break;
      case 'apt-get':
      case 'apt':
      case 'aptitude':
        if (v === '--allow-unauthenticated' || v === '--force-yes' || v === '--allow-insecure-repositories') hit(word, `${program} ${v} ${WHY_SIG}`);
        else if (/(AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)(?:=|\s+)"?(?:true|1|yes)/i.test(v)) {
          if (args[i - 1]?.value === '-o') hitPair(args[i - 1], word, word, `${program} ${v} ${WHY_SIG}`);
          else hits.push({ range: wordRange(model, word), why: `${program} ${v} ${WHY_SIG}` });
        }
        break;
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'tdnf':
        if (v === '--nogpgcheck' || v === '--no-gpgcheck') hit(word, `${program} ${v} ${WHY_SIG}`);
        else if (/^--setopt=\S*(?:gpgcheck|sslverify)=(?:0|false|no)$/i.test(v)) hit(word, `${program} ${v} turns off signature or TLS checks`);
        break;
      case 'rpm':
        if (v === '--nosignature' || v === '--nodigest') hit(word, `rpm ${v} ${WHY_SIG}`);
        break;
      case 'zypper':
        if (v === '--no-gpg-checks') hit(word, `zypper ${v} ${WHY_SIG}`);
        break;
      case 'apk':
        // Installing only local .apk files built in this image is not a download.
        if (v === '--allow-untrusted' && !args.filter((a) => !a.value.startsWith('-') && a.value !== 'add').every((a) => !a.value.includes('://') && /^[./]|\.apk$/.test(a.value))) hit(word, `apk ${v} ${WHY_SIG}`);
        break;
      case 'npm':
      case 'yarn':
      case 'pnpm':
        if (/^--strict-ssl=(?:false|0)$/i.test(v) || /^strict-ssl=(?:false|0)$/i.test(v)) hit(word, `${program} strict-ssl false ${WHY_TLS}`);
        else if (/^"?strict-ssl"?$/i.test(v) && FALSE.test(next)) hits.push({ range: model.lines.rangeAt(word.start, args[i + 1].end), why: `${program} strict-ssl false ${WHY_TLS}` });
        break;
      case 'git':
        if (/^http\.(?:\S+\.)?sslverify=(?:false|0|no|off)$/i.test(v)) {
          // `git -c http.sslVerify=false clone …`: the `-c` pair goes; `git config …=false` is left to the user.
          if (args[i - 1]?.value === '-c') hitPair(args[i - 1], word, word, `git ${v} ${WHY_TLS}`);
          else hits.push({ range: wordRange(model, word), why: `git ${v} ${WHY_TLS}` });
        }
        else if (/^http\.(?:\S+\.)?sslverify$/i.test(v) && FALSE.test(next)) hits.push({ range: model.lines.rangeAt(word.start, args[i + 1].end), why: `git http.sslVerify false ${WHY_TLS}` });
        break;
    }
    if (/^pip[\d.]*$/.test(program) || (/^python[\d.]*$/.test(program) && args.some((a) => /^pip\d?$/.test(a.value)))) {
      if (v === '--trusted-host' && args[i + 1]) hitPair(word, args[i + 1], word, `pip --trusted-host ${WHY_TLS} for that host`);
      else if (v === '--trusted-host' || v.startsWith('--trusted-host=')) hit(word, `pip --trusted-host ${WHY_TLS} for that host`);
    }
    // `echo "deb [trusted=yes] http://…" > /etc/apt/sources.list.d/x.list`
    // `echo "strict-ssl=false" >> ~/.npmrc` (npm/yarn/pnpm themselves are handled above)
    if (!['npm', 'yarn', 'pnpm'].includes(program) && /\bstrict-ssl\s*=\s*(?:false|0)\b/i.test(v)) hit(word, `strict-ssl=false in an npm config ${WHY_TLS}`, v.match(/strict-ssl\s*=\s*\w+/i)![0]);
    // `echo "check_certificate = off" >> ~/.wgetrc`, `wget -e check_certificate=off`
    if (/\bcheck[_-]certificate\s*=\s*(?:off|0|no|false)\b/i.test(v)) hit(word, `wget check_certificate=off ${WHY_TLS}`, v.match(/check[_-]certificate\s*=\s*\w+/i)![0]);
    // A `file:`/`copy:` repository built in the same image involves no network.
    if (/\[[^\][]*\btrusted=yes\b[^\][]*\]/.test(v) && !/\]\s*(?:file|copy):/.test(v)) hit(word, `an apt source marked [trusted=yes] ${WHY_SIG}`, 'trusted=yes');
  }
  return hits;
}

function removalFix(hit: Hit): Fix[] | undefined {
  if (!hit.remove) return undefined;
  return [{ title: 'Remove the setting that turns off verification', edits: [hit.remove], safe: true, preferred: true }];
}

/** The ENV/ARG instruction when it sets only this variable, else `NAME=value` and its separator. */
function removeProperty(model: DockerfileModel, instruction: Instruction, ranges: Range[], index: number): TextEdit | undefined {
  if (ranges.length === 1) return removeInstruction(model, instruction);
  const text = model.text;
  // Legacy `ENV NAME value` form has one property and is handled above.
  const start = index === 0 ? model.offsetAt(ranges[0].start) : model.offsetAt(ranges[index - 1].end);
  const end = index === 0 ? model.offsetAt(ranges[1].start) : model.offsetAt(ranges[index].end);
  if (start >= end || text.slice(start, end).includes('#')) return undefined;
  return { range: model.lines.rangeAt(start, end), newText: '' };
}

export default defineRule({
  id: 'insecure-transport',
  title: 'TLS or signature checks switched off',
  description: 'With TLS or package-signature checks off, anyone on the network path can swap what the build downloads and installs.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: [], checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_17'], kics: ['unix_ssl_verification_disabled'] },
  howToFix: 'Remove the flag or variable. If a registry or mirror uses a private CA, add that CA to the image\'s trust store instead (`COPY ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates`).',
  fixable: true,
  check: {
    dockerfile({ model, report }) {
      const say = (hit: Hit) => report({ range: hit.range, message: `${hit.why}: anyone on the network path can swap what the build downloads.`, fixes: removalFix(hit) });
      for (const { command, run } of commandsOf(model)) {
        for (const hit of cachedCommandHits(model, run, command)) say(hit);
      }
      const declarations = [...model.stages.flatMap((stage) => [...instructionsOf(stage, 'ENV'), ...instructionsOf(stage, 'ARG')]), ...model.globalInstructions.filter((i) => i.getKeyword() === 'ARG')];
      for (const instruction of declarations) {
        const properties = (instruction as PropertyInstruction).getProperties?.() ?? [];
        properties.forEach((property, index) => {
          const why = insecureVariable(property.getName(), property.getValue() ?? '');
          if (!why || property.getValue() === null) return;
          say({ range: property.getRange(), why, remove: removeProperty(model, instruction, properties.map((p) => p.getRange()), index) });
        });
      }
    },
  },
});

import { defineRule } from '../rule';
import { commandsOf, wordRange } from '../dockerfile/queries';
import { commandBaseName, splitCommand, type ShellCommand, type ShellWord } from '../dockerfile/shell';

/**
 * True when a chmod mode adds setuid or setgid: symbolic `+s`, `u+s`, `g=rwxs`, `a+xs,o-w`, or
 * octal with the 4000/2000 bits (`4755`, `2755`, `6755`, `04755`). Removing them (`u-s`, `0755`)
 * and the sticky bit (`1777`, `+t`) are fine.
 */
export function modeSetsSetuid(mode: string): boolean {
  if (/^[0-7]+$/.test(mode)) return mode.length >= 4 && (parseInt(mode, 8) & 0o6000) !== 0;
  return mode.split(',').some((clause) => /^[ugoa]*([-+=][rwxXst]*)*$/.test(clause) && /[+=][rwxXt]*s/.test(clause) && !/^o+[+=]/.test(clause));
}

/** The mode word of `chmod [-R…] MODE files…` or `install -m MODE` / `--mode=MODE`. */
function modeWord(program: string, args: ShellWord[]): { word: ShellWord; mode: string } | undefined {
  if (program === 'chmod') {
    for (const arg of args) {
      if (arg.value.startsWith('--reference')) return undefined;
      // `-s`-style words are removals or options (`-R`, `-v`); the first other word is the mode.
      if (arg.value.startsWith('-') && !/^-[ugoa]*[+=]/.test(arg.value)) continue;
      return { word: arg, mode: arg.value };
    }
    return undefined;
  }
  if (program === 'install') {
    // `install -d --mode 3777 /run/app`: setgid/sticky on a directory only sets group inheritance.
    if (args.some((a) => a.value === '-d' || a.value === '--directory' || /^-[a-zA-Z]*d[a-zA-Z]*$/.test(a.value))) return undefined;
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if ((v === '-m' || v === '--mode') && args[i + 1]) return { word: args[i + 1], mode: args[i + 1].value };
      const joined = /^(?:--mode=|-m)(.+)$/.exec(v);
      if (joined) return { word: args[i], mode: joined[1] };
    }
  }
  return undefined;
}

/** setgid without setuid: on a directory that only makes new files inherit the group. */
function onlySetgid(mode: string): boolean {
  if (/^[0-7]+$/.test(mode)) return (parseInt(mode, 8) & 0o4000) === 0;
  return !mode.split(',').some((c) => /^[ua]*[+=][rwxXt]*s/.test(c) || /^[+=][rwxXt]*s/.test(c));
}

/** Directories created by `mkdir` in the same RUN. */
function madeDirectories(commands: ShellCommand[]): Set<string> {
  const dirs = new Set<string>();
  for (const c of commands) {
    const { name, args } = splitCommand(c);
    if (commandBaseName(name) === 'mkdir') for (const a of args) if (!a.value.startsWith('-')) dirs.add(a.value.replace(/\/+$/, ''));
  }
  return dirs;
}

function targetsAreDirectories(args: ShellWord[], modeWord: ShellWord, dirs: Set<string>): boolean {
  const targets = args.slice(args.indexOf(modeWord) + 1).filter((a) => !a.value.startsWith('-'));
  return targets.length > 0 && targets.every((t) => t.value.endsWith('/') || dirs.has(t.value.replace(/\/+$/, '')));
}

/**
 * `setuid-bits`: chmod/install modes that add setuid or setgid, in every RUN of every stage
 * (and `ONBUILD RUN` triggers). Range: the mode word. Not flagged: removals, the sticky bit,
 * variable modes, and setgid-only on directories (`install -d`, or a directory `mkdir`'d in the
 * same RUN, or a path ending in `/`), where it only makes new files inherit the group.
 */
export default defineRule({
  id: 'setuid-bits',
  title: 'setuid/setgid bit set',
  description: 'A setuid or setgid binary runs with its owner\'s privileges whoever starts it: one bug in it is a privilege escalation inside the container.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { kics: [], trivy: [] },
  howToFix: 'Do not add setuid/setgid bits; give the program the capability it needs (or run it as the right user). To strip existing ones: `find / -xdev -perm /6000 -type f -exec chmod a-s {} +`.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      for (const { command, commands } of commandsOf(model)) {
        const { name, args } = splitCommand(command);
        const program = commandBaseName(name);
        if (program !== 'chmod' && program !== 'install') continue;
        const found = modeWord(program, args);
        if (!found || found.mode.includes('$') || !modeSetsSetuid(found.mode)) continue;
        if (program === 'chmod' && onlySetgid(found.mode) && targetsAreDirectories(args, found.word, madeDirectories(commands))) continue;
        report({ range: wordRange(model, found.word), message: `${program} mode ${found.mode} sets the setuid/setgid bit: one bug in that binary becomes a privilege escalation in the container.` });
      }
    },
  },
});

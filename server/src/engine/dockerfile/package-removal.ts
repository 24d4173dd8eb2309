import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../types';
import type { DockerfileModel } from './model';
import type { PackageInstall } from './packages';
import type { ShellWord } from './shell';
import { removeShellWord } from './edits';

/**
 * "Remove the package from the install list": deletes the package word (with its continuation
 * line when it has one to itself) and keeps the rest of the command. Offered only while another
 * package stays in the list (`keeps`), since an install with no packages fails for some managers.
 */
export function removePackageFix(model: DockerfileModel, run: Instruction, install: PackageInstall, word: ShellWord, options: { title: string; safe: boolean; keeps: (other: ShellWord) => boolean }): Fix[] | undefined {
  if (!install.packages.some((p) => p !== word && options.keeps(p))) return undefined;
  const edit = removeShellWord(model, run, word);
  if (!edit) return undefined;
  return [{ title: options.title, edits: [edit], safe: options.safe, preferred: true }];
}

/** True when a program name is run anywhere in the file outside install lists (a HEALTHCHECK with `nc`, a CMD with `sshd`). */
export function programUsedInFile(model: DockerfileModel, names: readonly string[], exclude: ShellWord[]): boolean {
  const excluded = exclude.map((w) => [w.start, w.end]);
  const pattern = new RegExp(`(^|[\\s;&|("'\\[/])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[\\s;&|)"',\\]])`, 'gm');
  for (const m of model.text.matchAll(pattern)) {
    const at = (m.index ?? 0) + m[1].length;
    if (excluded.some(([s, e]) => at >= s && at < e)) continue;
    return true;
  }
  return false;
}

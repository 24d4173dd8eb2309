import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine';

/**
 * False-positive hunting ground: every real-world Dockerfile of the shared corpus must analyse
 * without a rule throwing. Prints findings per rule so a reviewer can sample them by hand.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const listFile = path.join(shared, 'corpus', 'synthetic', 'lists', 'dockerfiles.txt');
const realWorld = path.join(shared, 'corpus', 'real-world');

/** List entries are relative to the list's folder (`../../real-world/…`) or to real-world/. */
function resolveEntry(entry: string): string {
  const fromList = path.resolve(path.dirname(listFile), entry);
  return existsSync(fromList) ? fromList : path.resolve(realWorld, entry);
}

describe('dockerfile corpus', () => {
  if (!existsSync(shared)) {
    it('skipped: ../shared (the shared corpus) is not next to the repository', (t) => t.skip(`no folder at ${shared}`));
    return;
  }
  it('analyses every listed Dockerfile with no rule failures', () => {
    const entries = readFileSync(listFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    assert.ok(entries.length > 100, `expected the corpus list to name many files, got ${entries.length}`);
    const perRule = new Map<string, number>();
    const failures: string[] = [];
    let analysed = 0;
    for (const entry of entries) {
      const file = resolveEntry(entry);
      const text = readFileSync(file, 'utf8');
      const result = analyze(text, { path: file, kind: 'dockerfile' });
      analysed++;
      for (const f of result.failures) failures.push(`${entry}: ${f.ruleId} threw ${String(f.error)}`);
      for (const finding of result.findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
    }
    const counts = [...perRule.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id.padEnd(22)} ${n}`);
    console.log(`corpus: ${analysed} Dockerfiles\n${counts.join('\n')}`);
    assert.equal(analysed, entries.length);
    assert.deepEqual(failures, []);
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

/**
 * Catastrophic backtracking (issue 10): every regular expression literal in server/src and client/src is run
 * against adversarial strings (long runs of each character the pattern mentions, and of the
 * usual suspects: spaces, quotes, backslashes, `${`, …, each ending in a character that makes the
 * match fail late). A linear pattern takes microseconds on them; an exponential or quadratic one
 * takes far longer than the bound. CPU time, so a busy machine does not cause failures.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUN = 20_000;
/**
 * Exponential and cubic patterns blow far past this; a quadratic one (`/\s+$/` on 20,000 spaces)
 * takes ~250 ms, so it passes here: those are bounded by the 100,000-character line limit, and the
 * known ones were rewritten as loops (edits.ts, paths.ts, values.ts, add-instead-of-copy.ts).
 */
const BOUND_MS = 1000;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

interface Found {
  where: string;
  regex: RegExp;
}

function regexLiterals(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      const flags = literal.slice(slash + 1).replace(/[gy]/g, '');
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ where: `${path.relative(ROOT, file)}:${line} ${literal}`, regex: new RegExp(literal.slice(1, slash), flags) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const SUSPECTS = [' ', '\t', 'a', 'A', '0', '-', '_', '.', '/', '\\', '"', "'", '=', ':', '$', '{', '${', 'a ', 'a=', 'a-', '\\\n', '" ', 'a.', '#', '*', '|', '&&', '\n', '\r\n'];
const ENDINGS = ['\u0000', '!', '\n', ''];

function adversarial(regex: RegExp): string[] {
  const fromPattern = new Set(regex.source.replace(/\\[dswbDSWB]/g, '').match(/[ -~]/g) ?? []);
  const pieces = [...new Set([...SUSPECTS, ...fromPattern])];
  return pieces.flatMap((piece) => ENDINGS.map((end) => piece.repeat(Math.ceil(RUN / piece.length)) + end));
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('regular expressions stay linear on adversarial input', () => {
  const found = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))].flatMap(regexLiterals);

  it('finds the regular expressions of the engine, server and CLI', () => {
    assert.ok(found.length > 50, `found ${found.length}`);
  });

  it(`every literal handles ${RUN.toLocaleString('en-US')}-character adversarial strings within ${BOUND_MS} ms`, () => {
    const slow: string[] = [];
    for (const { where, regex } of found) {
      for (const input of adversarial(regex)) {
        const ms = cpuMs(() => regex.test(input));
        if (ms > BOUND_MS) {
          slow.push(`${where}: ${Math.round(ms)} ms on ${JSON.stringify(input.slice(0, 12))}… (${input.length} chars)`);
          break;
        }
      }
    }
    assert.deepEqual(slow, []);
  });
});

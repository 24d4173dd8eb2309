/**
 * The extension-host entry point: `run()` is what @vscode/test-electron's `extensionTestsPath`
 * (and the code-server launcher's `payload`) loads inside VS Code's extension host. It runs every
 * compiled `*.test.js` beside it with Mocha. Results go to the console and, when
 * BULKHEAD_VSCODE_TEST_LOG is set (the launchers set it), to that file line by line, since the
 * extension host's console is not the launcher's terminal under code-server.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function log(line: string): void {
  console.log(line);
  const file = process.env.BULKHEAD_VSCODE_TEST_LOG;
  if (file) appendFileSync(file, `${line}\n`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: class {} as never });
  const grep = process.env.BULKHEAD_VSCODE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      log(`vscode: ${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else if (passed === 0) reject(new Error('no extension test ran'));
      else resolve();
    });
    let passed = 0;
    runner.on('suite', (suite) => {
      if (suite.title) log(`${'  '.repeat(depth(suite))}${suite.title}`);
    });
    runner.on('pass', (t) => {
      passed++;
      log(`${'  '.repeat(depth(t))}✔ ${t.title} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, error: Error) => {
      log(`${'  '.repeat(depth(t))}✖ ${t.title}\n${indent(error.stack ?? String(error), depth(t) + 2)}`);
    });
  });
}

function depth(item: { parent?: { parent?: unknown } }): number {
  let n = 0;
  for (let p = item.parent as { parent?: unknown } | undefined; p?.parent; p = p.parent as { parent?: unknown }) n++;
  return n;
}

function indent(text: string, n: number): string {
  return text.split('\n').map((l) => `${'  '.repeat(n)}${l}`).join('\n');
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, hasCodes, lacksCode, openFile, replaceText, waitForDiagnostics } from './helpers';

/** The language server processes this extension host started (children running dist/server.js). */
function serverPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((l) => /dist[\\/]server\.js/.test(l)).map((l) => Number.parseInt(l.trim(), 10));
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Process lists have no change event; poll briefly.
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the language server process', () => {
  before(activate);

  it('comes back after being killed, and diagnostics keep working', async () => {
    const editor = await openFile('restart/Dockerfile', 'FROM node:24.11.1\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('root-user'));
    const [old] = await waitFor('a running server', () => (serverPids().length === 1 ? serverPids() : undefined));
    process.kill(old, 'SIGKILL');
    const fresh = await waitFor('a new server process', () => serverPids().find((p) => p !== old));
    assert.notEqual(fresh, old);
    await replaceText(uri, 'USER root', 'USER node');
    await waitForDiagnostics(uri, lacksCode('root-user'), 'the restarted server to analyse the edit');
    await replaceText(uri, 'USER node', 'USER root');
    await waitForDiagnostics(uri, hasCodes('root-user'), 'the restarted server to flag root again');
  });

  it('"Bulkhead: Restart Language Server" starts a new server that re-analyses open files', async () => {
    const editor = await openFile('restart/Dockerfile', 'FROM node:24.11.1\nUSER root\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasCodes('root-user'));
    const [old] = await waitFor('a running server', () => (serverPids().length === 1 ? serverPids() : undefined));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('bulkhead.restartServer'), 'the command is registered');
    await vscode.commands.executeCommand('bulkhead.restartServer');
    const [fresh] = await waitFor('exactly one new server', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== old ? pids : undefined;
    });
    assert.notEqual(fresh, old);
    await replaceText(uri, 'USER root', 'USER node');
    await waitForDiagnostics(uri, lacksCode('root-user'), 'the new server to analyse the edit');
  });
});

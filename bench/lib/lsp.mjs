// A minimal LSP client for benchmarks: starts a language server over stdio, opens documents,
// sends edits and times each didChange → publishDiagnostics for that edit, as an editor sees it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { middleEditPoint } from './inputs.mjs';

export class BenchClient {
  /** @param {{ command: string, args: string[], settings?: (section: string) => unknown, initializationOptions?: unknown }} server */
  constructor(server) {
    this.server = server;
    this.started = performance.now();
    this.process = spawn(server.command, server.args, { stdio: 'pipe' });
    this.process.stdin.on('error', () => undefined);
    this.process.stderr.on('data', () => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.waiters = [];
    /** uri → last publication (time, version, count). */
    this.latest = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.latest.set(p.uri, { at, version: p.version, count: p.diagnostics.length });
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(at);
        }
      }
    });
    const settings = server.settings ?? (() => null);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((i) => settings(i.section ?? '')));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
      initializationOptions: this.server.initializationOptions,
    });
    this.readyMs = performance.now() - this.started;
    await this.connection.sendNotification('initialized', {});
    if (this.server.pushSettings) await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.server.pushSettings });
    return result;
  }

  /** Resolves with the time of the first publication for `uri` (after now) that `match` accepts. */
  nextDiagnostics(uri, match = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match: (p) => p.uri === uri && match(p), resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  open(uri, languageId, text, version = 1) {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri, version, changes) {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri) {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident set size now and at its peak, in MB (Linux /proc). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    } catch {
      return { rssMb: NaN, peakMb: NaN };
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 50));
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}

/**
 * Opens `text`, waits for its first diagnostics, then applies `edits` small edits in the middle
 * (insert one character, then delete it, alternately), one at a time, and times each didChange →
 * publishDiagnostics. A server that publishes versions must publish the edit's version.
 */
/** `paceMs`: wait this long after each edit's diagnostics before the next edit (0: at once, the worst case). */
export async function measureEdits(client, { uri, languageId, text, edits, warmup = 10, paceMs = 0 }) {
  const opened = performance.now();
  const first = client.nextDiagnostics(uri);
  client.open(uri, languageId, text, 1);
  const firstAt = await first;
  const openMs = firstAt - opened;
  // The middle line with some text on it; edit in the middle of that line.
  const { line, character } = middleEditPoint(text);
  const samples = [];
  let version = 1;
  for (let i = 0; i < warmup + edits; i++) {
    version++;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const v = version;
    const published = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version === v);
    const sent = performance.now();
    client.change(uri, v, [change]);
    const at = await published;
    if (i >= warmup) samples.push(at - sent);
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  client.close(uri);
  return { openMs, samples };
}

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1], n: sorted.length };
}

export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

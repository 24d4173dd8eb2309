import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; source?: string; message: string; codeDescription?: { href: string } }[];
}

/**
 * Drives the built language server over stdio the way an editor does, for protocol tests.
 * Waits are event-driven with a timeout, never fixed sleeps.
 */
export class TestLspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  settings: unknown = {};
  stderr = '';
  /** window/logMessage texts, in order (the output channel in VS Code). */
  readonly logs: string[] = [];

  /** `options.env` is added to this process's environment; `options.execArgv` goes before the server script. */
  constructor(args: string[] = ['--stdio'], options: { env?: Record<string, string>; execArgv?: string[] } = {}) {
    this.process = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, ...args], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.process.stderr.on('data', (d) => (this.stderr += String(d)));
    // A server that exits first must not turn our pending writes into uncaught EPIPE errors.
    this.process.stdin.on('error', () => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.match(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.listen();
  }

  /** `workspaceFolders`: file URIs of the workspace (cross-file rules and the audit read them). */
  async initialize(extraWorkspaceCapabilities: Record<string, unknown> = {}, workspaceFolders?: string[]): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders ? workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })) : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...extraWorkspaceCapabilities },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * textDocument/codeAction for these diagnostics over `range` (default: the start of the file),
   * optionally only of the given kinds. `T` is the caller's view of the wire CodeAction.
   */
  codeActions<T>(uri: string, diagnostics: PublishedDiagnostics['diagnostics'], only?: string[], range: PublishedDiagnostics['diagnostics'][number]['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): Promise<T[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<T[]>;
  }

  /** Resolves with the first publication (past or future) that matches. */
  waitForDiagnostics(match: (p: PublishedDiagnostics) => boolean, timeoutMs = 5000): Promise<PublishedDiagnostics> {
    const seen = this.published.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; got ${JSON.stringify(this.published.slice(-3))}\nstderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ match, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  publications(uri: string): PublishedDiagnostics[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** Polite LSP shutdown; resolves with the server's exit code (killed after a timeout). */
  async shutdown(timeoutMs = 3000): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), timeout]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone: nothing to shut down.
    }
    const code = await Promise.race([exited, timeout]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.process.kill('SIGKILL');
      return null;
    }
    return code;
  }
}

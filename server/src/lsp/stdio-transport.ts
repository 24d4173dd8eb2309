import { inspect } from 'node:util';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';

/**
 * LSP over stdio with one write per message.
 *
 * vscode-jsonrpc's stream writer sends a message as two writes (the header, then the body once
 * the header's write has completed), each a system call on the pipe to the editor and a trip
 * through the event loop. Opening 700 Dockerfiles at once publishes 700 diagnostics messages, and
 * 10% of the server's time went to those writes (bench/lsp-latency.mjs --open-only, --cpu-prof).
 * This writer frames each message into one buffer, and writes the messages of one tick at once;
 * the stream keeps the order of writes, so messages never interleave.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  /** Messages framed during this tick, written together when it ends (see `write`). */
  private pending: { framed: Buffer; message: Message; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  /**
   * Frames the message and writes it when the current tick ends, together with any others sent
   * in it: a burst of analyses publishes a batch of diagnostics in one system call, which wakes
   * the editor once instead of once per document.
   */
  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const framed = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) process.nextTick(() => this.flush());
      this.pending.push({ framed, message, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const data = batch.length === 1 ? batch[0].framed : Buffer.concat(batch.map((m) => m.framed));
    this.output.write(data, (error?: Error | null) => {
      if (!error) {
        this.errorCount = 0;
        for (const m of batch) m.resolve();
        return;
      }
      this.errorCount++;
      for (const m of batch) {
        this.fireError(error, m.message, this.errorCount);
        m.reject(error);
      }
    });
  }

  end(): void {}
}

/**
 * With stdout carrying the protocol, a stray `console.log` (ours or a dependency's) would corrupt
 * it: send console output to the client's log instead, as vscode-languageserver does for `--stdio`
 * when it owns the streams.
 */
export function routeConsoleToClient(connection: Connection): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace: ${text(args)}\n${new Error().stack ?? ''}`);
  console.dir = (arg: unknown) => connection.console.log(inspect(arg));
}

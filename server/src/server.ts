#!/usr/bin/env node
/**
 * bulkhead-language-server: the LSP entry point. Transport is chosen by the usual flags
 * (`--stdio`, `--node-ipc`, `--socket=<port>`), handled by vscode-languageserver.
 */
import { createConnection, ProposedFeatures, type MessageReader } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';
import { routeConsoleToClient, SingleWriteMessageWriter } from './lsp/stdio-transport';
import { VERSION } from './version';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stdout.write('Usage: bulkhead-language-server --stdio | --node-ipc | --socket=<port>\n');
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

// Over stdio, our own writer frames each message in one write (lsp/stdio-transport.ts).
const stdio = args.includes('--stdio');
// The input stays the stdin stream, not a reader: vscode-languageserver then exits when the editor
// closes it, as with plain --stdio (it accepts a stream and a writer; its typings want a pair).
const input = process.stdin as unknown as MessageReader;
const connection = stdio ? createConnection(ProposedFeatures.all, input, new SingleWriteMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
if (stdio) routeConsoleToClient(connection);
startSession(connection, __dirname);

#!/usr/bin/env node
/**
 * bulkhead-language-server: the LSP entry point. Transport is chosen by the usual flags
 * (`--stdio`, `--node-ipc`, `--socket=<port>`), handled by vscode-languageserver.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';
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

const connection = createConnection(ProposedFeatures.all);
startSession(connection, __dirname);

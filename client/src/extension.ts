import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerAuditFeatures } from './audit';
import { redactingChannel } from './redact-trace';

let client: LanguageClient | undefined;

/** Languages whose documents the server analyses; it decides by name and content which are ours. */
const DOCUMENT_SELECTOR = ['dockerfile', 'dockercompose', 'yaml', 'json'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // One channel for the client's log and the protocol trace (as the client's default), through a
  // wrapper that redacts document text and secrets: a verbose trace carries every open file's text.
  const output = window.createOutputChannel('Bulkhead', { log: true });
  context.subscriptions.push(output);
  const redacted = redactingChannel(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: redacted,
    traceOutputChannel: redacted,
    synchronize: { configurationSection: 'bulkhead' },
    initializationOptions: { settings: workspace.getConfiguration('bulkhead') },
  };
  // The client id `bulkhead` makes `bulkhead.trace.server` control protocol tracing.
  client = new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  context.subscriptions.push(commands.registerCommand('bulkhead.restartServer', () => client?.restart()));
  registerAuditFeatures(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

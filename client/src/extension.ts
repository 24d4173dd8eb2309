import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerAuditFeatures } from './audit';

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
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'bulkhead' },
    initializationOptions: { settings: workspace.getConfiguration('bulkhead') },
  };
  // The client id `bulkhead` makes `bulkhead.trace.server` control protocol tracing.
  client = new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  registerAuditFeatures(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { ConfigResolver, isConfigFileName, readConfigText, type LoadedConfig, type ResolvedConfig } from '../config';
import type { ConfigLayer } from '../config';
import { SOURCE } from './convert';

/**
 * The server's view of `.bulkhead.yaml` / `.hadolint.yaml`: resolves each document's config over
 * the client's settings, reports config problems (diagnostics in the config file at the offending
 * key, and a one-line warning), and forgets everything when a config file changes.
 */
export class WorkspaceConfig {
  private resolver = new ConfigResolver();
  /** Config files whose problems we published, so a fixed or deleted file gets its diagnostics cleared. */
  private readonly published = new Map<string, LoadedConfig>();

  constructor(
    private readonly connection: Connection,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  resolve(filePath: string, settings: ConfigLayer): ResolvedConfig {
    const resolved = this.resolver.resolve(filePath, settings);
    if (resolved.source) this.report(resolved.source);
    return resolved;
  }

  /** The config file in effect for a file (nearest `.bulkhead.yaml`, else `.hadolint.yaml`). */
  nearest(filePath: string): LoadedConfig | undefined {
    return this.resolver.nearest(filePath);
  }

  /** A config file changed, appeared or went away: reload lazily on the next analysis. */
  changed(): void {
    for (const [file, config] of this.published) {
      if (config.problems.length > 0 && !this.isOpen(uriOf(file))) void this.connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
    }
    this.published.clear();
    this.resolver = new ConfigResolver();
  }

  /** Diagnostics for an open config file, from the editor's text (live as the user types). */
  diagnosticsForOpen(filePath: string, text: string): Diagnostic[] | undefined {
    if (!isConfigFileName(filePath)) return undefined;
    return toDiagnostics(readConfigText(filePath, text));
  }

  private report(config: LoadedConfig): void {
    if (this.published.get(config.file) === config) return;
    this.published.set(config.file, config);
    if (config.problems.length === 0) return;
    const uri = uriOf(config.file);
    if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(config) });
    const first = config.problems[0];
    const more = config.problems.length > 1 ? ` (and ${config.problems.length - 1} more)` : '';
    // A plain notification (not a request): nothing to answer, and clients without UI just log it.
    const message = `Bulkhead: ${config.file}:${first.range.start.line + 1}: ${first.message}${more}. Using the valid parts and defaults.`;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

function toDiagnostics(config: LoadedConfig): Diagnostic[] {
  return config.problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'invalid-config', message: p.message }));
}

function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

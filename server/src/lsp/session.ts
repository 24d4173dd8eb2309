import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, EDITOR_LIMITS, addTrustedRegistry, type AnalysisResult, type FileEdit } from '../engine';
import { siblingFileEdit } from './file-edits';
import { noticeToDiagnostic, toDiagnostic } from './convert';
import { AnalysisQueue } from './analysis-queue';
import { createIdleCollector } from './idle-gc';
import { createDocsLinker, ruleHoverMarkdown } from './docs';
import { readSettings, type ServerSettings } from './settings';
import { CODE_ACTION_KINDS, codeActions } from './code-actions';
import { VERSION } from '../version';
import { WorkspaceConfig } from './workspace-config';
import { BULKHEAD_CONFIG_NAMES, HADOLINT_CONFIG_NAMES, isConfigFileName } from '../config';
import { WorkspaceSupport } from './workspace';
import { ConfigFolderWatcher } from './config-watch';
import { EditCaches } from './edit-caches';

interface DocumentState {
  /** The version the document was opened at: later versions are edits (see EditCaches). */
  openedVersion: number;
  /** The version the last published diagnostics belong to. */
  version?: number;
  result?: AnalysisResult;
  /** Versions whose rule failures were already logged (log once per version). */
  loggedFailures?: number;
}

/**
 * The LSP shell: keeps documents in sync, schedules analysis through the engine, and turns
 * results into diagnostics and hovers. All analysis lives in the engine.
 */
export function startSession(connection: Connection, bundleDir: string): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const editCaches = new EditCaches();
  const docsUrl = createDocsLinker(bundleDir);
  let settings: ServerSettings = readSettings(undefined);
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let versionedEdits = false;
  let canCreateFiles = false;
  let canWatchFiles = false;
  const workspaceConfig = new WorkspaceConfig(connection, (uri) => documents.get(uri) !== undefined);
  /** The document's configuration: its nearest `.bulkhead.yaml` over the client's settings. */
  const configFor = (uri: string) => (uri.startsWith('file:') ? workspaceConfig.resolve(uriToPath(uri), settings.layer) : { config: settings.config, ignored: false });

  // After the last queued analysis, collect its young garbage while the user types (idle-gc.ts).
  const queue = new AnalysisQueue((uri) => analyseDocument(uri), undefined, createIdleCollector());
  // Cross-file rules and the workspace audit (lsp/workspace.ts).
  const workspace = new WorkspaceSupport(connection, documents, () => settings.config, (except) => {
    for (const document of documents.all()) if (document.uri !== except) queue.request(document.uri);
  });
  workspace.docsUrl = docsUrl;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canCreateFiles = versionedEdits && (params.capabilities.workspace?.workspaceEdit?.resourceOperations ?? []).includes('create');
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial && typeof initial === 'object') settings = readSettings(initial);
    workspace.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      },
      serverInfo: { name: 'bulkhead-language-server', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterConfigurationChange) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulkhead' }).catch(() => undefined);
    }
    if (canWatchFiles) {
      const watchers = [...BULKHEAD_CONFIG_NAMES, ...HADOLINT_CONFIG_NAMES].map((name) => ({ globPattern: `**/${name}` }));
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    await reloadSettings();
    await workspace.registerWatchers();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await reloadSettings();
    else {
      const pushed = (change.settings as { bulkhead?: unknown } | null)?.bulkhead;
      settings = readSettings(pushed as never);
      reanalyseAll();
    }
  });

  async function reloadSettings(): Promise<void> {
    if (canPullConfiguration) {
      try {
        const [raw] = await connection.workspace.getConfiguration([{ section: 'bulkhead' }]);
        settings = readSettings(raw);
      } catch (error) {
        connection.console.warn(`Bulkhead: could not read settings, using defaults (${String(error)})`);
      }
    }
    reanalyseAll();
  }

  // A config file changed on disk: forget every loaded config and re-check open documents.
  // Two sources say so: the client's file-watch events (the connection has one watched-files
  // handler, installed by WorkspaceSupport, which calls this), and the server's own watch of the
  // folders of open documents (config-watch.ts), since the client's events can be missing.
  const configChanged = (): void => {
    workspaceConfig.changed();
    reanalyseAll();
  };
  workspace.onWatchedFiles = (changes) => {
    if (changes.some((change) => isConfigFileName(uriToPath(change.uri)))) configChanged();
  };
  const configFolders = new ConfigFolderWatcher(() => workspace.folders, configChanged);

  function reanalyseAll(): void {
    for (const document of documents.all()) queue.request(document.uri);
  }

  documents.onDidOpen((event) => {
    states.set(event.document.uri, { openedVersion: event.document.version });
    if (event.document.uri.startsWith('file:')) configFolders.open(event.document.uri, uriToPath(event.document.uri));
    queue.request(event.document.uri);
  });
  documents.onDidChangeContent((event) => queue.request(event.document.uri));
  documents.onDidClose((event) => {
    queue.cancel(event.document.uri);
    states.delete(event.document.uri);
    editCaches.forget(event.document.uri);
    configFolders.close(event.document.uri);
    const kept = workspace.closed(event.document.uri, (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }), docsUrl);
    if (!kept) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  function analyseDocument(uri: string): void {
    const document = documents.get(uri);
    const state = states.get(uri);
    if (!document || !state) return;
    if (!settings.enable) {
      publish(uri, document.version, []);
      return;
    }
    const configDiagnostics = workspaceConfig.diagnosticsForOpen(uriToPath(uri), document.getText());
    if (configDiagnostics) {
      publish(uri, document.version, configDiagnostics);
      return;
    }
    const configured = configFor(uri);
    if (configured.ignored) {
      publish(uri, document.version, []);
      return;
    }
    let result: AnalysisResult;
    try {
      const cache = document.version === state.openedVersion ? undefined : editCaches.forEdit(uri);
      result = analyze(document.getText(), { path: uriToPath(uri), languageId: document.languageId, config: configured.config, cache, limits: EDITOR_LIMITS });
      result = workspace.withCrossFile(uri, document.getText(), result);
    } catch (error) {
      // The engine guards every rule; this is a parser bug. Keep the server alive and say so once.
      connection.console.error(`Bulkhead: analysis of ${uri} (version ${document.version}) failed: ${errorText(error)}`);
      editCaches.forget(uri);
      state.result = undefined;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      publish(uri, document.version, [noticeToDiagnostic({ code: 'skipped', message: 'Bulkhead could not analyse this file (an internal error, logged in the Bulkhead output channel); it is tried again on the next edit.', range })]);
      return;
    }
    if (result.failures.length > 0 && state.loggedFailures !== document.version) {
      state.loggedFailures = document.version;
      for (const failure of result.failures) {
        connection.console.error(`Bulkhead: rule ${failure.ruleId} failed on ${uri} (version ${document.version}); its findings are missing: ${errorText(failure.error)}`);
      }
    }
    state.result = result;
    const diagnostics = [...result.notices.map(noticeToDiagnostic), ...result.findings.map((f) => toDiagnostic(f, docsUrl))];
    publish(uri, document.version, diagnostics);
  }

  function publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    const state = states.get(uri);
    if (state) state.version = version;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  connection.onHover((params): Hover | null => {
    const result = states.get(params.textDocument.uri)?.result;
    if (!result) return null;
    const { line, character } = params.position;
    const finding = result.findings.find((f) => {
      const { start, end } = f.range;
      const afterStart = line > start.line || (line === start.line && character >= start.character);
      const beforeEnd = line < end.line || (line === end.line && character <= end.character);
      return afterStart && beforeEnd;
    });
    if (!finding) return null;
    const markdown = ruleHoverMarkdown(finding.ruleId, docsUrl(finding.ruleId));
    return markdown ? { contents: { kind: 'markdown', value: markdown }, range: finding.range } : null;
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const state = states.get(params.textDocument.uri);
    if (!document || !state || !settings.enable) return [];
    const analyzeOptions = { path: uriToPath(document.uri), languageId: document.languageId, config: configFor(document.uri).config };
    // Diagnostics may be a version behind (analysis is debounced): fixes must match the text as it is now.
    let result = state.version === document.version ? state.result : undefined;
    if (!result) {
      try {
        result = analyze(document.getText(), { ...analyzeOptions, cache: editCaches.peek(document.uri) });
      } catch (error) {
        connection.console.error(`Bulkhead: code actions for ${document.uri} failed: ${errorText(error)}`);
        return [];
      }
    }
    try {
      const fileEdit = (edit: FileEdit) => {
        if (edit.trustedRegistry !== undefined) return trustEdit(document.uri, edit.trustedRegistry);
        if (!document.uri.startsWith('file:')) return undefined;
        return siblingFileEdit(uriToPath(document.uri), edit, {
          rootOf: (file) => workspace.rootOf(file),
          openDocument: (file) => {
            const open = documents.get(pathToFileURL(file).href);
            return open ? { text: open.getText(), version: open.version } : undefined;
          },
          versionedEdits,
          canCreateFiles,
        });
      };
      return codeActions(params, { document, result, analyzeOptions, versionedEdits, fileEdit });
    } catch (error) {
      connection.console.error(`Bulkhead: code actions for ${document.uri} failed: ${errorText(error)}`);
      return [];
    }
  });

  /**
   * untrusted-registry's fix: add the pattern to the nearest `.bulkhead.yaml` (its open text when
   * the editor has it), or create one at the workspace folder's root. Not offered when a
   * `.hadolint.yaml` is the configuration in effect (a new `.bulkhead.yaml` would replace it).
   */
  function trustEdit(uri: string, pattern: string): WorkspaceEdit | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const filePath = uriToPath(uri);
    const nearest = workspaceConfig.nearest(filePath);
    if (nearest?.kind === 'hadolint') return undefined;
    const file = nearest?.file ?? path.join(workspace.rootOf(filePath) ?? path.dirname(filePath), '.bulkhead.yaml');
    const configUri = pathToFileURL(file).href;
    const open = documents.get(configUri);
    let text: string | undefined = open?.getText();
    if (text === undefined && existsSync(file)) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    }
    const change = addTrustedRegistry(text, pattern);
    if (!change) return undefined;
    if ('create' in change) {
      if (!canCreateFiles) return undefined;
      const start = { line: 0, character: 0 };
      return { documentChanges: [{ kind: 'create', uri: configUri }, { textDocument: { uri: configUri, version: null }, edits: [{ range: { start, end: start }, newText: change.create }] }] };
    }
    if (versionedEdits) return { documentChanges: [{ textDocument: { uri: configUri, version: open?.version ?? null }, edits: change.edits }] };
    return { changes: { [configUri]: change.edits } };
  }

  documents.listen(connection);
  connection.listen();
}

function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/\//i, '/'));
  } catch {
    return uri;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

import { commands, languages, ProgressLocation, StatusBarAlignment, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderAuditMarkdown, type JsonReport } from './audit-report';

/** Command ids (stable: tests and keybindings use them). */
export const AUDIT_COMMANDS = {
  audit: 'bulkhead.auditWorkspace',
  clear: 'bulkhead.clearAuditResults',
  showReport: 'bulkhead.showAuditReport',
  exportSarif: 'bulkhead.exportAuditSarif',
  exportJson: 'bulkhead.exportAuditJson',
} as const;

interface AuditResult {
  cancelled: boolean;
  baseDir: string;
  report: JsonReport;
}

/** The workspace audit commands, the report view and the status-bar finding count. */
export function registerAuditFeatures(context: ExtensionContext, client: LanguageClient): void {
  let last: (AuditResult & { date: Date }) | undefined;

  const excludes = (): string[] => {
    const filesExclude = workspace.getConfiguration('files').get<Record<string, boolean>>('exclude', {});
    const ignorePaths = workspace.getConfiguration('bulkhead').get<string[]>('ignorePaths', []);
    return [...Object.entries(filesExclude).filter(([, on]) => on === true).map(([glob]) => glob), ...(Array.isArray(ignorePaths) ? ignorePaths : [])];
  };

  const showReport = async () => {
    if (!last) {
      void window.showInformationMessage('Bulkhead: no audit results yet. Run "Bulkhead: Audit Workspace" first.');
      return;
    }
    const base = Uri.file(last.baseDir);
    const markdown = renderAuditMarkdown(last.report, (relative) => Uri.joinPath(base, relative).toString(), { cancelled: last.cancelled, date: last.date });
    const document = await workspace.openTextDocument({ content: markdown, language: 'markdown' });
    await commands.executeCommand('markdown.showPreview', document.uri);
  };

  /** Asks where to save unless given a target (keybindings, tasks and tests pass one). Resolves with where it wrote. */
  const exportAs = async (format: 'sarif' | 'json', given?: unknown): Promise<Uri | undefined> => {
    const { content } = await client.sendRequest<{ content: string | null }>('bulkhead/exportAudit', { format });
    if (content === null) {
      void window.showInformationMessage('Bulkhead: no audit results to export. Run "Bulkhead: Audit Workspace" first.');
      return undefined;
    }
    const folder = workspace.workspaceFolders?.[0]?.uri;
    const target = given instanceof Uri
      ? given
      : await window.showSaveDialog({
          defaultUri: folder ? Uri.joinPath(folder, format === 'sarif' ? 'bulkhead.sarif' : 'bulkhead.json') : undefined,
          filters: format === 'sarif' ? { SARIF: ['sarif', 'json'] } : { JSON: ['json'] },
        });
    if (!target) return undefined;
    await workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
    void window.showInformationMessage(`Bulkhead: audit exported to ${target.fsPath}`);
    return target;
  };

  const audit = async () =>
    window.withProgress({ location: ProgressLocation.Notification, title: 'Bulkhead: auditing the workspace', cancellable: true }, async (progress, token) => {
      let reported = 0;
      const listener = client.onNotification('bulkhead/auditProgress', ({ done, total }: { done: number; total: number }) => {
        const percent = total === 0 ? 100 : (done / total) * 100;
        progress.report({ message: `${done}/${total} files`, increment: percent - reported });
        reported = percent;
      });
      try {
        // Cancelling asks the server to stop; it answers with what it found so far (kept, not lost).
        const cancel = token.onCancellationRequested(() => void client.sendNotification('bulkhead/cancelAudit'));
        const result = await client.sendRequest<AuditResult>('bulkhead/auditWorkspace', { exclude: excludes(), clientProgress: true }).finally(() => cancel.dispose());
        last = { ...result, date: new Date() };
        const { bySeverity } = result.report.summary;
        // The summary stays up until the person answers; the command itself is done (it resolves
        // with the result, so callers need not wait for a click).
        void window
          .showInformationMessage(
            `Bulkhead: ${result.report.summary.findings} findings in ${result.report.summary.files} files (${bySeverity.error ?? 0} errors, ${bySeverity.warning ?? 0} warnings)${result.cancelled ? ' — cancelled, partial results' : ''}.`,
            'Show Report',
            'Export SARIF',
          )
          .then(async (choice) => {
            if (choice === 'Show Report') await showReport();
            else if (choice === 'Export SARIF') await exportAs('sarif');
          });
        return result;
      } finally {
        listener.dispose();
      }
    });

  const status = window.createStatusBarItem(StatusBarAlignment.Left, 50);
  status.command = AUDIT_COMMANDS.showReport;
  const updateStatus = () => {
    const editor = window.activeTextEditor;
    if (!editor) {
      status.hide();
      return;
    }
    const ours = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'bulkhead' && typeof d.code === 'string' && !['skipped', 'parse-error'].includes(d.code));
    if (ours.length === 0 && !['dockerfile', 'dockercompose', 'yaml'].includes(editor.document.languageId)) {
      status.hide();
      return;
    }
    status.text = `$(shield) ${ours.length}`;
    status.tooltip = `Bulkhead: ${ours.length} finding${ours.length === 1 ? '' : 's'} in this file (click for the workspace audit report)`;
    status.show();
  };

  context.subscriptions.push(
    status,
    commands.registerCommand(AUDIT_COMMANDS.audit, audit),
    commands.registerCommand(AUDIT_COMMANDS.clear, async () => {
      await client.sendRequest('bulkhead/clearAudit', {});
      last = undefined;
    }),
    commands.registerCommand(AUDIT_COMMANDS.showReport, showReport),
    commands.registerCommand(AUDIT_COMMANDS.exportSarif, (target?: unknown) => exportAs('sarif', target)),
    commands.registerCommand(AUDIT_COMMANDS.exportJson, (target?: unknown) => exportAs('json', target)),
    languages.onDidChangeDiagnostics(updateStatus),
    window.onDidChangeActiveTextEditor(updateStatus),
  );
  updateStatus();
}

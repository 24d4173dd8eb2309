import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, fixAllFix, minimalEdits, suppressionFixes, type AnalysisResult, type AnalyzeOptions, type FileEdit, type Finding, type Fix } from '../engine';
import { SOURCE } from './convert';

/** `source.fixAll.bulkhead`: what `"editor.codeActionsOnSave": {"source.fixAll.bulkhead": "explicit"}` runs. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bulkhead`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface CodeActionContext {
  document: TextDocument;
  /** The analysis of this exact document version. */
  result: AnalysisResult;
  /** How to analyse the document again (path, language, settings): fix-all re-analyses after each pass. */
  analyzeOptions: AnalyzeOptions;
  /** The client applies `documentChanges` (versioned edits): edits to a changed document are then refused, not misapplied. */
  versionedEdits: boolean;
  /**
   * A rule's change to another file as a WorkspaceEdit (adding to `trustedRegistries` of the
   * nearest `.bulkhead.yaml`, creating or appending to a `.dockerignore`), or undefined when the
   * host cannot or must not make it (outside the workspace, no file creation, premise gone).
   */
  fileEdit?: (edit: FileEdit) => WorkspaceEdit | undefined;
}

/** True when the request's `only` filter asks for this kind (or a parent of it, as `source` for `source.fixAll.bulkhead`). */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingFor(context.result, diagnostic);
      for (const fix of finding?.fixes ?? []) {
        if (fix.fileEdits && fix.fileEdits.length > 0) {
          const action = fileFix(fix, diagnostic, context);
          if (action) actions.push(action);
          continue;
        }
        actions.push(quickFix(fix, diagnostic, context));
      }
      // Suppression comments come after the real fixes, never preferred.
      if (finding && context.result.kind && finding.ruleId !== 'unused-suppression') {
        for (const fix of suppressionFixes(context.document.getText(), context.result.kind, finding)) actions.push(quickFix(fix, diagnostic, context));
      }
    }
  }
  // The lightbulb (no `only`) offers fix-all when there is more than one safe fix; on save and in
  // "Source Action…" it is asked for by kind.
  const explicitFixAll = only !== undefined && only.length > 0 && wanted(only, FIX_ALL_KIND);
  const worthOffering = explicitFixAll || ((!only || only.length === 0) && context.result.findings.filter((f) => fixAllFix(f)).length > 1);
  if (worthOffering) {
    const action = fixAllAction(context);
    if (action) actions.push(action);
  }
  return actions;
}

/** The finding a diagnostic was made from: same rule, same range. */
export function findingFor(result: AnalysisResult, diagnostic: Diagnostic): Finding | undefined {
  const { start, end } = diagnostic.range;
  return result.findings.find(
    (f) => f.ruleId === diagnostic.code && f.range.start.line === start.line && f.range.start.character === start.character && f.range.end.line === end.line && f.range.end.character === end.character,
  );
}

function quickFix(fix: Fix, diagnostic: Diagnostic, context: CodeActionContext): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: workspaceEdit(context, fix.edits),
  };
}

/** A fix that edits one other file, through the host (which knows the workspace and the open documents). */
function fileFix(fix: Fix, diagnostic: Diagnostic, context: CodeActionContext): CodeAction | undefined {
  const [fileEdit, ...more] = fix.fileEdits ?? [];
  if (more.length > 0 || fix.edits.length > 0 || !fileEdit || !context.fileEdit) return undefined;
  const edit = context.fileEdit(fileEdit);
  if (!edit) return undefined;
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(fix.preferred ? { isPreferred: true } : {}), edit };
}

/** One action applying every safe fix of the document (several passes), sent as one minimal edit. */
function fixAllAction(context: CodeActionContext): CodeAction | undefined {
  const before = context.document.getText();
  const { text, applied } = fixAll(before, context.analyzeOptions);
  if (applied.length === 0 || text === before) return undefined;
  return {
    title: `Fix all safe Bulkhead problems (${applied.length})`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(context, minimalEdits(before, text)),
  };
}

function workspaceEdit(context: CodeActionContext, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = context.document;
  if (context.versionedEdits) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

/**
 * Loaded by bench/activation.mjs as the extension host's test module (`run()`), in a fresh VS Code
 * window whose folder has nothing that activates Bulkhead: opens a Dockerfile from outside it and
 * writes, as one JSON line, how long until the extension was active and until its first
 * diagnostics for that file showed up in VS Code.
 */
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const result = process.env.BULKHEAD_BENCH_RESULT;
  const file = process.env.BULKHEAD_BENCH_DOCKERFILE;
  if (!result || !file) throw new Error('BULKHEAD_BENCH_RESULT and BULKHEAD_BENCH_DOCKERFILE must be set');
  const extension = vscode.extensions.getExtension('bulkhead.bulkhead');
  if (!extension) throw new Error('the Bulkhead extension is not installed in this window');
  const activeBefore = extension.isActive;
  const uri = vscode.Uri.file(file);
  const ours = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'bulkhead');
  const start = performance.now();
  const firstDiagnostics = new Promise<number>((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && ours()) {
        subscription.dispose();
        resolve(performance.now());
      }
    });
  });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  // Opening the Dockerfile is what activates the extension (onLanguage:dockerfile); activate()
  // returns that activation's promise.
  await extension.activate();
  const active = performance.now();
  const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no Bulkhead diagnostics within 60 s')), 60_000));
  const diagnosed = await Promise.race([firstDiagnostics, timeout]);
  appendFileSync(result, `${JSON.stringify({ activeBefore, openToActiveMs: active - start, activeToDiagnosticsMs: diagnosed - active, openToDiagnosticsMs: diagnosed - start })}\n`);
}

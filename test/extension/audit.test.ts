import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, bulkheadDiagnostics, closeAllEditors, fileUri, find, hasCodes, openFile, summarize, waitForDiagnostics } from './helpers';

interface AuditResult {
  cancelled: boolean;
  report: { files: { path: string; findings: { rule: string }[] }[]; summary: { files: number; findings: number } };
}

describe('workspace audit', () => {
  before(activate);
  after(closeAllEditors);

  it('"Bulkhead: Audit Workspace" puts the findings of files that were never opened in the Problems panel, exports them, and "Clear Audit Results" removes them', async () => {
    const compose = fileUri('compose.yaml');
    const manifest = fileUri('k8s/app.yaml');
    const dockerfile = fileUri('Dockerfile');
    assert.ok(!vscode.workspace.textDocuments.some((d) => [compose, manifest].some((u) => u.toString() === d.uri.toString())), 'the audited files are not open');
    assert.deepEqual(bulkheadDiagnostics(compose), [], 'nothing before the audit');

    const commands = await vscode.commands.getCommands(true);
    for (const id of ['bulkhead.auditWorkspace', 'bulkhead.clearAuditResults', 'bulkhead.exportAuditSarif', 'bulkhead.exportAuditJson']) assert.ok(commands.includes(id), `${id} is registered`);

    const waiting = Promise.all([
      waitForDiagnostics(compose, hasCodes('privileged', 'embedded-secret'), 'the audit findings of compose.yaml'),
      waitForDiagnostics(manifest, hasCodes('host-namespaces', 'secret-in-manifest', 'privileged'), 'the audit findings of k8s/app.yaml'),
      waitForDiagnostics(dockerfile, hasCodes('unpinned-image', 'root-user'), 'the audit findings of the Dockerfile'),
    ]);
    const result = await vscode.commands.executeCommand<AuditResult>('bulkhead.auditWorkspace');
    const [composeDs, manifestDs, dockerfileDs] = await waiting;

    assert.equal(result.cancelled, false);
    const audited = result.report.files.map((f) => f.path);
    for (const p of ['Dockerfile', 'compose.yaml', 'k8s/app.yaml']) assert.ok(audited.includes(p), `${p} was audited (got ${JSON.stringify(audited)})`);
    // Exactly what the audit found, with ranges and severities, is what the Problems panel shows.
    assert.deepEqual(summarize([find(composeDs, 'privileged'), find(composeDs, 'embedded-secret')]), [
      ['privileged', 6, 16, 6, 20, 'Error'],
      ['embedded-secret', 5, 25, 5, 33, 'Warning'],
    ]);
    assert.equal(composeDs.length, result.report.files.find((f) => f.path === 'compose.yaml')!.findings.length);
    assert.deepEqual(summarize([find(manifestDs, 'host-namespaces')]), [['host-namespaces', 27, 19, 27, 23, 'Error']]);
    assert.equal(manifestDs.length, result.report.files.find((f) => f.path === 'k8s/app.yaml')!.findings.length);
    assert.deepEqual(summarize(dockerfileDs), [
      ['unpinned-image', 0, 10, 0, 16, 'Warning'],
      ['root-user', 3, 5, 3, 9, 'Warning'],
    ]);
    assert.ok(composeDs.every((d) => d.source === 'bulkhead'));

    // Export, to a file given as the argument (from the palette, a save dialog asks where).
    const sarifUri = fileUri('audit-out/bulkhead.sarif');
    const jsonUri = fileUri('audit-out/bulkhead.json');
    try {
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('bulkhead.exportAuditSarif', sarifUri))?.toString(), sarifUri.toString());
      const sarif = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sarifUri)));
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].tool.driver.name, 'bulkhead');
      const privileged = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'privileged');
      assert.deepEqual(
        privileged.map((r: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]).sort(),
        [['error', 'compose.yaml', 7], ['error', 'k8s/app.yaml', 33]],
      );
      await vscode.commands.executeCommand('bulkhead.exportAuditJson', jsonUri);
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri)));
      assert.deepEqual(json.summary, result.report.summary);
    } finally {
      await vscode.workspace.fs.delete(fileUri('audit-out'), { recursive: true, useTrash: false });
    }

    // An open file keeps its live results when the audit results are cleared.
    const editor = await openFile('Dockerfile');
    await vscode.commands.executeCommand('bulkhead.clearAuditResults');
    await Promise.all([
      waitForDiagnostics(compose, (ds) => ds.length === 0, 'compose.yaml to be cleared'),
      waitForDiagnostics(manifest, (ds) => ds.length === 0, 'k8s/app.yaml to be cleared'),
    ]);
    assert.deepEqual(summarize(bulkheadDiagnostics(editor.document.uri)).map((d) => d[0]), ['unpinned-image', 'root-user']);
  });
});

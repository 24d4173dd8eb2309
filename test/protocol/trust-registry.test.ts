import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/engine';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lsp-client';
import type { WireCodeAction, WireTextEdit } from '../helpers/workspace-edit';

type TextEdit = WireTextEdit;
type CodeAction = WireCodeAction;

/** untrusted-registry's quick fix: a WorkspaceEdit on `.bulkhead.yaml`, never part of fix-all. */
describe('language server over stdio: trusting a registry in .bulkhead.yaml', () => {
  let client: TestLspClient;
  let dir: string;
  before(async () => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-trust-')));
    mkdirSync(path.join(dir, 'svc'));
    mkdirSync(path.join(dir, 'team'));
    client = new TestLspClient();
    await client.initialize({ workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, [pathToFileURL(dir).href]);
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (uri: string, diagnostics: PublishedDiagnostics['diagnostics'], only?: string[]) => client.codeActions<CodeAction>(uri, diagnostics, only);

  async function trustAction(file: string, text: string): Promise<{ action: CodeAction | undefined; all: CodeAction[]; uri: string }> {
    const uri = pathToFileURL(file).href;
    client.open(uri, 'dockerfile', text);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const diagnostic = published.diagnostics.find((d) => d.code === 'untrusted-registry');
    assert.ok(diagnostic, 'untrusted-registry is reported');
    const all = await request(uri, [diagnostic], ['quickfix']);
    return { action: all.find((a) => a.title.startsWith('Trust ')), all, uri };
  }

  it('no configuration: creates .bulkhead.yaml at the workspace root', async () => {
    const { action, uri } = await trustAction(path.join(dir, 'svc', 'Dockerfile'), 'FROM bitnami/redis:7.2\nUSER 10001\n');
    assert.ok(action);
    assert.equal(action.title, 'Trust docker.io/bitnami/* in .bulkhead.yaml');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, undefined, 'a policy decision is never the preferred fix');
    const config = pathToFileURL(path.join(dir, '.bulkhead.yaml')).href;
    assert.deepEqual(action.edit, {
      documentChanges: [
        { kind: 'create', uri: config },
        {
          textDocument: { uri: config, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# Bulkhead configuration. trustedRegistries adds to the default trusted registries (Docker Official Images, distroless, …).\ntrustedRegistries:\n  - docker.io/bitnami/*\n' }],
        },
      ],
    });
    // Not part of fix-all: the file's own fix-all (if any) never touches another file.
    const fixAll = await request(uri, [], ['source.fixAll.bulkhead']);
    for (const a of fixAll) assert.ok(!JSON.stringify(a.edit).includes('.bulkhead.yaml'));
  });

  it('an existing .bulkhead.yaml (the nearest): one edit that appends to its list, comments kept', async () => {
    const before = '# team policy\ntrustedRegistries:\n  - quay.io/acme/*   # vetted\nrules:\n  sudo: off\n';
    writeFileSync(path.join(dir, 'team', '.bulkhead.yaml'), before);
    const { action } = await trustAction(path.join(dir, 'team', 'Dockerfile'), 'FROM ghcr.io/someone/tool:1\nUSER 10001\n');
    assert.ok(action);
    assert.equal(action.title, 'Trust ghcr.io/someone/* in .bulkhead.yaml');
    const config = pathToFileURL(path.join(dir, 'team', '.bulkhead.yaml')).href;
    const changes = action.edit?.documentChanges ?? [];
    assert.equal(changes.length, 1);
    const change = changes[0] as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri: config, version: null });
    assert.equal(applyTextEdits(before, change.edits), '# team policy\ntrustedRegistries:\n  - quay.io/acme/*   # vetted\n  - ghcr.io/someone/*\nrules:\n  sudo: off\n');
  });
});

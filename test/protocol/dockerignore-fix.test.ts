import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/engine';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lsp-client';
import type { WireCodeAction, WireTextEdit } from '../helpers/workspace-edit';

type TextEdit = WireTextEdit;
type CodeAction = WireCodeAction;

const DOCKERFILE = 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\n';
const HEADER = '# Keep VCS data, local environment files and keys out of the build context (bulkhead dockerignore).';

/** dockerignore's quick fix: create or append to the build context's `.dockerignore`, inside the workspace only. */
describe('language server over stdio: the dockerignore quick fix edits .dockerignore', () => {
  let client: TestLspClient;
  let base: string;
  let workspace: string;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
    writeFileSync(path.join(workspace, relative), text);
  };

  before(async () => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'bulkhead-lsp-ignore-')));
    workspace = path.join(base, 'ws');
    mkdirSync(path.join(base, 'outside'), { recursive: true });
    write('fresh/Dockerfile', DOCKERFILE);
    write('partial/Dockerfile', DOCKERFILE);
    write('partial/.dockerignore', 'node_modules');
    write('open/Dockerfile', DOCKERFILE);
    write('open/.dockerignore', '.git\n');
    // A build context outside the workspace, reached through a symlinked folder.
    writeFileSync(path.join(base, 'outside', 'Dockerfile'), DOCKERFILE);
    symlinkSync(path.join(base, 'outside'), path.join(workspace, 'linked'));
    client = new TestLspClient();
    await client.initialize({ workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } }, [pathToFileURL(workspace).href]);
  });
  after(async () => {
    await client.shutdown();
    rmSync(base, { recursive: true, force: true });
  });

  async function actionsFor(relative: string): Promise<{ quickfixes: CodeAction[]; fixAll: CodeAction[] }> {
    const uri = pathToFileURL(path.join(workspace, relative)).href;
    client.open(uri, 'dockerfile', DOCKERFILE);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'dockerignore'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'dockerignore')!;
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } });
    const request = (only: string[], diagnostics: PublishedDiagnostics['diagnostics']) => client.codeActions<CodeAction>(uri, diagnostics, only, diagnostic.range);
    const quickfixes = (await request(['quickfix'], [diagnostic])).filter((a) => !a.title.startsWith('Ignore '));
    return { quickfixes, fixAll: await request(['source.fixAll.bulkhead'], published.diagnostics) };
  }

  it('no .dockerignore: creates one next to the Dockerfile with the five exclusions', async () => {
    const { quickfixes, fixAll } = await actionsFor('fresh/Dockerfile');
    const target = pathToFileURL(path.join(workspace, 'fresh', '.dockerignore')).href;
    assert.deepEqual(quickfixes.map((a) => a.title), ['Create .dockerignore excluding .git, .env and key files']);
    assert.equal(quickfixes[0].kind, 'quickfix');
    assert.deepEqual(quickfixes[0].edit, {
      documentChanges: [
        { kind: 'create', uri: target },
        {
          textDocument: { uri: target, version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${HEADER}\n.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n` }],
        },
      ],
    });
    for (const action of fixAll) assert.ok(!JSON.stringify(action.edit).includes('.dockerignore'), 'fix-all never edits another file');
  });

  it('an existing .dockerignore without a final newline: appends only what is missing, on a new line', async () => {
    const { quickfixes } = await actionsFor('partial/Dockerfile');
    const target = pathToFileURL(path.join(workspace, 'partial', '.dockerignore')).href;
    assert.deepEqual(quickfixes.map((a) => a.title), ['Add .git, .env, *.pem, *.key, id_rsa to .dockerignore']);
    const changes = quickfixes[0].edit?.documentChanges ?? [];
    assert.equal(changes.length, 1);
    const change = changes[0] as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri: target, version: null });
    assert.equal(applyTextEdits('node_modules', change.edits), `node_modules\n${HEADER}\n.git\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n`);
  });

  it('an open .dockerignore: the edit is made to its unsaved text and carries its version', async () => {
    const ignoreUri = pathToFileURL(path.join(workspace, 'open', '.dockerignore')).href;
    const unsaved = '.git\n# local\n*.log';
    client.open(ignoreUri, 'ignore', unsaved, 4);
    const { quickfixes } = await actionsFor('open/Dockerfile');
    assert.deepEqual(quickfixes.map((a) => a.title), ['Add .env, *.pem, *.key, id_rsa to .dockerignore']);
    const change = quickfixes[0].edit!.documentChanges![0] as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri: ignoreUri, version: 4 });
    assert.equal(applyTextEdits(unsaved, change.edits), `${unsaved}\n${HEADER}\n**/.env\n**/*.pem\n**/*.key\n**/id_rsa*\n`);
  });

  it('a build context that resolves outside the workspace: the finding stays, no file edit is offered', async () => {
    const { quickfixes } = await actionsFor('linked/Dockerfile');
    assert.deepEqual(quickfixes, []);
  });
});

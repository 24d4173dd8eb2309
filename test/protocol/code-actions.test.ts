import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/engine';
import { TestLspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: PublishedDiagnostics['diagnostics'];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string; version: number }; edits: TextEdit[] }[] };
}

const DOCKERFILE = 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nADD app.sh /app.sh\nCMD ["/app.sh"]\n';

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.changes) return action.edit.changes[uri] ?? [];
  return action.edit?.documentChanges?.find((c) => c.textDocument.uri === uri)?.edits ?? [];
}

describe('language server over stdio: code actions', () => {
  let client: TestLspClient;
  let capabilities: { codeActionProvider?: { codeActionKinds?: string[] } };
  before(async () => {
    client = new TestLspClient();
    const init = (await client.initialize()) as { capabilities: typeof capabilities };
    capabilities = init.capabilities;
  });
  after(async () => client.shutdown());

  const request = (uri: string, diagnostics: PublishedDiagnostics['diagnostics'], only?: string[]) => client.codeActions<CodeAction>(uri, diagnostics, only);

  it('announces quickfix and source.fixAll.bulkhead', () => {
    assert.deepEqual(capabilities.codeActionProvider?.codeActionKinds, ['quickfix', 'source.fixAll.bulkhead']);
  });

  it('offers one quickfix per fixable diagnostic, linked to it, preferred, with an edit that fixes it', async () => {
    const uri = 'file:///work/project/actions/Dockerfile';
    client.open(uri, 'dockerfile', DOCKERFILE);
    const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const ssh = published.diagnostics.find((d) => d.code === 'ssh-server')!;
    const actions = await request(uri, [ssh], ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Remove openssh-server from the install list', 'quickfix', true],
      ['Ignore ssh-server on this line', 'quickfix', undefined],
      ['Ignore ssh-server in this file', 'quickfix', undefined],
    ]);
    for (const action of actions) assert.deepEqual(action.diagnostics, [ssh]);
    assert.equal(applyTextEdits(DOCKERFILE, editsOf(actions[0], uri)), DOCKERFILE.replace(' openssh-server', ''));
    // The suppression comments: above the instruction, and at the top of the file.
    const ignoredLine = applyTextEdits(DOCKERFILE, editsOf(actions[1], uri));
    assert.equal(ignoredLine, DOCKERFILE.replace('RUN ', '# bulkhead-disable-next-line ssh-server -- reason\nRUN '));
    assert.equal(applyTextEdits(DOCKERFILE, editsOf(actions[2], uri)), `# bulkhead-disable-file ssh-server -- reason\n${DOCKERFILE}`);
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, text: ignoredLine }]);
    const suppressed = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 2);
    assert.ok(!suppressed.diagnostics.some((d) => d.code === 'ssh-server'), 'the inserted comment suppresses the finding');

    const [userFix] = await request(uri, [published.diagnostics.find((d) => d.code === 'root-user')!], ['quickfix']);
    assert.equal(userFix.title, 'Run as non-root user 10001');
    assert.equal(applyTextEdits(ignoredLine, editsOf(userFix, uri)), ignoredLine.replace('CMD', 'USER 10001\nCMD'));
  });

  it('ignores diagnostics of other tools', async () => {
    const uri = 'file:///work/project/actions/Dockerfile';
    const foreign = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, source: 'hadolint', code: 'DL3008', message: 'pin versions' }];
    assert.deepEqual(await request(uri, foreign, ['quickfix']), []);
  });

  it('source.fixAll.bulkhead applies every safe fix as one edit and leaves behaviour-changing ones', async () => {
    const uri = 'file:///work/project/fixall/Dockerfile';
    client.open(uri, 'dockerfile', DOCKERFILE);
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    const actions = await request(uri, [], ['source.fixAll.bulkhead']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.bulkhead');
    assert.match(actions[0].title, /Fix all safe Bulkhead problems \(3\)/);
    const fixed = applyTextEdits(DOCKERFILE, editsOf(actions[0], uri));
    assert.equal(fixed, 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n');
    // Asked for by the parent kind (`source`) too, and nothing for a document with nothing to fix.
    assert.equal((await request(uri, [], ['source'])).length, 1);
    const clean = 'file:///work/project/clean/Dockerfile';
    client.open(clean, 'dockerfile', 'FROM debian:12\nUSER 10001\n');
    await client.waitForDiagnostics((p) => p.uri === clean && p.version === 1);
    assert.deepEqual(await request(clean, [], ['source.fixAll.bulkhead']), []);
    assert.deepEqual(await request(uri, [], ['refactor']), []);
  });

  it('answers for the current text even before diagnostics for an edit are published', async () => {
    const uri = 'file:///work/project/stale/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM debian:12\nUSER 10001\n');
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
    client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, text: 'ADD a.sh /a.sh\nUSER 10001' }]);
    const actions = await request(uri, [], ['source.fixAll.bulkhead']);
    assert.equal(actions.length, 1);
    assert.equal(applyTextEdits('FROM debian:12\nADD a.sh /a.sh\nUSER 10001\n', editsOf(actions[0], uri)), 'FROM debian:12\nCOPY a.sh /a.sh\nUSER 10001\n');
  });
});

describe('language server over stdio: versioned code action edits', () => {
  it('sends documentChanges with the document version when the client supports them', async () => {
    const client = new TestLspClient();
    try {
      await client.initialize({ workspaceEdit: { documentChanges: true } });
      const uri = 'file:///work/project/versioned/Dockerfile';
      client.open(uri, 'dockerfile', 'FROM debian:12\nADD a.sh /a.sh\nUSER 10001\n', 7);
      const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 7);
      const actions = await client.codeActions<CodeAction>(uri, published.diagnostics, ['quickfix'], published.diagnostics[0].range);
      assert.equal(actions.length, 3, 'COPY instead of ADD, and the two suppressions');
      assert.deepEqual(actions[0].edit?.documentChanges?.map((c) => c.textDocument), [{ uri, version: 7 }]);
    } finally {
      await client.shutdown();
    }
  });
});

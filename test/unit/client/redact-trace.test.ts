import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogOutputChannel } from 'vscode';
import { redactDocumentText, redactingChannel } from '../../../client/src/redact-trace';
import { FakeSecrets } from '../../helpers/fake-secrets';

const TOKEN = new FakeSecrets().github();

const DOCUMENT = `FROM debian:12\nENV GITHUB_TOKEN=${TOKEN}\nENV DB_PASSWORD="hunter2 \\"quoted\\""\nUSER app\n`;

/** What vscode-jsonrpc's tracer logs for a message in `verbose` mode (JSON.stringify, 4 spaces). */
function traced(method: string, params: unknown): string {
  return `Sending notification '${method}'.\nParams: ${JSON.stringify(params, null, 4)}\n\n`;
}

describe('trace redaction (bulkhead.trace.server: verbose)', () => {
  it('replaces the document text of didOpen with its length, keeping the rest of the message', () => {
    const out = redactDocumentText(traced('textDocument/didOpen', { textDocument: { uri: 'file:///w/Dockerfile', languageId: 'dockerfile', version: 1, text: DOCUMENT } }));
    assert.ok(out.includes(`"text": "<document text redacted: ${DOCUMENT.length} characters>"`), out);
    assert.ok(out.includes('"uri": "file:///w/Dockerfile"'), out);
    assert.ok(out.startsWith("Sending notification 'textDocument/didOpen'.\nParams: {"), out);
    for (const leak of [TOKEN, 'hunter2', 'FROM debian', 'USER app']) assert.ok(!out.includes(leak), `${leak} leaked: ${out}`);
  });

  it('redacts every change of didChange and every edit (newText) of a response, compact JSON too', () => {
    const change = redactDocumentText(JSON.stringify({ contentChanges: [{ range: {}, text: 'ENV A=hunter2' }, { text: `x\n${TOKEN}` }] }));
    assert.equal(change, `{"contentChanges":[{"range":{},"text":"<document text redacted: 13 characters>"},{"text":"<document text redacted: ${2 + TOKEN.length} characters>"}]}`);
    const edit = redactDocumentText('Result: {"edit":{"changes":{"file:///w/Dockerfile":[{"newText":"ENV DB_PASSWORD=s3cr3t-value\\n"}]}}}');
    assert.equal(edit, 'Result: {"edit":{"changes":{"file:///w/Dockerfile":[{"newText":"<document text redacted: 29 characters>"}]}}}');
  });

  it('redacts a credential of a known format anywhere else in a message', () => {
    const out = redactDocumentText(`Received request 'workspace/executeCommand'. Params: {"arguments":["${TOKEN}"]}`);
    assert.ok(!out.includes(TOKEN), out);
    assert.match(out, /"arguments":\["<GitHub token redacted: ghp_… \(40 chars\)>"\]/);
  });

  it('leaves messages without document text or secrets as they are, and stays linear on hostile input', () => {
    const plain = "Received notification 'textDocument/publishDiagnostics'.\nParams: {\n    \"uri\": \"file:///w/Dockerfile\",\n    \"diagnostics\": []\n}\n";
    assert.equal(redactDocumentText(plain), plain);
    const hostile = `"text": "${'\\\\"'.repeat(50_000)}`;
    const start = process.cpuUsage();
    redactDocumentText(hostile + '"'.repeat(10));
    redactDocumentText(`${'"text":"'.repeat(2_000)}${'a'.repeat(2_000)}`);
    const { user } = process.cpuUsage(start);
    assert.ok(user < 1_000_000, `${user / 1000} ms`);
  });

  it('the wrapping channel redacts what the language client writes and passes the rest through', () => {
    const calls: [string, unknown[]][] = [];
    const record = (name: string) => (...values: unknown[]) => void calls.push([name, values]);
    const listeners: unknown[] = [];
    const inner = {
      name: 'Bulkhead',
      logLevel: 1,
      onDidChangeLogLevel: (listener: unknown) => {
        listeners.push(listener);
        return { dispose() {} };
      },
      trace: record('trace'),
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
      append: record('append'),
      appendLine: record('appendLine'),
      replace: record('replace'),
      clear: record('clear'),
      show: record('show'),
      hide: record('hide'),
      dispose: record('dispose'),
    } as unknown as LogOutputChannel;
    const channel = redactingChannel(inner);
    assert.equal(channel.name, 'Bulkhead');
    assert.equal(channel.logLevel, 1);
    channel.onDidChangeLogLevel(() => undefined);
    assert.equal(listeners.length, 1, 'log level changes (which switch tracing) reach the client');
    const message = traced('textDocument/didChange', { contentChanges: [{ text: DOCUMENT }] });
    channel.trace(message);
    channel.info(`token ${TOKEN}`);
    channel.error(new Error(`failed on ${TOKEN}`));
    channel.appendLine(JSON.stringify({ text: 'secret text' }));
    channel.show(true);
    channel.dispose();
    assert.deepEqual(calls.map(([name]) => name), ['trace', 'info', 'error', 'appendLine', 'show', 'dispose']);
    assert.equal(calls[0][1][0], redactDocumentText(message));
    assert.ok(!JSON.stringify(calls).includes(TOKEN) && !JSON.stringify(calls).includes('secret text'), JSON.stringify(calls));
    assert.ok((calls[2][1][0] as Error).message.startsWith('failed on <GitHub token redacted'), String(calls[2][1][0]));
    assert.deepEqual(calls[4][1], [true, undefined]);
  });
});

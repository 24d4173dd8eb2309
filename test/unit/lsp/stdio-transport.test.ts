import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { SingleWriteMessageWriter } from '../../../server/src/lsp/stdio-transport';

function recordingStream(fail = false) {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(Buffer.from(chunk));
      callback(fail ? new Error('pipe closed') : null);
    },
  });
  return { stream, writes };
}

/** Splits a byte stream into LSP messages, checking every Content-Length against the bytes. */
function frames(data: Buffer): unknown[] {
  const messages: unknown[] = [];
  let at = 0;
  while (at < data.length) {
    const headerEnd = data.indexOf('\r\n\r\n', at);
    const header = data.subarray(at, headerEnd).toString('ascii');
    const length = Number(/^Content-Length: (\d+)$/.exec(header)?.[1]);
    assert.ok(Number.isInteger(length), `a Content-Length header: ${header}`);
    messages.push(JSON.parse(data.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    at = headerEnd + 4 + length;
  }
  return messages;
}

const diagnostics = (uri: string) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: [{ message: 'non-ASCII — “quotes” ✓' }] } });

describe('stdio transport: one write per message, one per burst', () => {
  it('messages sent in one tick go out in one write, each framed with its byte length', async () => {
    const { stream, writes } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    await Promise.all([writer.write(diagnostics('a')), writer.write(diagnostics('b')), writer.write(diagnostics('c'))]);
    assert.equal(writes.length, 1);
    assert.deepEqual(frames(writes[0]), [diagnostics('a'), diagnostics('b'), diagnostics('c')]);
  });

  it('a message sent in a later tick is a later write, in order', async () => {
    const { stream, writes } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    await writer.write(diagnostics('a'));
    await writer.write(diagnostics('b'));
    assert.equal(writes.length, 2);
    assert.deepEqual(frames(Buffer.concat(writes)), [diagnostics('a'), diagnostics('b')]);
  });

  it('a failed write rejects every message of the batch and reports the error', async () => {
    const { stream } = recordingStream(true);
    stream.on('error', () => undefined);
    const writer = new SingleWriteMessageWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    const results = await Promise.allSettled([writer.write(diagnostics('a')), writer.write(diagnostics('b'))]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.ok(errors.length >= 2);
  });
});

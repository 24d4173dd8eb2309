import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/engine/text/line-index';

/** The definition: a line starts after every \n, and after every \r not followed by \n. */
function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

const lineStartsOf = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));

describe('LineIndex', () => {
  it('finds the same line starts as the definition for \\n, \\r\\n and lone \\r in any mix', () => {
    let seed = 5;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['\n', '\r\n', '\r', 'a', 'bc', ' ', '\r\r\n', '\n\r'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const n = Math.floor(next() * 20);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(next() * pieces.length)];
      assert.deepEqual(lineStartsOf(new LineIndex(text)), referenceLineStarts(text), JSON.stringify(text));
    }
  });

  it('positions and offsets on a CRLF text with a lone CR', () => {
    const lines = new LineIndex('FROM a\r\nRUN b\rUSER c\n');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(9), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(14), { line: 2, character: 0 });
    assert.equal(lines.lineText(0), 'FROM a');
    assert.equal(lines.lineText(1), 'RUN b');
    assert.equal(lines.lineText(2), 'USER c');
    assert.equal(lines.offsetAt({ line: 2, character: 99 }), 20);
  });

  it('a text of a million lone carriage returns (hostile input) is indexed', () => {
    const lines = new LineIndex('\r'.repeat(1_000_000));
    assert.equal(lines.lineCount, 1_000_001);
    assert.equal(lines.lineStart(500_000), 500_000);
  });
});

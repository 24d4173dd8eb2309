import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, minimalEdits, OverlappingEditsError } from '../../../server/src/engine';

const at = (line: number, character: number) => ({ line, character });

describe('applyTextEdits', () => {
  it('applies edits given in any order against the original positions', () => {
    const text = 'one\ntwo\nthree\n';
    const out = applyTextEdits(text, [
      { range: { start: at(2, 0), end: at(2, 5) }, newText: 'THREE' },
      { range: { start: at(0, 0), end: at(0, 3) }, newText: '1' },
      { range: { start: at(1, 3), end: at(1, 3) }, newText: '!' },
    ]);
    assert.equal(out, '1\ntwo!\nTHREE\n');
  });

  it('keeps the given order of inserts at the same position', () => {
    const out = applyTextEdits('ab', [
      { range: { start: at(0, 1), end: at(0, 1) }, newText: 'x' },
      { range: { start: at(0, 1), end: at(0, 1) }, newText: 'y' },
    ]);
    assert.equal(out, 'axyb');
  });

  it('rejects overlapping edits', () => {
    assert.throws(
      () => applyTextEdits('abcdef', [
        { range: { start: at(0, 0), end: at(0, 3) }, newText: '' },
        { range: { start: at(0, 2), end: at(0, 4) }, newText: '' },
      ]),
      OverlappingEditsError,
    );
  });

  it('counts CRLF line breaks as one line break', () => {
    assert.equal(applyTextEdits('a\r\nb\r\n', [{ range: { start: at(1, 0), end: at(1, 1) }, newText: 'B' }]), 'a\r\nB\r\n');
  });
});

describe('minimalEdits', () => {
  it('is empty for equal texts and one edit covering only the change otherwise', () => {
    assert.deepEqual(minimalEdits('same', 'same'), []);
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nb\nX\nY\nd\n';
    const edits = minimalEdits(before, after);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, { start: at(2, 0), end: at(2, 1) });
    assert.equal(edits[0].newText, 'X\nY');
    assert.equal(applyTextEdits(before, edits), after);
  });

  it('never splits a CRLF pair', () => {
    const before = 'a\r\nb';
    const after = 'a\nb';
    assert.equal(applyTextEdits(before, minimalEdits(before, after)), after);
  });
});

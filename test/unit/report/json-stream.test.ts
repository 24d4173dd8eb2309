import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinChunks, streamJson, StreamedArray } from '../../../server/src/cli/format/json-stream';

/** Streamed JSON must be byte for byte what JSON.stringify(value, null, 2) writes for the same data. */
function same(skeleton: unknown, materialised: unknown): void {
  assert.equal(joinChunks(streamJson(skeleton)), JSON.stringify(materialised, null, 2));
}

describe('streamJson', () => {
  const item = (i: number) => ({ path: `a/${i}.yaml`, kind: null, findings: [{ rule: 'x', message: 'line\none "quoted" \u00e9', range: { start: { line: i } } }], empty: [], none: {} });

  it('a top-level object with a streamed array among plain members', () => {
    const items = [item(1), item(2), item(3)];
    same({ tool: { name: 'bulkhead' }, files: new StreamedArray(() => items), summary: { files: 3, bySeverity: { error: 0 } } }, { tool: { name: 'bulkhead' }, files: items, summary: { files: 3, bySeverity: { error: 0 } } });
  });

  it('an empty streamed array, and one produced by a generator', () => {
    same({ files: new StreamedArray(() => []), n: 0 }, { files: [], n: 0 });
    function* gen() {
      for (let i = 0; i < 4; i++) yield item(i);
    }
    same({ files: new StreamedArray(gen) }, { files: [...gen()] });
  });

  it('nested inside arrays and objects (SARIF: runs[0].results), with undefined members dropped as JSON.stringify drops them', () => {
    const results = [item(7), item(8)];
    same({ version: '2.1.0', skip: undefined, runs: [{ tool: { driver: { rules: [{ id: 'a' }, { id: 'b' }] } }, results: new StreamedArray(() => results) }] }, { version: '2.1.0', runs: [{ tool: { driver: { rules: [{ id: 'a' }, { id: 'b' }] } }, results }] });
  });

  it('plain values without a streamed array are JSON.stringify itself', () => {
    for (const value of [null, 0, 'x', [], {}, [1, [2, { a: [] }]], { a: { b: [{}] } }]) same(value, value);
  });
});

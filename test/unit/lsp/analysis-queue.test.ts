import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalysisQueue } from '../../../server/src/lsp/analysis-queue';
import { createIdleCollector } from '../../../server/src/lsp/idle-gc';
import { getHeapSpaceStatistics } from 'node:v8';

const turn = () => new Promise((resolve) => setImmediate(resolve));
async function settle(queue: AnalysisQueue): Promise<void> {
  for (let i = 0; i < 50 && queue.pending > 0; i++) await turn();
  await turn();
}

describe('analysis queue: idle callback', () => {
  it('runs once after a burst of documents has been analysed, not between them', async () => {
    const events: string[] = [];
    const queue = new AnalysisQueue((uri) => events.push(uri), 30, () => events.push('idle'));
    queue.request('a');
    queue.request('b');
    queue.request('a');
    await settle(queue);
    assert.deepEqual(events, ['a', 'b', 'idle']);
    queue.request('c');
    await settle(queue);
    assert.deepEqual(events, ['a', 'b', 'idle', 'c', 'idle']);
  });

  it('a document closed before its turn is not analysed, and idle still follows the last one', async () => {
    const events: string[] = [];
    const queue = new AnalysisQueue((uri) => events.push(uri), 30, () => events.push('idle'));
    queue.request('a');
    queue.request('b');
    queue.cancel('b');
    await settle(queue);
    assert.deepEqual(events, ['a', 'idle']);
  });
});

describe('idle collector', () => {
  it('empties the young generation when it holds garbage', () => {
    const collect = createIdleCollector();
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size;
    let keep: number[][] = [];
    for (let i = 0; i < 20_000; i++) keep.push([i, i + 1, i + 2]);
    keep = [];
    const before = newSpace();
    assert.ok(before > 512 * 1024, `young generation holds ${before} bytes`);
    collect();
    assert.ok(newSpace() < before / 2, `after: ${newSpace()} of ${before} bytes`);
    assert.equal(keep.length, 0);
  });
});

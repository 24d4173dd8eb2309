import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalysisQueue } from '../../../server/src/lsp/analysis-queue';
import { createIdleCollector } from '../../../server/src/lsp/idle-gc';
import { getHeapSpaceStatistics } from 'node:v8';

const turn = () => new Promise((resolve) => setImmediate(resolve));
async function settle(queue: AnalysisQueue): Promise<void> {
  for (let i = 0; i < 50 && queue.pending > 0; i++) await turn();
  await turn();
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

describe('analysis queue: idle work waits for the published diagnostics', () => {
  it('runs after what the analysis sent is flushed (on process.nextTick), not before', async () => {
    const events: string[] = [];
    const queue = new AnalysisQueue((uri) => {
      events.push(uri);
      // As stdio-transport.ts writes the diagnostics: when the current tick ends.
      process.nextTick(() => events.push(`write ${uri}`));
    }, 30, () => events.push('idle'));
    queue.request('a');
    await settle(queue);
    assert.deepEqual(events, ['a', 'write a', 'idle']);
  });

  it('is skipped when a request arrives before it, and runs after that request instead', async () => {
    const events: string[] = [];
    const queue: AnalysisQueue = new AnalysisQueue((uri) => {
      events.push(uri);
      if (uri === 'a') process.nextTick(() => queue.request('b'));
    }, 30, () => events.push('idle'));
    queue.request('a');
    await settle(queue);
    assert.deepEqual(events, ['a', 'b', 'idle']);
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

describe('analysis queue: slices', () => {
  const busy = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  it('a burst of quick analyses runs in few turns; slow ones let other work in between', async () => {
    const events: string[] = [];
    const queue = new AnalysisQueue((uri) => {
      events.push(uri);
      busy(uri.startsWith('slow') ? 6 : 0);
    }, 30, undefined, 8);
    // Something else the event loop has to do (an incoming hover or keystroke) on every turn.
    let turns = 0;
    const ticker = setInterval(() => events.push(`turn ${++turns}`), 0);
    for (let i = 0; i < 20; i++) queue.request(`quick${i}`);
    // One turn sees the burst of requests end, the next analyses all of it (a slice is 8 ms).
    let quickTurns = 0;
    while (queue.pending > 0 && quickTurns < 50) {
      await turn();
      quickTurns++;
    }
    await settle(queue);
    events.length = 0;
    for (let i = 0; i < 6; i++) queue.request(`slow${i}`);
    await settle(queue);
    clearInterval(ticker);
    assert.ok(quickTurns <= 4, `20 quick analyses took ${quickTurns} turns of the event loop`);
    // At most two 6 ms analyses (one 8 ms slice) between two turns of other work.
    let run = 0;
    for (const e of events) {
      run = e.startsWith('slow') ? run + 1 : 0;
      assert.ok(run <= 2, `analyses in a row without a turn for other work: ${events.join(', ')}`);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkInvariants, engineProperty, loadCrashers, loadSeeds } from '../../fuzz/harness';

/**
 * The bounded, deterministic part of the fuzz suite (`npm run fuzz` is the long run): a fixed
 * seed so a failure here reproduces; every saved crasher is replayed.
 */
const seeds = loadSeeds();

describe('fuzz: mutated fixtures', () => {
  it('has fixtures for every file kind', () => {
    assert.deepEqual([...new Set(seeds.map((s) => s.kind))].sort(), ['compose', 'dockerfile', 'kubernetes']);
  });

  for (const seed of seeds) {
    it(`${seed.name}: no throw, no rule failure, ranges inside, deterministic, cache-consistent`, () => {
      checkInvariants(seed.text, seed.kind);
      fc.assert(engineProperty([seed]), { numRuns: 50, seed: 20261205 });
    });
  }

  it('replays every saved crasher', () => {
    for (const crasher of loadCrashers()) checkInvariants(crasher.text, crasher.kind);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, AnalysisCache } from '../../../server/src/engine';
import { loadSeeds, optionsFor } from '../../fuzz/harness';

/**
 * Typing a Compose file or a manifest from the first character to the last, as the editor sees
 * it (one analysis per keystroke, reusing the document's cache): no exception and no rule
 * failure at any prefix. (The Dockerfile paths have their own test in test/unit/dockerfile.)
 */
describe('half-typed YAML at every prefix length', () => {
  for (const seed of loadSeeds().filter((s) => s.kind !== 'dockerfile')) {
    it(seed.name, () => {
      const cache = new AnalysisCache();
      const options = { ...optionsFor(seed.kind), cache };
      for (let end = 0; end <= seed.text.length; end++) {
        const result = analyze(seed.text.slice(0, end), options);
        assert.deepEqual(result.failures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], `prefix of ${end} characters`);
      }
      assert.equal(analyze(seed.text, options).kind, seed.kind);
    });
  }
});

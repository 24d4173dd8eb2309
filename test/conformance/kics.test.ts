import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { KICS_ROOT, recallOf, scoreConformance, summarise } from './kics-scoring';
import { loadKnownDifferences } from './known-differences';

describe('conformance against KICS labeled fixtures', () => {
  assert.ok(existsSync(KICS_ROOT), `the KICS corpus must sit at ${KICS_ROOT} (../shared beside the repository)`);
  const { differences: known, scopeDecisions } = loadKnownDifferences();
  const report = scoreConformance({ knownDifferences: known, scopeDecisions });
  const { rules, total, recall } = summarise(report);
  console.log(rules.map((r) => `${r.rule}: ${r.found}/${r.found + r.missed} found, ${r.falsePositives} FP`).join('\n'));

  it('scores every mapped query and every expected label', () => {
    assert.equal(total.queries, 50);
    assert.equal(total.expected, 164);
  });

  it('finds at least 95% of the scored KICS positives', () => {
    const misses = report.expected.filter((e) => e.outcome === 'missed').map((e) => `${e.entry.dir}/${e.expected.file}:${e.expected.line} ${e.entry.rule}`);
    assert.ok(recall >= 0.95, `recall ${(recall * 100).toFixed(1)}% < 95%; misses:\n${misses.join('\n')}`);
  });

  it('reports no mapped rule on KICS negatives outside the listed divergences and known differences', () => {
    const fps = report.falsePositives.filter((f) => !f.known).map((f) => `${f.entry.dir}/${f.file}:${f.line} ${f.entry.rule}: ${f.message}`);
    assert.deepEqual(fps, []);
  });

  it('keeps the known-differences list honest: every entry still occurs and has a reason', () => {
    assert.deepEqual(report.staleKnownDifferences, []);
    assert.deepEqual(report.unusedScopeDecisions, []);
    assert.deepEqual(report.undecidedScopeQuestions, [], 'every scope question of the corpus needs a decision');
    for (const k of known) assert.ok(k.reason.trim().length > 20, `known difference ${k.query}/${k.file}:${k.line} needs a reviewable reason`);
  });

  it('analyses every fixture without a rule failure or an unparsable document', () => {
    assert.deepEqual(report.problems.filter((p) => / threw /.test(p)), []);
  });

  it('covers each rule it claims: no mapped rule with zero recall', () => {
    for (const r of rules) if (r.found + r.missed > 0) assert.ok(recallOf(r) > 0, `${r.rule} finds none of its KICS positives`);
  });
});

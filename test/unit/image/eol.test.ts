import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_CONFIG } from '../../../server/src/engine';
import { EOL_TABLE, EOL_TABLE_UPDATED } from '../../../server/src/engine/image/eol-table';

function eolFindings(text: string, now: string, path = 'Dockerfile') {
  return analyze(text, { path, config: { ...DEFAULT_CONFIG, now: new Date(now) } }).findings.filter((f) => f.ruleId === 'eol-image');
}

describe('eol-image end-of-life table', () => {
  it('a tag becomes a finding on the day its release reaches end of life, not the day before', () => {
    // Node.js 20 ends on 2026-04-30.
    assert.deepEqual(eolFindings('FROM node:20\n', '2026-04-29T23:59:59Z'), []);
    const onTheDay = eolFindings('FROM node:20\n', '2026-04-30T00:00:00Z');
    assert.equal(onTheDay.length, 1);
    assert.match(onTheDay[0].message, /reached its end of life today/);
    assert.match(eolFindings('FROM node:20\n', '2026-05-01T00:00:00Z')[0].message, /on 2026-04-30/);
  });

  it('the fix names the oldest supported newer release and is not safe (never in fix-all)', () => {
    const [finding] = eolFindings('FROM node:16.20.2-alpine AS build\n', '2026-06-15T00:00:00Z');
    assert.equal(finding.fixes?.length, 1);
    const fix = finding.fixes![0];
    assert.equal(fix.safe, false);
    // 18 and 20 have ended, 21 (odd) too: 22 is the oldest supported release after 16.
    assert.deepEqual(fix.edits, [{ range: finding.range, newText: '22' }]);
    assert.deepEqual(finding.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 17 } });
    // Codenames are replaced by codenames.
    const [focal] = eolFindings('FROM ubuntu:focal\n', '2026-06-15T00:00:00Z');
    assert.equal(focal.fixes![0].edits[0].newText, 'jammy');
  });

  it('the supported release moves with today: after the next end of life the fix skips it', () => {
    const [finding] = eolFindings('FROM python:3.8\n', '2026-11-01T00:00:00Z');
    assert.equal(finding.fixes![0].edits[0].newText, '3.11');
  });

  it('no fix where nothing newer is supported or the tag comes from a variable', () => {
    assert.equal(eolFindings('FROM centos:7\n', '2026-06-15T00:00:00Z')[0].fixes, undefined);
    assert.equal(eolFindings('ARG V=16\nFROM node:$V\n', '2026-06-15T00:00:00Z')[0].fixes, undefined);
  });

  it('every product cites sources and every date is a real calendar date', () => {
    assert.match(EOL_TABLE_UPDATED, /^\d{4}-\d{2}-\d{2}$/);
    for (const product of EOL_TABLE) {
      assert.ok(product.sources.length > 0 && product.sources.every((s) => s.startsWith('https://')), product.name);
      for (const release of product.releases) {
        if (release.eol === null) continue;
        assert.equal(new Date(`${release.eol}T00:00:00Z`).toISOString().slice(0, 10), release.eol, `${product.name} ${release.cycle}`);
      }
    }
  });
});

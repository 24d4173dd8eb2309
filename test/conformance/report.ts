/**
 * `npm run conformance`: prints per-rule recall and false positives against KICS's labeled
 * fixtures, then every miss and false positive so they can be fixed or reviewed.
 * `--write` also refreshes the table in docs/conformance.md (between the marker comments).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatMarkdownTable, scoreConformance, summarise } from './kics-scoring';
import { loadKnownDifferences } from './known-differences';

function scoringOptions() {
  const { differences, scopeDecisions } = loadKnownDifferences();
  return { knownDifferences: differences, scopeDecisions };
}

const report = scoreConformance(scoringOptions());
const { total, recall } = summarise(report);
const table = formatMarkdownTable(report);
console.log(table);
console.log(`\nrecall ${(recall * 100).toFixed(1)}% (${total.found}/${total.found + total.missed} scored; ${total.excluded} excluded by corpus divergences, ${total.known} known differences); false positives ${total.falsePositives} (+${total.knownFalsePositives} known)`);
for (const r of report.expected.filter((e) => e.outcome === 'missed')) console.log(`MISS  ${r.entry.dir}/${r.expected.file}:${r.expected.line} ${r.entry.rule} ${r.expected.objectKey ?? ''}`);
for (const fp of report.falsePositives.filter((f) => !f.known)) console.log(`FP    ${fp.entry.dir}/${fp.file}:${fp.line} ${fp.entry.rule} ${fp.message}`);
for (const k of report.staleKnownDifferences) console.log(`STALE known difference ${k.query}/${k.file}:${k.line} ${k.type}`);
for (const d of report.unusedScopeDecisions) console.log(`UNUSED scope decision "${d.notePhrase}"`);
for (const q of report.undecidedScopeQuestions) console.log(`UNDECIDED ${q}`);
for (const r of report.expected.filter((e) => e.outcome === 'excluded')) console.log(`EXCL  ${r.entry.dir}/${r.expected.file}:${r.expected.line} ${r.entry.rule} — ${r.reason}`);
for (const p of report.problems) console.log(`NOTE  ${p}`);

if (process.argv.includes('--write')) {
  const docs = path.resolve(__dirname, '../../docs/conformance.md');
  const begin = '<!-- conformance-table:begin -->';
  const end = '<!-- conformance-table:end -->';
  const text = readFileSync(docs, 'utf8');
  const at = text.indexOf(begin);
  const to = text.indexOf(end);
  if (at < 0 || to < at) throw new Error(`${docs} lacks the ${begin} … ${end} markers`);
  const excluded = report.expected
    .filter((e) => e.outcome !== 'found' && e.outcome !== 'missed')
    .map((e) => `- \`${e.entry.dir}/${e.expected.file}:${e.expected.line}\` (${e.entry.rule}): ${e.reason}`);
  const summary = `Overall recall ${(recall * 100).toFixed(1)}% (${total.found} of ${total.found + total.missed} scored labels), ${total.falsePositives} false positives on negatives.`;
  const body = [table, '', summary, '', 'Labels not scored, and why:', '', ...excluded].join('\n');
  writeFileSync(docs, `${text.slice(0, at + begin.length)}\n${body}\n${text.slice(to)}`);
  console.log(`\nwrote ${path.relative(process.cwd(), docs)}`);
}

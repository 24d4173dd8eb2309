import { RULES, ruleDocsUrl, type Rule, type Severity } from '../../engine';
import type { AuditReport } from '../report';
import { VERSION } from '../../version';
import { joinChunks, streamJson, StreamedArray } from './json-stream';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning ranks security alerts by this CVSS-like score. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/** SARIF 2.1.0 for CI systems and GitHub code scanning. */
export function formatSarif(report: AuditReport): string {
  return joinChunks(sarifChunks(report));
}

/** The same SARIF, one result at a time (json-stream.ts): what the CLI writes. */
export function* sarifChunks(report: AuditReport): Generator<string> {
  const rules = RULES.map(describeRule);
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = new StreamedArray(function* () {
    for (const file of report.files) {
      const fingerprints = file.fingerprints;
      yield* file.findings.map((f, i) => ({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(file.relative), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { 'bulkheadFindingHash/v1': fingerprints?.[i] ?? '' },
      }));
    }
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulkhead',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/bulkhead-dev/bulkhead',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory the audit ran in.' } } },
        results,
      },
    ],
  };
  yield* streamJson(sarif);
  yield '\n';
}

function describeRule(rule: Rule) {
  const peerTags = Object.entries(rule.peerIds).flatMap(([tool, ids]) => ((ids as string[] | undefined) ?? []).map((id: string) => `${tool}:${id}`));
  return {
    id: rule.id,
    // SARIF wants a readable name different from the opaque id: the title in PascalCase.
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} How to fix: ${rule.howToFix.replace(/`/g, '')}`, markdown: `${rule.description}\n\n**How to fix:** ${rule.howToFix}` },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', ...rule.kinds, ...peerTags], precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

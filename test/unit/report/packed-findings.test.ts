import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileOutcome } from '../../../server/src/cli/audit-file';
import { packOutcome, unpackLazily } from '../../../server/src/cli/packed-findings';
import type { AuditedFile } from '../../../server/src/cli/report';
import { formatJson } from '../../../server/src/cli/format/json';
import { formatSarif } from '../../../server/src/cli/format/sarif';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function auditedFile(name: string, findings: number): AuditedFile {
  return {
    relative: `${name}/Dockerfile`,
    absolute: `/w/${name}/Dockerfile`,
    kind: 'dockerfile',
    findings: Array.from({ length: findings }, (_, i) => ({ ruleId: i % 2 ? 'root-user' : 'unpinned-image', severity: i % 2 ? 'error' : 'warning', message: `finding ${i} of ${name} — “quoted”`, range: range(i, 1, 5) })),
    suppressed: [],
    notes: ['a note'],
    fingerprints: Array.from({ length: findings }, (_, i) => `${name}-fp-${i}`),
  };
}

function packed(file: AuditedFile): AuditedFile {
  const outcome = packOutcome({ type: 'file', file, facts: {}, errors: [] } satisfies FileOutcome);
  assert.equal(outcome.type, 'packed');
  assert.equal('findings' in outcome.file, false, 'the packed form holds no finding objects');
  return unpackLazily(outcome.file as Extract<FileOutcome, { type: 'packed' }>['file']);
}

describe('packed findings: the CLI keeps findings as text until the report is written', () => {
  it('a packed file reads back as the same file, in JSON too', () => {
    const original = auditedFile('a', 3);
    const file = packed(structuredClone(original));
    assert.deepEqual(file.findings, original.findings);
    assert.deepEqual(file.fingerprints, original.fingerprints);
    assert.deepEqual(JSON.parse(JSON.stringify(file)), original);
  });

  it('reading files alternately gives each its own findings', () => {
    const a = packed(auditedFile('a', 2));
    const b = packed(auditedFile('b', 4));
    assert.equal(a.findings.length, 2);
    assert.equal(b.findings.length, 4);
    assert.equal(a.fingerprints?.[1], 'a-fp-1');
    assert.equal(b.findings[3].message, 'finding 3 of b — “quoted”');
    assert.equal(a.findings[0].message, 'finding 0 of a — “quoted”');
  });

  it('assigning findings and fingerprints re-packs them (cross-file findings join this way)', () => {
    const file = packed(auditedFile('a', 1));
    const extra = { ruleId: 'dockerignore', severity: 'warning' as const, message: 'no .dockerignore', range: range(7, 0, 4) };
    file.findings = [...file.findings, extra];
    file.fingerprints = ['x', 'y'];
    assert.deepEqual(file.findings.at(-1), extra);
    assert.deepEqual(file.fingerprints, ['x', 'y']);
    assert.equal(file.findings.length, 2);
  });

  it('JSON and SARIF reports of packed files are byte-identical to those of plain files', () => {
    const plain = { files: [auditedFile('a', 3), auditedFile('b', 2)], problems: [] };
    const lazy = { files: plain.files.map((f) => packed(structuredClone(f))), problems: [] };
    assert.equal(formatJson(lazy), formatJson(plain));
    assert.equal(formatSarif(lazy), formatSarif(plain));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAuditMarkdown, type JsonReport } from '../../../client/src/audit-report';

const report: JsonReport = {
  tool: { version: '0.1.0' },
  files: [
    { path: 'a/Dockerfile', kind: 'dockerfile', findings: [{ rule: 'root-user', severity: 'warning', message: 'runs as root', range: { start: { line: 2, column: 6 } } }] },
    {
      path: 'k8s/web.yaml',
      kind: 'kubernetes',
      findings: [
        { rule: 'privileged', severity: 'error', message: 'privileged: true', range: { start: { line: 9, column: 11 } } },
        { rule: 'root-user', severity: 'warning', message: 'runAsNonRoot missing', range: { start: { line: 5, column: 3 } } },
      ],
    },
    { path: 'clean/compose.yaml', kind: 'compose', findings: [] },
    { path: 'big.yaml', kind: null, skipped: 'larger than 5 MB', findings: [] },
  ],
  summary: { files: 3, findings: 3, bySeverity: { error: 1, warning: 2, info: 0 } },
};

describe('audit report view (Markdown)', () => {
  const markdown = renderAuditMarkdown(report, (p) => `file:///ws/${p}`, { cancelled: true });

  it('counts by severity, by rule (most frequent first) and by file kind', () => {
    assert.match(markdown, /\| error \| warning \| info \|\n\|---:\|---:\|---:\|\n\| 1 \| 2 \| 0 \|/);
    assert.match(markdown, /## By rule\n\n\| rule \| severity \| findings \|\n\|---\|---\|---:\|\n\| `root-user` \| warning \| 2 \|\n\| `privileged` \| error \| 1 \|/);
    assert.match(markdown, /\| compose \| 1 \| 0 \|\n\| dockerfile \| 1 \| 1 \|\n\| kubernetes \| 1 \| 2 \|/);
  });

  it('lists the worst files first, each finding linking to its line', () => {
    const k8s = markdown.indexOf('### [k8s/web.yaml](file:///ws/k8s/web.yaml)');
    const docker = markdown.indexOf('### [a/Dockerfile](file:///ws/a/Dockerfile)');
    assert.ok(k8s > 0 && docker > k8s, 'an error outweighs a warning');
    assert.ok(markdown.includes('- **error** [9:11](file:///ws/k8s/web.yaml#L9) privileged: true `privileged`'), markdown);
    assert.ok(!markdown.includes('clean/compose.yaml)'), 'clean files are not listed');
  });

  it('says when the audit was cancelled and lists skipped files', () => {
    assert.match(markdown, /cancelled/);
    assert.match(markdown, /## Skipped\n\n- big.yaml: larger than 5 MB/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_CONFIG } from '../../../server/src/engine';
import { CATALOGUE } from './catalogue';
import { runCases } from './table';

const SERVICE = 'services:\n  web:\n    image: nginx:1.27\n';

describe('suppression layer: Compose files', () => {
  runCases('compose', [
    {
      name: 'disable-next-line silences the next line only',
      code: `${SERVICE}    # bulkhead-disable-next-line privileged -- needs /dev/kvm\n    privileged: true\n    user: root\n`,
      findings: ['privileged@5', 'root-user@6'],
      kept: ['root-user@6'],
      suppressed: ['privileged@5 by bulkhead'],
    },
    {
      name: 'disable-line at the end of the flagged line',
      code: `${SERVICE}    privileged: true # bulkhead-disable-line privileged\n    user: root\n`,
      findings: ['privileged@4', 'root-user@5'],
      kept: ['root-user@5'],
      suppressed: ['privileged@4 by bulkhead'],
    },
    {
      name: 'disable-file applies to every document of the file',
      code: `# bulkhead-disable-file root-user\n${SERVICE}    user: root\n---\n${SERVICE}    user: "0"\n`,
      findings: ['root-user@5', 'root-user@10'],
      suppressed: ['root-user@5 by bulkhead', 'root-user@10 by bulkhead'],
    },
    {
      name: 'a directive inside a quoted string or a block scalar is not a comment',
      code: `${SERVICE}    command: "echo # bulkhead-disable-line privileged"\n    entrypoint: |\n      # bulkhead-disable-file privileged\n      run\n    privileged: true\n`,
      findings: ['privileged@8'],
      kept: ['privileged@8'],
    },
    {
      name: 'kics ignore-block covers the next key and everything indented under it',
      code: `${SERVICE}    # kics-scan ignore-block\n    deploy:\n      resources: {}\n    privileged: true\n`,
      findings: ['missing-limits@5', 'privileged@7'],
      kept: ['privileged@7'],
      suppressed: ['missing-limits@5 by kics'],
    },
    {
      name: 'a trailing trivy ignore covers its own line',
      code: `${SERVICE}    privileged: true #trivy:ignore:KSV017\n`,
      findings: ['privileged@4'],
      suppressed: ['privileged@4 by trivy'],
    },
    {
      name: 'a checkov skip in YAML covers the document it is written in',
      code: `#checkov:skip=CKV_K8S_16\n${SERVICE}    privileged: true\n---\n${SERVICE}    privileged: true\n`,
      findings: ['privileged@5', 'privileged@10'],
      kept: ['privileged@10'],
      suppressed: ['privileged@5 by checkov'],
    },
    {
      name: 'hadolint comments mean nothing outside Dockerfiles',
      code: `${SERVICE}    # hadolint ignore=DL3002\n    user: root\n`,
      findings: ['root-user@5'],
      kept: ['root-user@5'],
    },
    {
      name: 'unused: a rule that does not check Compose files, and an id that silences nothing',
      code: `${SERVICE}    # bulkhead-disable-next-line sudo,embedded-secret\n    user: root\n`,
      findings: ['root-user@5'],
      kept: ['root-user@5'],
      unused: ['4:34-4:38 sudo does not check Compose files', '4:39-4:54 no embedded-secret finding on the next line'],
    },
  ], CATALOGUE);

  it('runs after the real rules: an embedded secret suppressed with a reason is reported apart', () => {
    const code = 'services:\n  db:\n    image: postgres:16\n    environment:\n      # bulkhead-disable-next-line embedded-secret -- local development only\n      POSTGRES_PASSWORD: hunter2hunter2\n';
    const result = analyze(code, { path: 'compose.yaml' });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'embedded-secret'), []);
    assert.deepEqual(result.suppressed.map((f) => [f.ruleId, f.range.start.line, f.suppression.reason]), [['embedded-secret', 5, 'local development only']]);
  });

  it('unused-suppression takes the severity the config gives it', () => {
    const code = `${SERVICE}    # bulkhead-disable-next-line embedded-secret\n    user: root\n`;
    const result = analyze(code, { path: 'compose.yaml', config: { ...DEFAULT_CONFIG, rules: { 'unused-suppression': 'warning' } } });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => f.severity), ['warning']);
  });
});

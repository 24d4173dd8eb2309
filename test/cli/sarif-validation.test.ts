import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/lsp-client';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
// The Microsoft SARIF Multitool, from the devDependency @microsoft/sarif-multitool-linux.
const MULTITOOL = require('@microsoft/sarif-multitool-linux') as string;

/** The multitool's binary ships without its execute bit when install scripts do not run. */
function multitool(): string {
  if ((statSync(MULTITOOL).mode & 0o100) === 0) chmodSync(MULTITOOL, 0o755);
  return MULTITOOL;
}

describe('SARIF output passes the Microsoft SARIF Multitool', () => {
  it('validates with no errors or warnings under the SARIF and GitHub rule kinds', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-sarif-'));
    try {
      // The bundled examples plus the CLI fixtures: findings of many rules, several file kinds.
      const sarifFile = path.join(dir, 'report.sarif');
      const audit = spawnSync(process.execPath, [CLI, 'audit', 'examples', 'test/cli/fixtures', '--format', 'sarif', '--output', sarifFile], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.ok(audit.status === 0 || audit.status === 1, audit.stderr);
      const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
      assert.ok(sarif.runs[0].results.length > 5, 'the audited files have findings to validate');

      const out = path.join(dir, 'validation.sarif');
      const validate = spawnSync(multitool(), ['validate', sarifFile, '--output', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], { encoding: 'utf8' });
      assert.equal(validate.status, 0, `${validate.stdout}\n${validate.stderr}`);
      const validation = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
      const problems = validation.runs[0].results.filter((r: { level?: string }) => r.level !== 'note' && r.level !== 'none');
      assert.deepEqual(problems.map((r: { ruleId: string; message: { text?: string; arguments?: string[] } }) => `${r.ruleId}: ${r.message.text ?? r.message.arguments?.join(' ')}`), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the validator really checks: a result without locations is an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-sarif-'));
    try {
      const sarifFile = path.join(dir, 'broken.sarif');
      const audit = spawnSync(process.execPath, [CLI, 'audit', 'examples', '--format', 'sarif'], { cwd: REPO_ROOT, encoding: 'utf8' });
      const sarif = JSON.parse(audit.stdout);
      delete sarif.runs[0].results[0].locations;
      require('node:fs').writeFileSync(sarifFile, JSON.stringify(sarif));
      const out = path.join(dir, 'validation.sarif');
      spawnSync(multitool(), ['validate', sarifFile, '--output', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], { encoding: 'utf8' });
      const validation = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
      assert.ok(validation.runs[0].results.some((r: { level?: string; ruleId: string }) => r.level === 'error' && r.ruleId.startsWith('GH')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

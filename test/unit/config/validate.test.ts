import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBulkheadConfig } from '../../../server/src/config';

/** 1-based `line:col-endLine:endCol message` for each problem. */
function problems(text: string): string[] {
  return readBulkheadConfig(text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.message}`);
}

describe('.bulkhead.yaml validation', () => {
  it('reads every key of a valid config', () => {
    const { layer, problems: found } = readBulkheadConfig(
      'rules:\n  root-user: error\n  debug-tools: off\ntrustedRegistries:\n  - quay.io/acme/*\nextendDefaultTrustedRegistries: false\nignorePaths:\n  - vendor/\nfix:\n  user: 10001\n  limits: {cpu: 250m, memory: 256Mi, pids: 100}\n',
    );
    assert.deepEqual(found, []);
    assert.deepEqual(layer, {
      rules: { 'root-user': 'error', 'debug-tools': 'off' },
      trustedRegistries: ['quay.io/acme/*'],
      extendDefaultTrustedRegistries: false,
      ignorePaths: ['vendor/'],
      fix: { user: '10001', limits: { cpu: '250m', memory: '256Mi', pids: 100 } },
    });
  });

  it('reads JSON (.bulkhead.json) the same way', () => {
    assert.deepEqual(readBulkheadConfig('{"rules": {"sudo": "warning"}}').layer, { rules: { sudo: 'warning' } });
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(readBulkheadConfig('# nothing yet\n'), { layer: {}, problems: [] });
  });

  it('unknown key, at the key', () => {
    assert.deepEqual(problems('rules: {}\ntrustedRegistry:\n  - quay.io\n'), ['2:1-2:16 unknown key "trustedRegistry" (expected rules, trustedRegistries, extendDefaultTrustedRegistries, ignorePaths, fix)']);
  });

  it('unknown rule id, at the id, with a suggestion; the valid rules are kept', () => {
    const { layer } = readBulkheadConfig('rules:\n  root-usr: off\n  sudo: off\n');
    assert.deepEqual(problems('rules:\n  root-usr: off\n  sudo: off\n'), ['2:3-2:11 unknown rule id "root-usr" in rules (did you mean root-user?)']);
    assert.deepEqual(layer.rules, { sudo: 'off' });
  });

  it('wrong severity, at the value', () => {
    assert.deepEqual(problems('rules:\n  sudo: loud\n'), ['2:9-2:13 rules.sudo must be off, info, warning or error']);
  });

  it('wrong types, at the value', () => {
    assert.deepEqual(problems('rules: [sudo]\ntrustedRegistries: quay.io\nextendDefaultTrustedRegistries: "no"\nignorePaths: [1]\n'), [
      '1:8-1:14 "rules" must be a mapping of rule id to off, info, warning or error',
      '2:20-2:27 "trustedRegistries" must be a list of strings',
      '3:33-3:37 "extendDefaultTrustedRegistries" must be true or false',
      '4:14-4:17 "ignorePaths" must be a list of strings',
    ]);
  });

  it('fix: unknown keys and invalid limits', () => {
    assert.deepEqual(problems('fix:\n  user: ""\n  limits:\n    cpu: lots\n    memory: 512Mi\n    pids: -1\n    disk: 1G\n  group: 1\n'), [
      '2:9-2:11 fix.user must be a user name or uid such as "10001"',
      '4:10-4:14 fix.limits.cpu is not valid (e.g. "500m" or 0.5)',
      '6:11-6:13 fix.limits.pids is not valid (a whole number such as 200)',
      '7:5-7:9 unknown key "disk" in fix.limits (expected cpu, memory, pids)',
      '8:3-8:8 unknown key "group" in fix (expected user, limits)',
    ]);
  });

  it('broken YAML, where the parser stops', () => {
    const found = problems('rules:\n  sudo: [off\n');
    assert.equal(found.length >= 1, true);
    assert.match(found[0], /^\d+:\d+-\d+:\d+ not valid YAML: /);
    assert.deepEqual(readBulkheadConfig('rules:\n  sudo: [off\n').layer, {});
  });

  it('duplicate keys are broken YAML', () => {
    assert.match(problems('rules: {}\nrules: {}\n')[0], /not valid YAML: .*unique/i);
  });

  it('a top level that is not a mapping', () => {
    assert.deepEqual(problems('- rules\n'), ['1:1-2:1 the configuration must be a mapping of keys (rules, trustedRegistries, ignorePaths, fix, …)']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, fixAll, fixAllFix, NEVER_IN_FIX_ALL, preferredFix, type Finding } from '../../../server/src/engine';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const edit = (newText: string) => ({ range, newText });

describe('choosing fixes', () => {
  it('prefers the preferred fix; fix-all takes only safe fixes, never other files, never excluded rules', () => {
    const finding: Finding = {
      ruleId: 'x',
      severity: 'warning',
      message: 'm',
      range,
      fixes: [
        { title: 'a', edits: [edit('a')], safe: true },
        { title: 'b', edits: [edit('b')], safe: false, preferred: true },
      ],
    };
    assert.equal(preferredFix(finding)?.title, 'b');
    assert.equal(fixAllFix(finding)?.title, 'a');
    assert.equal(fixAllFix({ ...finding, fixes: [{ title: 'c', edits: [edit('c')], safe: true, fileEdits: [{ relativePath: '.x', create: '' }] }] }), undefined);
    assert.ok(NEVER_IN_FIX_ALL.has('eol-image'));
    assert.equal(fixAllFix({ ...finding, ruleId: 'eol-image', fixes: [{ title: 'd', edits: [edit('d')], safe: true }] }), undefined);
  });
});

describe('fixAll', () => {
  const dockerfile = [
    'FROM debian:12',
    'RUN apt-get update && apt-get install -y \\',
    '    curl \\',
    '    openssh-server \\',
    '    tcpdump',
    'ADD app.sh /app.sh',
    'CMD ["/app.sh"]',
    '',
  ].join('\n');

  it('applies every safe fix until nothing is left to fix, and leaves unsafe ones as findings', () => {
    const result = fixAll(dockerfile, { path: 'Dockerfile' });
    assert.equal(
      result.text,
      [
        'FROM debian:12',
        'RUN apt-get update && apt-get install --no-install-recommends -y \\',
        '    curl && \\',
        '    rm -rf /var/lib/apt/lists/*',
        'COPY app.sh /app.sh',
        'CMD ["/app.sh"]',
        '',
      ].join('\n'),
    );
    assert.deepEqual(result.applied.map((a) => a.ruleId).sort(), ['add-instead-of-copy', 'debug-tools', 'package-hygiene', 'package-hygiene', 'ssh-server']);
    const after = analyze(result.text, { path: 'Dockerfile' }).findings.map((f) => f.ruleId);
    assert.deepEqual(after, ['root-user'], 'root-user (not safe) is left for the user to decide');
  });

  it('is idempotent: fix-all on its own output changes nothing', () => {
    const once = fixAll(dockerfile, { path: 'Dockerfile' }).text;
    const twice = fixAll(once, { path: 'Dockerfile' });
    assert.equal(twice.text, once);
    assert.deepEqual(twice.applied, []);
  });

  it('only the requested rules', () => {
    const result = fixAll(dockerfile, { path: 'Dockerfile' }, { rules: new Set(['add-instead-of-copy']) });
    assert.equal(result.text, dockerfile.replace('ADD app.sh', 'COPY app.sh'));
  });

  it('leaves files of no known kind alone', () => {
    assert.deepEqual(fixAll('hello', { path: 'notes.txt' }), { text: 'hello', applied: [], passes: 1 });
  });
});

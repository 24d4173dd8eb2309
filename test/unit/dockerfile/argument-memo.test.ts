import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import '../../../server/src/engine/dockerfile/argument-memo';

/** dockerfile-ast's argument getters, memoised per instruction: same answers, no shared arrays. */
describe('memoised dockerfile-ast arguments', () => {
  const text = 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\nCOPY --chown=1000 a b\nCMD ["run", "x"]\n';
  const [, run, copy, cmd] = DockerfileParser.parse(text).getInstructions();

  it('flags stay off the arguments of RUN and COPY, every time they are asked for', () => {
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(run.getArguments().map((a) => a.getValue()), ['apt-get', 'install', '-y', 'curl']);
      assert.deepEqual(copy.getArguments().map((a) => a.getValue()), ['a', 'b']);
    }
    assert.deepEqual((run as unknown as { getFlags(): { getName(): string }[] }).getFlags().map((f) => f.getName()), ['mount']);
  });

  it('a caller that changes the returned array does not change the next answer', () => {
    const args = run.getArguments();
    args.length = 0;
    assert.equal(run.getArguments().length, 4);
    assert.equal(run.getArgumentsContent(), 'apt-get install -y curl');
  });

  it('ranges and JSON strings are those of a plain parse', () => {
    const range = run.getArgumentsRange();
    const line = text.split('\n')[1];
    assert.deepEqual(range, { start: { line: 1, character: line.indexOf('apt-get') }, end: { line: 1, character: line.length } });
    assert.deepEqual((cmd as unknown as { getJSONStrings(): { getJSONValue(): string }[] }).getJSONStrings().map((s) => s.getJSONValue()), ['run', 'x']);
  });
});

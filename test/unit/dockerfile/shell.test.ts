import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/engine/dockerfile/model';
import { runsOf } from '../../../server/src/engine/dockerfile/queries';
import { parseShell, splitCommand, substitutionsIn, type ShellCommand } from '../../../server/src/engine/dockerfile/shell';

/** Each command as `connector words…`, every word as its value and the raw text its offsets cover. */
function show(text: string, commands: ShellCommand[]): string[] {
  return commands.map((c) => `${c.nested ? (c.substitution ? '$ ' : '> ') : ''}${c.connector || '·'} ${c.words.map((w) => (text.slice(w.start, w.end) === w.value ? w.value : `${w.value}=[${text.slice(w.start, w.end)}]`)).join(' ')}`);
}

function runCommands(dockerfile: string): string[] {
  const model = parseDockerfile(dockerfile);
  return runsOf(model).flatMap((r) => show(dockerfile, r.commands));
}

describe('parseShell', () => {
  it('splits && || ; | & chains and keeps exact offsets', () => {
    const text = 'a 1 && b || c; d | e |& f & g';
    assert.deepEqual(show(text, parseShell(text, 0, text.length)), ['· a 1', '&& b', '|| c', '; d', '| e', '|& f', '& g']);
    const pipe = parseShell(text, 0, text.length);
    assert.equal(pipe[3].pipeline, pipe[4].pipeline);
    assert.equal(pipe[4].pipeline, pipe[5].pipeline);
    assert.notEqual(pipe[2].pipeline, pipe[3].pipeline);
    assert.equal(text.slice(pipe[4].connectorStart, pipe[4].connectorStart! + 1), '|');
  });

  it('removes quotes in values but keeps them in offsets', () => {
    const text = `echo "a b" 'c d' e\\ f "x\\"y"`;
    assert.deepEqual(show(text, parseShell(text, 0, text.length)), [`· echo a b=["a b"] c d=['c d'] e f=[e\\ f] x"y=["x\\"y"]`]);
  });

  it('drops redirections and their targets, including &> and 2>&1', () => {
    const text = 'cmd >/dev/null 2>&1 arg &>log; other <in';
    assert.deepEqual(show(text, parseShell(text, 0, text.length)), ['· cmd arg', '; other']);
  });

  it('treats # as a comment only at a word start', () => {
    const text = 'echo a#b # sudo rm -rf /';
    assert.deepEqual(show(text, parseShell(text, 0, text.length)), ['· echo a#b']);
  });

  it('reads sh -c scripts, nested sh -c, and substitutions as commands', () => {
    const text = `sh -c "bash -c 'sudo ls'" && x=$(curl -s u) y && bash <(wget -O- u) && echo \`id -u\``;
    assert.deepEqual(show(text, parseShell(text, 0, text.length)), [
      `· sh -c bash -c 'sudo ls'=["bash -c 'sudo ls'"]`,
      `> · bash -c sudo ls=['sudo ls']`,
      '> · sudo ls',
      '&& x=$(curl -s u) y',
      '$ · curl -s u',
      '&& bash <(wget -O- u)',
      '$ · wget -O- u',
      '&& echo `id -u`',
      '$ · id -u',
    ]);
  });

  it('does not read $((arithmetic)) or single-quoted $(…) as commands', () => {
    const text = `echo $((1+2)) '$(curl x)'`;
    const [command] = parseShell(text, 0, text.length);
    assert.deepEqual(command.words.flatMap((w) => substitutionsIn(text, w)), []);
  });

  it('gives nested scripts pipelines of their own', () => {
    const text = `curl u | sh -c 'echo | cat'`;
    const commands = parseShell(text, 0, text.length);
    assert.equal(commands[0].pipeline, commands[1].pipeline);
    assert.notEqual(commands[2].pipeline, commands[0].pipeline);
    assert.equal(commands[2].pipeline, commands[3].pipeline);
  });

  it('never throws and terminates on unbalanced input', () => {
    for (const text of [`echo "unterminated`, `echo 'x`, 'echo $(', 'echo ${', 'a `b', 'a |', '&& ;;', '\\', 'sh -c', 'x <(', '"$(', `${'$('.repeat(200)}`]) {
      assert.ok(Array.isArray(parseShell(text, 0, text.length)), text);
    }
  });
});

describe('splitCommand', () => {
  const cmd = (text: string) => parseShell(text, 0, text.length)[0];
  it('skips env assignments, wrappers and their options, and reserved words', () => {
    assert.equal(splitCommand(cmd('DEBIAN_FRONTEND=noninteractive sudo -E -u root apt-get install x')).name?.value, 'apt-get');
    assert.deepEqual(splitCommand(cmd('sudo -u app env A=1 /usr/bin/apt-get -y')).wrappers.map((w) => w.value), ['sudo', 'env']);
    assert.equal(splitCommand(cmd('gosu nobody id')).name?.value, 'id');
    assert.equal(splitCommand(cmd('then sudo rm x')).name?.value, 'rm');
    assert.equal(splitCommand(cmd('! grep x')).name?.value, 'grep');
    assert.equal(splitCommand(cmd('xargs -r -n 1 apt-get install -y')).name?.value, 'apt-get');
    assert.equal(splitCommand(cmd('timeout -s KILL 300 pip install x')).name?.value, 'pip');
    assert.equal(splitCommand(cmd('nice -n 10 make')).name?.value, 'make');
  });
  it('does not treat command -v or quoted reserved words as wrappers', () => {
    assert.equal(splitCommand(cmd('command -v sudo')).name?.value, 'command');
    assert.equal(splitCommand(cmd('"then" x')).name?.value, 'then');
  });
});

describe('RUN commands in a Dockerfile', () => {
  it('joins continuation lines and drops comment lines inside them, offsets exact', () => {
    const df = 'FROM a\nRUN apt-get update && \\\n# a comment line\n    \n    apt-get install -y \\\n  curl\n';
    assert.deepEqual(runCommands(df), ['· apt-get update', '&& apt-get install -y curl']);
    const model = parseDockerfile(df);
    const curl = runsOf(model)[0].commands[1].words[3];
    assert.deepEqual(model.lines.rangeAt(curl.start, curl.end), { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } });
  });

  it('a comment runs to the end of the logical line across continuations', () => {
    assert.deepEqual(runCommands('FROM a\nRUN echo a # note \\\n  && sudo ls\n'), ['· echo a']);
  });

  it('single quotes do not stop Docker continuations', () => {
    assert.deepEqual(runCommands("FROM a\nRUN sh -c 'a && \\\n  b'\n").slice(1), ['> · a', '> && b']);
  });

  it('honours the escape directive', () => {
    assert.deepEqual(runCommands('# escape=`\nFROM a\nRUN echo a `\n  && echo b\n'), ['· echo a', '&& echo b']);
  });

  it('parses heredoc bodies run by a shell, with line offsets, but not other programs\' heredocs', () => {
    const df = 'FROM a\nRUN <<EOF\nset -e\ncurl u | sh\nEOF\nRUN python3 <<EOF\nimport os; os.system("sudo x")\nEOF\nRUN cat <<EOF > /etc/x\nsudo rm\nEOF\n';
    assert.deepEqual(runCommands(df), ['\n set -e', '\n curl u', '| sh', '· python3', '· cat']);
    const model = parseDockerfile(df);
    const sh = runsOf(model)[0].commands[2].words[0];
    assert.deepEqual(model.lines.positionAt(sh.start), { line: 3, character: 9 });
  });

  it('parses bash heredocs and multiple bodies', () => {
    assert.deepEqual(runCommands('FROM a\nRUN bash <<A && sh <<B\necho 1\nA\necho 2\nB\n'), ['· bash', '&& sh', '\n echo 1', '\n echo 2']);
  });

  it('reads exec-form RUN and its sh -c script', () => {
    assert.deepEqual(runCommands('FROM a\nRUN ["sh", "-c", "apt-get update && sudo ls"]\n'), [
      '· sh=["sh"] -c=["-c"] apt-get update && sudo ls=["apt-get update && sudo ls"]',
      '> · apt-get update',
      '> && sudo ls',
    ]);
  });

  it('skips RUN flags and reads ONBUILD RUN triggers', () => {
    assert.deepEqual(runCommands('FROM a\nRUN --mount=type=cache,target=/root/.cache --network=none pip install x\nONBUILD RUN make\n'), ['· pip install x', '· make']);
  });

  it('handles CRLF line endings', () => {
    assert.deepEqual(runCommands('FROM a\r\nRUN a && \\\r\n  b\r\n'), ['· a', '&& b']);
  });
});

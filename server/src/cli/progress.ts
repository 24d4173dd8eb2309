/**
 * "bulkhead: 120/3206 files" on stderr: rewritten in place when stderr is a terminal; with
 * `--progress` on any other stream, one plain line at most every 100 ms (for CI logs and tools).
 */
export function progressLine(stream: NodeJS.WriteStream, options: { always?: boolean } = {}): { update: (done: number, total: number, verb?: string) => void; done: () => void } {
  const tty = stream.isTTY === true;
  if (!tty && !options.always) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total, verb = '') {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      const text = `bulkhead: ${verb ? `${verb} ` : ''}${done}/${total} files`;
      stream.write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
    },
    done() {
      if (shown && tty) stream.write('\r\x1b[2K');
    },
  };
}

/** "bulkhead: 120/3206 files" on stderr, rewritten in place, only when stderr is a terminal. */
export function progressLine(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2Kbulkhead: ${done}/${total} files`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Young-generation garbage collection when the server falls idle, so that it does not happen in
 * the middle of the next keystroke's analysis.
 *
 * Each analysis of a large Dockerfile leaves about a megabyte of new objects that stay alive
 * until the next version replaces them. Left to V8, a scavenge comes every several edits and
 * copies all of them at once: 10–15 ms in the middle of an edit, the whole p99 tail of the edit
 * latency (bench/lsp-latency.mjs). Collecting after each burst of work costs about a millisecond
 * in time the user spends typing, and the next edit starts with an empty young generation.
 *
 * V8 only exposes `gc()` behind `--expose-gc`; turning the flag on at run time and taking the
 * function from a fresh context is the documented way for an embedder without control of the
 * command line (the server is started by editors as `node server.js`). When that fails nothing
 * changes: V8 collects as it always does.
 */
type Collect = (options: { type: 'minor' | 'major' }) => void;

/** Below this much young-generation garbage a collection is not worth a call. */
const MIN_NEW_SPACE_BYTES = 512 * 1024;

export function createIdleCollector(): () => void {
  let collect: Collect | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') collect = gc as Collect;
  } catch {
    collect = undefined;
  }
  return () => {
    if (!collect) return;
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (newSpace && newSpace.space_used_size < MIN_NEW_SPACE_BYTES) return;
    collect({ type: 'minor' });
  };
}

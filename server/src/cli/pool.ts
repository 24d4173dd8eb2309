import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../engine';
import type { FileOutcome } from './audit-file';
import type { WalkedFile } from './walk';

/** Files per message: enough to amortise messaging, small enough to balance the threads. */
const BATCH = 8;

/** An audit stopped by its AbortSignal (Ctrl-C) after `done` of `total` files; nothing is reported. */
export class AuditCancelled extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
  ) {
    super(`audit cancelled after ${done} of ${total} files`);
  }
}

export const WORKER_SCRIPT = path.join(__dirname, 'cli-worker.js');

export function workersAvailable(): boolean {
  return existsSync(WORKER_SCRIPT);
}

/**
 * Audits files on `jobs` worker threads. Outcomes come back in the files' order whatever
 * thread handled them, so the report is identical to a single-threaded run.
 */
export function auditInWorkers(files: WalkedFile[], config: EngineConfig, jobs: number, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const batches = Math.ceil(files.length / BATCH);
  let next = 0;
  let finished = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let stopped = false;
    const stop = (error?: Error) => {
      if (stopped) return;
      stopped = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    // Workers only read and analyse, so stopping them mid-batch loses nothing but time.
    const onAbort = () => stop(new AuditCancelled(done, files.length));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (worker: Worker) => {
      if (next >= batches) return;
      const batch = next++;
      worker.postMessage({ batch, files: files.slice(batch * BATCH, (batch + 1) * BATCH) });
    };
    const count = Math.max(1, Math.min(jobs, batches));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SCRIPT, { workerData: { config } });
      workers.push(worker);
      worker.on('message', (message: { batch: number; outcomes: FileOutcome[] }) => {
        if (stopped) return;
        message.outcomes.forEach((o, j) => (outcomes[message.batch * BATCH + j] = o));
        done += message.outcomes.length;
        onProgress?.(done);
        if (++finished === batches) stop();
        else feed(worker);
      });
      worker.on('error', (error) => stop(error));
      feed(worker);
    }
    if (batches === 0) stop();
  });
}

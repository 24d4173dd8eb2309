import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineConfig } from '../engine';
import { auditOneSafely, type FileOutcome } from './audit-file';
import { packOutcome } from './packed-findings';
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
 * Old-generation heap of each worker. A worker holds one file's analysis at a time, which fits
 * easily; without a limit V8 lets each worker's heap grow several times past what it uses, and
 * the 10x corpus audit peaked at 406 MB RSS instead of 325 MB (bench/audit.mjs). A file too big
 * for it (the limit on files is 10 MB) makes the worker run out of memory: its batch is then
 * analysed on the main thread, whose heap is not limited, and a fresh worker takes its place.
 */
export const WORKER_HEAP_MB = 64;

/**
 * Young generation of each worker. V8's default lets it grow to 48 MB per thread, which a worker
 * fills with one file's short-lived parse objects before collecting; at 16 MB the scavenges are
 * more frequent but as cheap (little survives one file), and the 10x corpus audit peaks at
 * 277-283 MB RSS instead of 307-317 MB with the same wall time (30.6-34.8 s vs 30.7-31.4 s; the
 * 1x corpus: 5.0-5.4 s either way, 173-177 MB instead of 203-206 MB).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** `BULKHEAD_WORKER_HEAP_MB` overrides it (tests use a tiny one to exercise the fallback). */
function workerHeapFromEnvironment(): number {
  const value = Number(process.env.BULKHEAD_WORKER_HEAP_MB);
  return Number.isFinite(value) && value >= 1 ? value : WORKER_HEAP_MB;
}

/**
 * Audits files on `jobs` worker threads. Outcomes come back in the files' order whatever
 * thread handled them, so the report is identical to a single-threaded run.
 */
export function auditInWorkers(
  files: WalkedFile[],
  config: EngineConfig,
  jobs: number,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
  workerHeapMb = workerHeapFromEnvironment(),
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const batches = Math.ceil(files.length / BATCH);
  const filesOf = (batch: number) => files.slice(batch * BATCH, (batch + 1) * BATCH);
  let next = 0;
  let finished = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
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
    const finish = (batch: number, batchOutcomes: FileOutcome[]): boolean => {
      batchOutcomes.forEach((o, j) => (outcomes[batch * BATCH + j] = o));
      done += batchOutcomes.length;
      onProgress?.(done);
      if (++finished === batches) stop();
      return !stopped;
    };
    const start = () => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.add(worker);
      let current: number | undefined;
      const feed = () => {
        current = next < batches ? next++ : undefined;
        if (current !== undefined) worker.postMessage({ batch: current, files: filesOf(current) });
      };
      worker.on('message', (message: { batch: number; outcomes: FileOutcome[] }) => {
        if (stopped) return;
        current = undefined;
        if (finish(message.batch, message.outcomes)) feed();
      });
      const lost = (error: Error | undefined) => {
        if (stopped || !workers.delete(worker)) return;
        const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (error && !outOfMemory) return stop(error);
        // Out of memory (or gone without a word): its batch on this thread, then a new worker.
        const batch = current;
        current = undefined;
        if (batch !== undefined && !finish(batch, filesOf(batch).map((file) => packOutcome(auditOneSafely(file, config, mainThreadListings))))) return;
        if (next < batches) start();
      };
      worker.on('error', (error) => lost(error));
      worker.on('exit', (code) => {
        if (code !== 0) lost(undefined);
      });
      feed();
    };
    const count = Math.max(1, Math.min(jobs, batches));
    for (let i = 0; i < count; i++) start();
    if (batches === 0) stop();
  });
}

/** Build-context listings for batches analysed on this thread after a worker was lost. */
const mainThreadListings = new Map<string, string[]>();

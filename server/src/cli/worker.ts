/**
 * An audit worker thread (dist/cli-worker.js): audits the batches of files the main thread
 * sends and posts back plain outcomes, in order, their findings packed as text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineConfig } from '../engine';
import { auditOneSafely } from './audit-file';
import { packOutcome } from './packed-findings';
import type { WalkedFile } from './walk';

const config = (workerData as { config: EngineConfig }).config;
const contextListings = new Map<string, string[]>();

parentPort?.on('message', (message: { batch: number; files: WalkedFile[] }) => {
  const outcomes = message.files.map((file) => packOutcome(auditOneSafely(file, config, contextListings)));
  parentPort?.postMessage({ batch: message.batch, outcomes });
});

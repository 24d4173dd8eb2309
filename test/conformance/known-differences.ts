import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { KnownDifference } from './kics-scoring';

/** The reviewed list of KICS labels Bulkhead deliberately disagrees with (one reason each). */
export function loadKnownDifferences(): KnownDifference[] {
  return JSON.parse(readFileSync(path.join(__dirname, 'known-differences.json'), 'utf8')) as KnownDifference[];
}

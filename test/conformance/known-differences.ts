import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { KnownDifference, ScopeDecision } from './kics-scoring';

/**
 * The one reviewed file of exceptions to the KICS labels: our answers to the corpus's scope
 * questions, and the labels we deliberately disagree with. Every entry carries its reason.
 */
export interface KnownDifferencesFile {
  scopeDecisions: ScopeDecision[];
  differences: KnownDifference[];
}

export function loadKnownDifferences(): KnownDifferencesFile {
  return JSON.parse(readFileSync(path.join(__dirname, 'known-differences.json'), 'utf8')) as KnownDifferencesFile;
}

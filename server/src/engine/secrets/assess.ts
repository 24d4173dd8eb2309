import { nameSensitivity } from './names';
import { classifySecretValue } from './values';

export interface AssignmentVerdict {
  /** `weak`: a guessable default (reported as a warning); `secret`: a literal credential. */
  strength: 'weak' | 'secret';
}

/**
 * Whether `name = value` commits a credential. Names like `AUTH` or `SESSION` hold credentials
 * only sometimes, so for them the value must also look generated (entropy test).
 */
export function assessAssignment(name: string, value: string | undefined, options: { requireRandom?: boolean } = {}): AssignmentVerdict | undefined {
  if (value === undefined) return undefined;
  const sensitivity = nameSensitivity(name);
  if (!sensitivity) return undefined;
  const verdict = classifySecretValue(value, { requireRandom: sensitivity === 'weak' || options.requireRandom === true });
  if (verdict.kind === 'secret') return { strength: 'secret' };
  if (verdict.kind === 'weak' && sensitivity === 'strong') return { strength: 'weak' };
  return undefined;
}

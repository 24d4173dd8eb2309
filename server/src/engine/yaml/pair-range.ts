import type { Pair } from 'yaml';
import type { Range } from '../types';
import type { YamlView } from './view';

/** `key: value` as one range (key start to value end): where a finding on a whole setting points. */
export function pairRange(view: YamlView, pair: Pair | undefined): Range | undefined {
  if (!pair) return undefined;
  const key = view.range(pair.key);
  const value = view.range(pair.value);
  if (key && value) return { start: key.start, end: value.end };
  return key ?? value;
}

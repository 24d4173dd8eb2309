import { DEFAULT_TRUSTED_REGISTRIES } from './image/trusted-registries';
import type { SeveritySetting } from './types';

/** Everything the engine needs from configuration; loading and merging live outside the engine. */
export interface EngineConfig {
  /** Severity overrides by rule id; `off` disables a rule. */
  rules: Record<string, SeveritySetting>;
  /** Complete list of trusted-registry patterns (defaults already merged in or replaced). */
  trustedRegistries: readonly string[];
  fix: FixDefaults;
  /** "Today" for date-dependent rules (end-of-life tables); tests pin it. */
  now?: Date;
}

export interface FixDefaults {
  user: string;
  limits: { cpu: string; memory: string; pids: number };
}

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  trustedRegistries: DEFAULT_TRUSTED_REGISTRIES,
  fix: { user: '10001', limits: { cpu: '500m', memory: '512Mi', pids: 200 } },
};

/** A key that changes whenever anything affecting results changes (used to reuse cached analyses). */
export function configKey(config: EngineConfig): string {
  return JSON.stringify([config.rules, config.trustedRegistries, config.fix, config.now?.toISOString().slice(0, 10)]);
}

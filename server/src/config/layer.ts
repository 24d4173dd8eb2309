import { DEFAULT_CONFIG, DEFAULT_TRUSTED_REGISTRIES, type EngineConfig, type SeveritySetting } from '../engine';

/**
 * One source of configuration (VS Code settings, a `.bulkhead.yaml`, a `.hadolint.yaml`): only
 * what it sets. Configuration is data only; nothing in it is ever executed.
 */
export interface ConfigLayer {
  rules?: Record<string, SeveritySetting>;
  trustedRegistries?: string[];
  extendDefaultTrustedRegistries?: boolean;
  /** gitignore-style patterns, relative to `baseDir`. */
  ignorePaths?: string[];
  baseDir?: string;
  fix?: { user?: string; limits?: { cpu?: string; memory?: string; pids?: number } };
}

/** Later layers win: defaults < settings < the nearest config file (or `--config`). */
export function mergeLayers(layers: readonly (ConfigLayer | undefined)[]): EngineConfig {
  const rules: Record<string, SeveritySetting> = {};
  let trustedRegistries: readonly string[] = DEFAULT_TRUSTED_REGISTRIES;
  const fix = { user: DEFAULT_CONFIG.fix.user, limits: { ...DEFAULT_CONFIG.fix.limits } };
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(rules, layer.rules);
    if (layer.trustedRegistries && layer.trustedRegistries.length > 0) {
      trustedRegistries = layer.extendDefaultTrustedRegistries === false ? layer.trustedRegistries : [...DEFAULT_TRUSTED_REGISTRIES, ...layer.trustedRegistries];
    } else if (layer.extendDefaultTrustedRegistries === false && layer.trustedRegistries) {
      trustedRegistries = [];
    }
    if (layer.fix?.user !== undefined) fix.user = layer.fix.user;
    Object.assign(fix.limits, layer.fix?.limits);
  }
  return { ...DEFAULT_CONFIG, rules, trustedRegistries, fix };
}

import { DEFAULT_CONFIG, DEFAULT_TRUSTED_REGISTRIES, type EngineConfig, type SeveritySetting } from '../engine';
import type { ConfigLayer } from '../config';

/** The `bulkhead.*` settings as the client sends them (anything may be missing or mistyped). */
export interface ClientSettings {
  enable?: unknown;
  rules?: unknown;
  trustedRegistries?: unknown;
  extendDefaultTrustedRegistries?: unknown;
}

export interface ServerSettings {
  enable: boolean;
  config: EngineConfig;
  /** The same settings as a layer, for `.bulkhead.yaml` to be merged over. */
  layer: ConfigLayer;
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function readSettings(raw: ClientSettings | null | undefined): ServerSettings {
  const settings = raw ?? {};
  const rules: Record<string, SeveritySetting> = {};
  if (settings.rules && typeof settings.rules === 'object') {
    for (const [id, value] of Object.entries(settings.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as SeveritySetting;
    }
  }
  const listed = Array.isArray(settings.trustedRegistries) ? settings.trustedRegistries.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const extend = settings.extendDefaultTrustedRegistries !== false;
  const trustedRegistries = listed.length === 0 ? DEFAULT_TRUSTED_REGISTRIES : extend ? [...DEFAULT_TRUSTED_REGISTRIES, ...listed] : listed;
  const layer: ConfigLayer = { rules, ...(listed.length > 0 ? { trustedRegistries: listed, extendDefaultTrustedRegistries: extend } : {}) };
  return { enable: settings.enable !== false, config: { ...DEFAULT_CONFIG, rules, trustedRegistries }, layer };
}

import * as path from 'node:path';
import type { EngineConfig } from '../engine';
import { ConfigResolver, formatProblem } from '../config';

export class ConfigError extends Error {}

/**
 * The CLI's configuration: `--config FILE` for every file, else each file's nearest
 * `.bulkhead.yaml` (or `.hadolint.yaml`), over the defaults. `unused-suppression` is an editor
 * hint, off in the CLI unless the config or `--report-unused-suppressions` asks for it.
 */
export function cliConfig(options: { configFile?: string; reportUnusedSuppressions: boolean; baseDir: string }) {
  const resolver = new ConfigResolver(options.configFile);
  throwOnProblems(resolver, options.baseDir);
  const base = { rules: { 'unused-suppression': 'off' as const } };
  const configForFile = (file: string): { config: EngineConfig; ignored: boolean } => {
    const resolved = resolver.resolve(file, base);
    if (options.reportUnusedSuppressions && resolved.config.rules['unused-suppression'] === 'off') {
      resolved.config = { ...resolved.config, rules: { ...resolved.config.rules, 'unused-suppression': 'info' } };
    }
    return resolved;
  };
  return {
    resolver,
    /** The configuration of the audit's base folder (cross-file rules run with it). */
    defaults: configForFile(path.join(options.baseDir, '.bulkhead-audit')).config,
    configFor: configForFile,
    /** Call after the audit: any config file met on the way with a problem is a configuration error (exit 2). */
    check: () => throwOnProblems(resolver, options.baseDir),
  };
}

function throwOnProblems(resolver: ConfigResolver, baseDir: string): void {
  const all = resolver.loaded().flatMap((config) => config.problems.map((problem) => formatProblem(config, problem, baseDir)));
  if (all.length === 0) return;
  throw new ConfigError(`invalid configuration: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more problem${all.length > 2 ? 's' : ''})` : ''}`);
}

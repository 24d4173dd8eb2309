import { existsSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import type { EngineConfig } from '../engine';
import { readHadolintConfig } from './hadolint';
import { mergeLayers, type ConfigLayer } from './layer';
import { readBulkheadConfig, type ConfigProblem } from './validate';
import { readRegularFile } from '../fs/node-workspace-fs';

export const BULKHEAD_CONFIG_NAMES = ['.bulkhead.yaml', '.bulkhead.yml', '.bulkhead.json'];
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  file: string;
  kind: 'bulkhead' | 'hadolint';
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

export interface ResolvedConfig {
  config: EngineConfig;
  /** The file matches the config's `ignorePaths`: not analysed at all. */
  ignored: boolean;
  source?: LoadedConfig;
}

export function isConfigFileName(name: string): 'bulkhead' | 'hadolint' | undefined {
  const base = path.basename(name);
  if (BULKHEAD_CONFIG_NAMES.includes(base)) return 'bulkhead';
  if (HADOLINT_CONFIG_NAMES.includes(base)) return 'hadolint';
  return undefined;
}

/** Reads and validates one config file (text given when the editor has it open). */
export function readConfigText(file: string, text: string): LoadedConfig {
  const kind = isConfigFileName(file) === 'hadolint' ? 'hadolint' : 'bulkhead';
  const { layer, problems } = kind === 'hadolint' ? readHadolintConfig(text) : readBulkheadConfig(text);
  return { file, kind, layer: { ...layer, baseDir: path.dirname(file) }, problems };
}

export function loadConfigFile(file: string): LoadedConfig {
  const start = { line: 0, character: 0 };
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if ('bytes' in read) return readConfigText(file, read.bytes.toString('utf8'));
  const message = read.refused.startsWith('larger than') ? 'the file is larger than 1 MB; ignored' : read.refused.startsWith('unreadable (') ? `cannot be read (${read.refused.slice('unreadable ('.length, -1)})` : `cannot be read (${read.refused})`;
  return { file, kind: 'bulkhead', layer: {}, problems: [{ message, range: { start, end: start } }] };
}

/**
 * Finds the configuration for a file: `--config` when given, else the nearest `.bulkhead.yaml`
 * (`.yml`, `.json`) in its folder or any ancestor, else the nearest `.hadolint.yaml`. Lookups and
 * loaded files are cached until `clear()` (called when a config file changes).
 */
export class ConfigResolver {
  private readonly dirs = new Map<string, LoadedConfig | null>();
  private readonly files = new Map<string, LoadedConfig>();
  private readonly explicitConfig?: LoadedConfig;

  constructor(explicitFile?: string) {
    if (explicitFile) this.explicitConfig = loadConfigFile(path.resolve(explicitFile));
  }

  get explicit(): LoadedConfig | undefined {
    return this.explicitConfig;
  }

  clear(): void {
    this.dirs.clear();
    this.files.clear();
  }

  /** Every config file loaded so far (for reporting their problems). */
  loaded(): LoadedConfig[] {
    return [...(this.explicitConfig ? [this.explicitConfig] : []), ...this.files.values()];
  }

  nearest(filePath: string): LoadedConfig | undefined {
    if (this.explicitConfig) return this.explicitConfig;
    const dir = path.dirname(path.resolve(filePath));
    return this.find(dir, BULKHEAD_CONFIG_NAMES) ?? this.find(dir, HADOLINT_CONFIG_NAMES);
  }

  /** `base` is the editor's settings layer (none for the CLI). */
  resolve(filePath: string, base?: ConfigLayer): ResolvedConfig {
    const source = this.nearest(filePath);
    return { config: mergeLayers([base, source?.layer]), ignored: isIgnored(filePath, source?.layer), source };
  }

  private find(start: string, names: string[]): LoadedConfig | undefined {
    const key = `${names[0]}\0${start}`;
    const cached = this.dirs.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: LoadedConfig | undefined;
    const name = names.find((n) => existsSync(path.join(start, n)));
    if (name) {
      const file = path.join(start, name);
      found = this.files.get(file) ?? loadConfigFile(file);
      this.files.set(file, found);
    } else {
      const parent = path.dirname(start);
      if (parent !== start) found = this.find(parent, names);
    }
    this.dirs.set(key, found ?? null);
    return found;
  }
}

function isIgnored(filePath: string, layer: ConfigLayer | undefined): boolean {
  if (!layer?.ignorePaths?.length || !layer.baseDir) return false;
  const relative = path.relative(layer.baseDir, path.resolve(filePath)).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return ignore().add(layer.ignorePaths).ignores(relative);
}

/** `file:line:col: message` with 1-based positions, as the CLI prints it. */
export function formatProblem(config: LoadedConfig, problem: ConfigProblem, relativeTo?: string): string {
  const file = relativeTo ? path.relative(relativeTo, config.file).split(path.sep).join('/') || config.file : config.file;
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/** Workspace configuration: discovery, validation and merging. Data only; never executes anything. */
export { ConfigResolver, loadConfigFile, readConfigText, isConfigFileName, formatProblem, BULKHEAD_CONFIG_NAMES, HADOLINT_CONFIG_NAMES, type LoadedConfig, type ResolvedConfig } from './discover';
export { mergeLayers, type ConfigLayer } from './layer';
export { readBulkheadConfig, CONFIG_KEYS, type ConfigProblem } from './validate';
export { readHadolintConfig } from './hadolint';

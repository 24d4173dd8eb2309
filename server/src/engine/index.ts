/** The analysis engine's public surface. The LSP server and the CLI use only this. */
export { analyze, AnalysisCache, type AnalysisResult, type AnalyzeOptions, type Notice, type RuleFailure } from './analyze';
export { classifyPath, type PathClass } from './classify';
export { DEFAULT_CONFIG, configKey, type EngineConfig, type FixDefaults } from './config';
export { RULES, findRule } from './rules';
export { ruleDocsUrl, type Rule } from './rule';
export { EDITOR_LIMITS, LIMITS, type Limits } from './limits';
export { DEFAULT_TRUSTED_REGISTRIES } from './image/trusted-registries';
export * from './types';
export type { BuildContext } from './build-context';
export { RULES_FLAGGING_SECRET_VALUES } from './secrets/redact';
export { analyzeWorkspace, type WorkspaceAnalysis } from './workspace/run';
export type { WorkspaceFile, FileFacts } from './workspace/facts';
export { memoryWorkspaceFs, type WorkspaceFs } from './workspace/fs';
export { applyTextEdits, minimalEdits, OverlappingEditsError } from './fixes/apply';
export { fixAll, fixAllFix, preferredFix, chooseFixes, NEVER_IN_FIX_ALL, type AppliedFix, type FixAllResult, type FixAllOptions, type FixAllPass } from './fixes/fix-all';
export { suppressFindings, peerRules, UNUSED_SUPPRESSION, type SuppressedFinding, type SuppressionInfo, type SuppressOptions, type SuppressionSource } from './suppression';
export { suppressionFixes, REASON_PLACEHOLDER } from './fixes/suppress';
export { addTrustedRegistry, trustPatternFor, type TrustEdit } from './fixes/trust-registry';

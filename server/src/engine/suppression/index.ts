export { suppressFindings, peerRules, UNUSED_SUPPRESSION, type SuppressedFinding, type SuppressionInfo, type SuppressOptions, type SuppressionOutcome, type LineSpan } from './layer';
export type { SuppressionSource } from './directives';

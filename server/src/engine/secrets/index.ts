/** Secret detection shared by the secret rules: token formats, sensitive names, value classes, redaction. */
export { findTokens, findTokensInRegions, TOKEN_PATTERNS, type TokenMatch, type TokenPattern } from './tokens';
export { nameSegments, nameSensitivity, type NameSensitivity } from './names';
export { classifySecretValue, isReference, looksRandom, type ValueKind } from './values';
export { redact, RULES_FLAGGING_SECRET_VALUES } from './redact';
export { shannonEntropy, looksLikeFiller } from './entropy';
export { dockerfileAssignments, composeAssignments, kubernetesAssignments, literalOf, type Assignment } from './assignments';
export { assessAssignment, type AssignmentVerdict } from './assess';

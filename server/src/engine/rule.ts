import type { BuildContext } from './build-context';
import type { EngineConfig } from './config';
import type { DockerfileModel } from './dockerfile/model';
import type { ComposeDocument } from './compose/document';
import type { KubernetesDocument } from './kubernetes/document';
import type { FileKind, Fix, PeerIds, Range, Severity } from './types';
import type { WorkspaceFile } from './workspace/facts';
import type { WorkspaceFs } from './workspace/fs';

/** What a rule's check reports; severity defaults to the rule's own. */
export interface Report {
  range: Range;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
}

export interface RuleContext<Model> {
  model: Model;
  config: EngineConfig;
  /** Dockerfiles only, and only when the host can list the build context. */
  buildContext?: BuildContext;
  report(report: Report): void;
}

export interface RuleChecks {
  dockerfile?(context: RuleContext<DockerfileModel>): void;
  compose?(context: RuleContext<ComposeDocument>): void;
  kubernetes?(context: RuleContext<KubernetesDocument>): void;
  /** Cross-file rules: run once over the facts of every file (see engine/workspace/). */
  workspace?(context: WorkspaceRuleContext): void;
}

/** What a cross-file (`workspace`) check sees: every file's facts, and read access to other files. */
export interface WorkspaceRuleContext {
  files: readonly WorkspaceFile[];
  fs: WorkspaceFs;
  config: EngineConfig;
  /** Reports a finding in the file at `path` (one of `files`). */
  report(path: string, report: Report): void;
  /** False for files whose findings nobody asked for (the editor asks for one document's): skip the work. */
  wants(path: string): boolean;
}

/**
 * One rule = one module: metadata next to its checks (one per file kind it covers) and fixes.
 * Register it in `rules/index.ts`; nothing else changes to add a rule.
 */
export interface Rule {
  id: string;
  /** Short name, e.g. "Container runs as root". */
  title: string;
  /** One sentence: what is wrong and why it matters (diagnostic messages build on it). */
  description: string;
  severity: Severity;
  kinds: FileKind[];
  peerIds: PeerIds;
  /** Markdown for hover: how to fix it. */
  howToFix: string;
  fixable: boolean;
  check: RuleChecks;
  /**
   * Set for rules whose findings come from an engine layer rather than per-file checks (the
   * suppression layer's `unused-suppression`); such rules have no check.
   */
  layer?: 'suppression';
}

export function defineRule(rule: Rule): Rule {
  for (const kind of rule.kinds) {
    if (!rule.check[kind] && !rule.layer && !rule.check.workspace) throw new Error(`rule ${rule.id} declares kind ${kind} but has no check for it`);
  }
  return rule;
}

export const DOCS_BASE_URL = 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

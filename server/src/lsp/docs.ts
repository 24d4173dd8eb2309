import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRule, ruleDocsUrl } from '../engine';

/**
 * Rule documentation links. The packaged extension and npm package ship `docs/rules/*.md` next
 * to `dist/`, so links open the local page (offline); otherwise they point at the published docs.
 */
export function createDocsLinker(bundleDir: string): (id: string) => string {
  const localDir = path.resolve(bundleDir, '..', 'docs', 'rules');
  const local = existsSync(localDir);
  return (id) => (local && findRule(id) ? pathToFileURL(path.join(localDir, `${id}.md`)).href : ruleDocsUrl(id));
}

/** Hover text for a rule: what, why, and how to fix it. */
export function ruleHoverMarkdown(id: string, docsUrl: string): string | undefined {
  const rule = findRule(id);
  if (!rule) return undefined;
  return [`**Bulkhead \`${rule.id}\`: ${rule.title}**`, '', rule.description, '', `**How to fix:** ${rule.howToFix}`, '', `[Rule documentation](${docsUrl})`].join('\n');
}

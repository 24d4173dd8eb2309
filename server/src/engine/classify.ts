import type { FileKind } from './types';

/**
 * What a file name (and editor language id) says about a file, before its content is read.
 * `yaml` means "YAML or JSON whose documents are classified by content" (Kubernetes manifests
 * have no naming convention).
 */
export type PathClass = FileKind | 'yaml' | undefined;

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$|^[^/]*\.compose\.ya?ml$|^docker-compose[^/]*\.ya?ml$/i;
const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:\..+)?$|^.+\.(?:dockerfile|containerfile)$/i;

/** YAML files that are never Compose files or manifests (they only look like them). */
const NOT_MANIFESTS = new Set(['kustomization.yaml', 'kustomization.yml', 'chart.yaml', 'chart.yml', '.bulkhead.yaml', '.bulkhead.yml', '.hadolint.yaml', '.hadolint.yml', 'pnpm-lock.yaml', '.pre-commit-config.yaml', 'mkdocs.yml']);

export function classifyPath(filePath: string, languageId?: string): PathClass {
  const base = baseName(filePath);
  const lower = base.toLowerCase();
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'dockercompose') return 'compose';
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore')) return undefined;
  if (DOCKERFILE_NAME.test(base)) return 'dockerfile';
  if (NOT_MANIFESTS.has(lower)) return undefined;
  if (COMPOSE_NAME.test(base)) return 'compose';
  if (/\.(ya?ml|json)$/i.test(base) || languageId === 'yaml' || languageId === 'json') {
    if (isNonManifestPath(filePath)) return undefined;
    return 'yaml';
  }
  return undefined;
}

/** CI configs and editor/tool settings are YAML or JSON but never manifests. */
function isNonManifestPath(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  const lower = baseName(p).toLowerCase();
  return lower === 'package.json' || lower === 'package-lock.json' || lower === 'tsconfig.json' || lower.endsWith('.schema.json') || /(^|\/)node_modules\//.test(p);
}

export function baseName(filePath: string): string {
  const p = filePath.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * Helm chart templates are Go templates, not YAML: `{{ … }}` outside a quoted string, or a
 * `templates/` folder of a chart with template actions anywhere.
 */
export function looksLikeHelmTemplate(text: string, filePath?: string): boolean {
  if (!text.includes('{{')) return false;
  if (filePath && /(^|[\\/])templates[\\/][^\\/]+\.(ya?ml|tpl)$/i.test(filePath)) return true;
  for (const line of text.split('\n', 20000)) {
    const at = line.indexOf('{{');
    if (at < 0) continue;
    const before = line.slice(0, at);
    if (before.trimStart().startsWith('#')) continue;
    const singles = (before.match(/'/g) ?? []).length;
    const doubles = (before.match(/"/g) ?? []).length;
    if (singles % 2 === 0 && doubles % 2 === 0) return true;
  }
  return false;
}

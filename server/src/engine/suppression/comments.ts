import { isMap, isScalar, parseAllDocuments, Parser, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text/line-index';
import type { Comment, Directive } from './directives';
import { readIdList } from './directives';

/**
 * Dockerfile comments: whole-line `#` comments (also those inside continued instructions, which
 * Docker strips), plus end-of-line `# bulkhead-disable-line` / `#trivy:ignore:` comments, which a
 * RUN's shell reads as a comment too.
 */
export function dockerfileComments(text: string, lines: LineIndex): Comment[] {
  const comments: Comment[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const content = text.slice(start, lines.lineEnd(line));
    const hash = /^\s*#/.exec(content);
    if (hash) {
      comments.push({ offset: start + hash[0].length - 1, text: content.slice(hash[0].length - 1).trimEnd(), trailing: false });
      continue;
    }
    const trailing = /\s(#\s*(?:bulkhead-disable-|trivy:ignore:).*)$/.exec(content);
    if (trailing) comments.push({ offset: start + trailing.index + 1, text: trailing[1].trimEnd(), trailing: true });
  }
  return comments;
}

/**
 * YAML comments from the concrete syntax tree, so `#` inside quoted strings and block scalars
 * (a script in a ConfigMap) is never mistaken for a comment.
 */
export function yamlComments(text: string, lines: LineIndex): Comment[] {
  const comments: Comment[] = [];
  const visit = (token: unknown, depth: number): void => {
    if (!token || typeof token !== 'object' || depth > 200) return;
    if (Array.isArray(token)) {
      for (const t of token) visit(t, depth + 1);
      return;
    }
    const t = token as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const before = text.slice(lines.lineStart(lines.positionAt(t.offset).line), t.offset);
      comments.push({ offset: t.offset, text: t.source.trimEnd(), trailing: before.trim() !== '' });
      return;
    }
    for (const [key, value] of Object.entries(t)) if (key !== 'source' && typeof value === 'object') visit(value, depth + 1);
  };
  for (const token of new Parser().parse(text)) visit(token, 0);
  return comments.sort((a, b) => a.offset - b.offset);
}

const ANNOTATION_MARKER = /bulkhead\.dev\/ignore|ignore-check\.kube-linter\.io\/|checkov\.io\/skip|polaris\.fairwinds\.com\//;

/**
 * Suppression annotations on Kubernetes objects. An annotation in any `metadata` (the object's,
 * or a pod template's) covers the mapping that holds that `metadata`: the whole object or template.
 */
export function kubernetesAnnotations(text: string, lines: LineIndex): Directive[] {
  if (!ANNOTATION_MARKER.test(text)) return [];
  const directives: Directive[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === 'metadata' && isMap(pair.value)) readAnnotations(node, pair.value, lines, directives);
        visit(pair.value, depth + 1);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      for (const item of (node as { items: unknown[] }).items) visit(item, depth + 1);
    }
  };
  for (const doc of parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false, strict: false })) {
    if ('contents' in doc) visit(doc.contents, 0);
  }
  return directives;
}

function readAnnotations(owner: YAMLMap, metadata: YAMLMap, lines: LineIndex, out: Directive[]): void {
  const annotations = metadata.items.find((p) => isScalar(p.key) && p.key.value === 'annotations')?.value;
  if (!isMap(annotations) || !owner.range) return;
  const covered: [number, number] = [lines.positionAt(owner.range[0]).line, lines.positionAt(Math.max(owner.range[0], owner.range[1] - 1)).line];
  for (const pair of annotations.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const value = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
    const valueStart = isScalar(pair.value) && pair.value.range ? pair.value.range[0] : pair.key.range[1];
    const valueEnd = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
    const base = { form: 'annotation' as const, scope: 'lines' as const, lines: covered, line: covered[0], range: lines.rangeAt(pair.key.range[0], valueEnd) };
    const keyId = (text: string, at: number) => [{ text, range: lines.rangeAt(at, at + text.length) }];
    if (key === 'bulkhead.dev/ignore') {
      // Ids get their own ranges when the value is written verbatim (plain or simply quoted).
      const quote = lines.text[valueStart] === '"' || lines.text[valueStart] === "'" ? 1 : 0;
      const verbatim = lines.text.slice(valueStart + quote, valueStart + quote + value.length) === value;
      const { ids, reason } = readIdList(value, 0, valueStart + quote, lines, true);
      const whole = lines.rangeAt(valueStart, valueEnd);
      out.push({ ...base, source: 'bulkhead', ids: verbatim ? ids : ids.map((id) => ({ ...id, range: whole })), reason });
    } else if (key.startsWith('ignore-check.kube-linter.io/')) {
      const check = key.slice('ignore-check.kube-linter.io/'.length);
      out.push({ ...base, source: 'kube-linter', ids: keyId(check, pair.key.range[0] + key.length - check.length), reason: value || undefined });
    } else if (/^checkov\.io\/skip\d*$/.test(key)) {
      const [id, ...reason] = value.split('=');
      out.push({ ...base, source: 'checkov', ids: keyId(id.trim(), valueStart), reason: reason.join('=').trim() || undefined });
    } else if (key.startsWith('polaris.fairwinds.com/') && key.endsWith('-exempt') && /^true$/i.test(value.trim())) {
      const check = key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length);
      out.push({ ...base, source: 'polaris', ids: keyId(check, pair.key.range[0] + 'polaris.fairwinds.com/'.length) });
    }
  }
}

import type { Node } from 'yaml';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';
import { interpolate } from './interpolation';

/** A service volume entry that takes a path from the host (a bind mount, or a Windows named pipe). */
export interface ComposeHostMount {
  /** The host path as written (interpolation left in). */
  source: string;
  /** The host path with `${VAR:-default}` defaults applied; undefined when a variable has no default. */
  resolved?: string;
  readOnly: boolean;
  /** The short-syntax string, or the long syntax's `source:` value. */
  range: Range;
}

const MODES = /^(?:ro|rw|z|Z|cached|delegated|consistent|nocopy|shared|slave|private|rshared|rslave|rprivate)(?:,(?:ro|rw|z|Z|cached|delegated|consistent|nocopy|shared|slave|private|rshared|rslave|rprivate))*$/;

/** Host paths: absolute, relative (`./`, `../`, `.`), home (`~`), Windows drive or UNC paths. */
export function isHostPathSource(source: string): boolean {
  return /^(?:\/|\.{1,2}(?:[\\/]|$)|~(?:[\\/]|$)|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

/** Splits `[SOURCE:]TARGET[:MODE]`, keeping a Windows drive letter with its path. */
export function splitShortVolume(spec: string): { source?: string; target: string; mode?: string } {
  const drive = /^[A-Za-z]:[\\/]/.test(spec) ? spec.slice(0, 2) : '';
  const parts = splitOutsideBraces(spec.slice(drive.length));
  parts[0] = drive + parts[0];
  if (parts.length === 1) return { target: parts[0] };
  if (parts.length === 2 && MODES.test(parts[1]) && parts[0].startsWith('/') && !isHostPathSource(parts[1])) {
    // `/data:ro` is an anonymous volume with a mode, not a bind of /data onto "ro".
    return { target: parts[0], mode: parts[1] };
  }
  // A Windows target (`C:\data`) in the target position keeps its drive letter too.
  if (parts.length >= 3 && /^[A-Za-z]$/.test(parts[1]) && /^[\\/]/.test(parts[2])) {
    return { source: parts[0], target: `${parts[1]}:${parts[2]}`, mode: parts[3] };
  }
  return { source: parts[0], target: parts[1], mode: parts.slice(2).join(':') || undefined };
}

/** Splits on `:` except inside `${…}` (a default such as `${SOCK:-/run/docker.sock}` holds colons). */
function splitOutsideBraces(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Variables that always hold a host directory. */
const PATH_VARIABLES = /^\$(?:\{)?(?:PWD|HOME|XDG_RUNTIME_DIR)\b/;

/** Reads one item of a service's `volumes:`; undefined for named and anonymous volumes. */
export function readHostMount(view: YamlView, item: Node): ComposeHostMount | undefined {
  const text = view.string(item);
  if (text !== undefined) {
    const { source, mode } = splitShortVolume(text);
    if (source === undefined) return undefined;
    const resolved = resolveSource(source);
    if (!resolved.isHostPath) return undefined;
    return { source, resolved: resolved.value, readOnly: (mode ?? '').split(',').includes('ro'), range: view.range(item)! };
  }
  const map = view.map(item);
  if (!map) return undefined;
  const type = view.string(view.get(map, 'type'));
  const sourceNode = view.get(map, 'source');
  const source = view.string(sourceNode);
  const readOnly = view.bool(view.get(map, 'read_only')) === true;
  const range = view.range(sourceNode) ?? view.range(view.get(map, 'type')) ?? view.range(map)!;
  if (type === 'bind' || type === 'npipe') {
    if (source === undefined) return undefined;
    const resolved = resolveSource(source);
    return { source, resolved: resolved.value, readOnly, range };
  }
  return undefined;
}

function resolveSource(source: string): { isHostPath: boolean; value?: string } {
  const { value, unresolved, hasReference } = interpolate(source);
  if (!hasReference) return { isHostPath: isHostPathSource(source), value: source };
  if (!unresolved) return { isHostPath: isHostPathSource(value), value };
  // `${HOME}/.ssh`, `$PWD/data`: a variable followed by a path is a host path whose root is unknown.
  return { isHostPath: isHostPathSource(value) || PATH_VARIABLES.test(source) || /^\$\{?[A-Za-z_][A-Za-z0-9_]*[^/]*\}?[\\/]/.test(source), value: undefined };
}

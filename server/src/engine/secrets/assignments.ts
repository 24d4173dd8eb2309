import type { Instruction } from 'dockerfile-ast';
import type { Pair, YAMLMap } from 'yaml';
import type { DockerfileModel } from '../dockerfile/model';
import type { ComposeDocument } from '../compose/document';
import { serviceValue } from '../compose/model';
import { interpolate } from '../compose/interpolation';
import type { KubernetesDocument } from '../kubernetes/document';
import type { YamlView } from '../yaml/view';
import type { Range } from '../types';

/**
 * The places where each file kind gives a value to a name: Dockerfile ENV / ARG defaults /
 * LABEL, Compose `environment` and `build.args`, Kubernetes `env[].value` and ConfigMap `data`.
 * `value` is the literal as the runtime would see it (Compose `${X:-default}` resolved to its
 * default; `undefined` when it depends on a variable).
 */
export interface Assignment {
  name: string;
  value: string | undefined;
  /** Where the value is written (quotes included when the value is quoted). */
  range: Range;
  /** Human wording of the place: `ENV`, `environment`, `env[].value`, `ConfigMap data`… */
  where: string;
  /** Offsets (in the analysed text) of the value's characters without quotes, for fixes. */
  valueStart: number;
  valueEnd: number;
  /** Compose: the place takes `${NAME}`. Kubernetes: the `value:` pair, replaceable by valueFrom. */
  compose?: boolean;
  /** Compose: the value sits in a flow mapping (`{KEY: value}`) or sequence (`[KEY=value]`), where a plain `${NAME}` would not parse. */
  flow?: 'map' | 'seq';
  /** `workload`: the object's `metadata.name`, which the fix names the Secret after. */
  kubernetesEnv?: { pair: Pair; item: YAMLMap; container?: string; workload?: string };
  /** Lines of embedded config files: only random-looking values (or weak defaults) count. */
  requireRandom?: boolean;
  /** Dockerfile: the ENV/ARG instruction and the `NAME=value` property within it. */
  dockerfile?: { instruction: Instruction; property: Range; properties: number };
}

export function dockerfileAssignments(model: DockerfileModel): Assignment[] {
  const result: Assignment[] = [];
  const instructions = [...model.globalInstructions, ...model.stages.flatMap((s) => [s.from, ...s.instructions])];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG' && keyword !== 'LABEL') continue;
    const properties = (instruction as unknown as { getProperties?(): DockerProperty[] }).getProperties?.() ?? [];
    for (const property of properties) {
      const value = property.getValue();
      const propertyRange = (property as unknown as { getRange(): Range }).getRange();
      const range = property.getValueRange();
      if (value === null || !range) continue;
      const start = model.lines.offsetAt(range.start);
      const end = model.lines.offsetAt(range.end);
      const quoted = /^["']/.test(model.text.slice(start, start + 1)) && end - start >= 2;
      // Docker substitutes `${X:-default}` with the default when X is unset, as Compose does.
      const resolved = value.includes('$') ? literalOf(value) : value;
      result.push({
        name: property.getName(),
        value: resolved,
        range,
        where: keyword === 'ARG' ? 'ARG default' : keyword,
        valueStart: quoted ? start + 1 : start,
        valueEnd: quoted ? end - 1 : end,
        dockerfile: keyword === 'LABEL' ? undefined : { instruction, property: propertyRange, properties: properties.length },
      });
    }
  }
  return result;
}

interface DockerProperty {
  getName(): string;
  getValue(): string | null;
  getValueRange(): Range | null;
}

/** The literal a `${VAR:-default}` text stands for, or undefined when a variable decides it. */
export function literalOf(text: string): string | undefined {
  const interpolated = interpolate(text);
  return interpolated.unresolved ? undefined : interpolated.value;
}

export function composeAssignments(document: ComposeDocument): Assignment[] {
  const { view } = document;
  const result: Assignment[] = [];
  for (const service of document.services) {
    result.push(...mappingOrList(view, serviceValue(view, service, 'environment'), 'environment'));
    const build = view.map(serviceValue(view, service, 'build'));
    if (build) result.push(...mappingOrList(view, view.get(build, 'args'), 'build.args'));
  }
  // A value inherited through `extends` (or a shared anchor) is one place in the file: report it once.
  const seen = new Set<number>();
  return result.filter((a) => !seen.has(a.valueStart) && seen.add(a.valueStart) !== undefined);
}

/** `KEY: value` maps and `- KEY=value` lists, as Compose accepts both for environment and args. */
function mappingOrList(view: YamlView, node: unknown, where: string): Assignment[] {
  const result: Assignment[] = [];
  const text = view.lines.text;
  const map = view.map(node);
  if (map) {
    for (const pair of view.entries(map)) {
      const name = view.string(pair.key);
      const value = view.string(pair.value);
      const range = view.range(pair.value);
      if (name === undefined || value === undefined || !range) continue;
      const [start, end] = unquoted(text, (pair.value as { range: [number, number] }).range);
      result.push({ name, value: literalOf(value), range, where, valueStart: start, valueEnd: end, compose: true, flow: map.flow ? 'map' : undefined });
    }
    return result;
  }
  for (const item of view.items(node)) {
    const entry = view.string(item);
    const itemRange = (item as { range?: [number, number] }).range;
    if (entry === undefined || !itemRange) continue;
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const [innerStart, innerEnd] = unquoted(text, itemRange);
    const sourceEq = text.indexOf('=', innerStart);
    if (sourceEq < 0 || sourceEq >= innerEnd) continue;
    result.push({
      name: entry.slice(0, eq),
      value: literalOf(entry.slice(eq + 1)),
      range: view.lines.rangeAt(sourceEq + 1, innerEnd),
      where,
      valueStart: sourceEq + 1,
      valueEnd: innerEnd,
      compose: true,
      flow: view.seq(node)?.flow ? 'seq' : undefined,
    });
  }
  return result;
}

function unquoted(text: string, range: [number, number]): [number, number] {
  const [start, end] = range;
  const first = text[start];
  if ((first === '"' || first === "'") && text[end - 1] === first && end - start >= 2) return [start + 1, end - 1];
  return [start, end];
}

export function kubernetesAssignments(document: KubernetesDocument): Assignment[] {
  const { view } = document;
  const text = view.lines.text;
  const result: Assignment[] = [];
  for (const object of document.objects) {
    for (const pod of object.podSpecs) {
      for (const container of pod.containers) {
        for (const item of view.items(view.get(container.node, 'env'))) {
          const env = view.map(item);
          const name = view.string(view.get(env, 'name'));
          const pair = view.pair(env, 'value');
          const value = view.string(pair?.value);
          const range = view.range(pair?.value);
          if (!env || !pair || name === undefined || value === undefined || !range) continue;
          const [start, end] = unquoted(text, (pair.value as { range: [number, number] }).range);
          // `$(VAR)` is Kubernetes' own dependent-variable reference.
          result.push({ name, value, range, where: 'env[].value', valueStart: start, valueEnd: end, kubernetesEnv: { pair, item: env, container: container.name, workload: object.name } });
        }
      }
    }
    if (object.kind === 'ConfigMap') {
      for (const pair of view.entries(view.map(view.get(object.node, 'data')))) {
        const name = view.string(pair.key);
        const value = view.string(pair.value);
        const range = view.range(pair.value);
        if (name === undefined || value === undefined || !range) continue;
        const nodeRange = (pair.value as { range: [number, number] }).range;
        if (value.includes('\n')) {
          result.push(...embeddedFileAssignments(view, value, nodeRange, `ConfigMap data ${name}:`));
          continue;
        }
        const [start, end] = unquoted(text, nodeRange);
        result.push({ name, value, range, where: 'ConfigMap data', valueStart: start, valueEnd: end });
      }
    }
  }
  return result;
}

/** `name = value`, `name: value`, `export NAME=value`, `"name": "value",` — one setting per line. */
const SETTING_LINE = /^(\s*(?:export\s+)?["']?)([A-Za-z_][A-Za-z0-9_.-]*)(["']?\s*[=:]\s*)(.*?)[,;]?\s*$/;

/**
 * A ConfigMap value that is a whole config file (`application.properties: |`): each setting
 * line is an assignment of its own, located in the source by finding the line in the block.
 */
function embeddedFileAssignments(view: YamlView, value: string, nodeRange: [number, number], where: string): Assignment[] {
  const text = view.lines.text;
  const source = text.slice(nodeRange[0], nodeRange[1]);
  const result: Assignment[] = [];
  let cursor = 0;
  for (const line of value.split('\n')) {
    const m = line.length > 2000 ? null : SETTING_LINE.exec(line);
    if (!m || m[4] === '') continue;
    const at = source.indexOf(line, cursor);
    // A quoted scalar with escapes: its lines are not in the source as-is. Stop rather than
    // search the rest of the document once per line (quadratic on hostile input).
    if (at < 0) break;
    cursor = at + line.length;
    const rawStart = nodeRange[0] + at + m[1].length + m[2].length + m[3].length;
    const [start, end] = unquoted(text, [rawStart, rawStart + m[4].length]);
    // Config files are full of settings that share names with credentials (nsswitch's
    // `passwd: files`): only random-looking values and known weak defaults count there.
    result.push({ name: m[2], value: text.slice(start, end), range: view.lines.rangeAt(start, end), where, valueStart: start, valueEnd: end, requireRandom: true });
  }
  return result;
}

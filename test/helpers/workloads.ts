import type { ExpectedFinding, InvalidCase, ValidCase } from './rule-tester';

/**
 * Wraps one pod spec (written at indentation 0) in every workload kind, so a rule table can
 * check each kind with the same expected positions, shifted by `at()`.
 */
export interface Workload {
  kind: string;
  code: string;
  /** 1-based line and column in `code` of a 1-based line/column of the pod spec text. */
  at(line: number, column: number): { line: number; column: number };
  /** The pod spec's `spec:` key, where pod-level "missing …" findings point. */
  specKey: { line: number; column: number; endLine: number; endColumn: number };
}

const DEPLOYMENT_LIKE = (apiVersion: string, kind: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n`;

const SHAPES: Record<string, { head: string; indent: number }> = {
  Pod: { head: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n', indent: 2 },
  Deployment: { head: DEPLOYMENT_LIKE('apps/v1', 'Deployment'), indent: 6 },
  StatefulSet: { head: DEPLOYMENT_LIKE('apps/v1', 'StatefulSet'), indent: 6 },
  DaemonSet: { head: DEPLOYMENT_LIKE('apps/v1', 'DaemonSet'), indent: 6 },
  ReplicaSet: { head: DEPLOYMENT_LIKE('apps/v1', 'ReplicaSet'), indent: 6 },
  ReplicationController: { head: DEPLOYMENT_LIKE('v1', 'ReplicationController'), indent: 6 },
  Job: { head: DEPLOYMENT_LIKE('batch/v1', 'Job'), indent: 6 },
  CronJob: {
    head: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: app\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: app}\n        spec:\n',
    indent: 10,
  },
  PodTemplate: { head: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: app\ntemplate:\n  metadata:\n    labels: {app: app}\n  spec:\n', indent: 4 },
};

export const WORKLOAD_KINDS = Object.keys(SHAPES);

export function workload(kind: string, podSpec: string): Workload {
  const shape = SHAPES[kind];
  if (!shape) throw new Error(`no workload shape for ${kind}`);
  const pad = ' '.repeat(shape.indent);
  const body = podSpec
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
  const headLines = shape.head.split('\n').length - 1;
  const specColumn = shape.indent - 1;
  return {
    kind,
    code: shape.head + body,
    at: (line, column) => ({ line: headLines + line, column: column + shape.indent }),
    specKey: { line: headLines, column: specColumn, endLine: headLines, endColumn: specColumn + 4 },
  };
}

/** The same pod spec in every workload kind. */
export function inEveryWorkload(podSpec: string): Workload[] {
  return WORKLOAD_KINDS.map((kind) => workload(kind, podSpec));
}

/** An expected finding at pod-spec-relative positions (same line start and end). */
export function span(w: Workload, line: number, column: number, endColumn: number) {
  const start = w.at(line, column);
  return { line: start.line, column: start.column, endLine: start.line, endColumn: endColumn + (start.column - column) };
}


/**
 * Every workload kind, wrapped around one pod spec written at column 0, so a rule table can
 * assert the same finding in each kind. Expected positions are given relative to the pod spec
 * (1-based, as in rule tables) and shifted to the file by `inWorkload`.
 */
const WRAPPERS: Record<string, { header: string; indent: number }> = {
  Pod: { header: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n', indent: 2 },
  Deployment: { header: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  replicas: 2\n  template:\n    spec:\n', indent: 6 },
  StatefulSet: { header: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  serviceName: w\n  template:\n    spec:\n', indent: 6 },
  DaemonSet: { header: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  ReplicaSet: { header: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  ReplicationController: { header: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  Job: { header: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  CronJob: { header: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n', indent: 10 },
  PodTemplate: { header: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n  spec:\n', indent: 4 },
  // A custom resource holding a partial pod spec (Knative Serving).
  'Knative Service': { header: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
};

export const WORKLOAD_NAMES = Object.keys(WRAPPERS);

export function inWorkload(kind: string, podSpec: string): string {
  const { header, indent } = WRAPPERS[kind];
  const body = podSpec.split('\n').map((line) => (line === '' ? line : ' '.repeat(indent) + line)).join('\n');
  return header + body;
}

export function shiftTo(kind: string, errors: ExpectedFinding[]): ExpectedFinding[] {
  const { header, indent } = WRAPPERS[kind];
  const lines = header.split('\n').length - 1;
  return errors.map((e) => ({ ...e, line: e.line + lines, endLine: e.endLine + lines, column: e.column + indent, endColumn: e.endColumn + indent }));
}

/** One invalid case per workload kind. */
export function everyWorkload(name: string, podSpec: string, errors: ExpectedFinding[]): InvalidCase[] {
  return WORKLOAD_NAMES.map((kind) => ({ name: `${name} (${kind})`, code: inWorkload(kind, podSpec), kind: 'kubernetes' as const, errors: shiftTo(kind, errors) }));
}

/** One valid case per workload kind. */
export function everyWorkloadValid(name: string, podSpec: string): ValidCase[] {
  return WORKLOAD_NAMES.map((kind) => ({ name: `${name} (${kind})`, code: inWorkload(kind, podSpec), kind: 'kubernetes' as const }));
}

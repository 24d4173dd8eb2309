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

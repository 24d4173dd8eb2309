import type { ExpectedFinding, InvalidCase, ValidCase } from './rule-tester';

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

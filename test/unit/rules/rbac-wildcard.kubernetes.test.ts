import rule from '../../../server/src/engine/rules/rbac-wildcard';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'explicit verbs and resources', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n- apiGroups: [""]\n  resources: [pods, pods/log]\n  verbs: [get, list, watch]\n', kind: 'kubernetes' },
    { name: 'resourceNames and nonResourceURLs are not checked', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: health\nrules:\n- nonResourceURLs: ["/healthz/*"]\n  verbs: [get]\n', kind: 'kubernetes' },
    { name: 'a "*" in other kinds is not RBAC', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  verbs: "*"\n', kind: 'kubernetes' },
    { name: 'an aggregated ClusterRole without rules', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: monitoring\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}\nrules: []\n', kind: 'kubernetes' },
  ],
  invalid: [
    {
      name: 'each "*" of a ClusterRole, at the item',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin-ish\nrules:\n- apiGroups: ["*"]\n  resources:\n  - "*"\n  verbs:\n  - get\n  - "*"\n',
      kind: 'kubernetes',
      errors: [
        { line: 6, column: 15, endLine: 6, endColumn: 18, severity: 'warning', message: 'ClusterRole "admin-ish" grants "*" in apiGroups' },
        { line: 8, column: 5, endLine: 8, endColumn: 8, message: '"*" in resources' },
        { line: 11, column: 5, endLine: 11, endColumn: 8, message: '"*" in verbs' },
      ],
    },
    {
      name: 'a Role in a List, and a second rule',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: ops, namespace: prod}\n  rules:\n  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get]\n  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [\'*\']\n',
      kind: 'kubernetes',
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 16, message: 'Role "ops" grants "*" in verbs' }],
    },
  ],
});

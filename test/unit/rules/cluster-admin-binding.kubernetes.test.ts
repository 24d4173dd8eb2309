import rule from '../../../server/src/engine/rules/cluster-admin-binding';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a binding to a narrow role', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: read\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: Group\n  name: devs\n', kind: 'kubernetes' },
    { name: 'a namespaced Role that happens to be called cluster-admin is not the ClusterRole', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: local\n  namespace: app\nroleRef:\n  kind: Role\n  name: cluster-admin\n  apiGroup: rbac.authorization.k8s.io\n', kind: 'kubernetes' },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding to cluster-admin, at the role name',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: tiller\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: ServiceAccount\n  name: tiller\n  namespace: kube-system\n',
      kind: 'kubernetes',
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 22, severity: 'error', message: 'ClusterRoleBinding "tiller" gives ServiceAccount tiller the cluster-admin role: full control of the cluster' }],
    },
    {
      name: 'a RoleBinding to cluster-admin: full control of the namespace',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ns-admin\n  namespace: app\nsubjects:\n- {kind: User, name: alice}\n- {kind: Group, name: ops}\nroleRef: {kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}\n',
      kind: 'kubernetes',
      errors: [{ line: 9, column: 36, endLine: 9, endColumn: 49, message: 'gives User alice, Group ops the cluster-admin role: full control of its namespace' }],
    },
  ],
});

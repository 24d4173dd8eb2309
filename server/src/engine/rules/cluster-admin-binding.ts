import { defineRule } from '../rule';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export default defineRule({
  id: 'cluster-admin-binding',
  title: 'Binding to cluster-admin',
  description: 'A binding to the `cluster-admin` ClusterRole gives its subjects full control of the cluster (in a RoleBinding, of the whole namespace), secrets included.',
  severity: 'error',
  kinds: ['kubernetes'],
  peerIds: { kics: ['cluster_admin_role_binding_with_super_user_permissions'], trivy: ['KSV111'], kubeLinter: ['cluster-admin-role-binding'] },
  howToFix: 'Bind a Role or ClusterRole that grants only the verbs and resources the subjects need; keep cluster-admin for break-glass humans, outside the repository.',
  fixable: false,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        if (!BINDING_KINDS.has(object.kind) || !/^(rbac\.authorization\.k8s\.io|authorization\.openshift\.io)\//.test(object.apiVersion)) continue;
        const roleRef = view.map(view.get(object.node, 'roleRef'));
        const nameNode = view.get(roleRef, 'name');
        const kind = view.string(view.get(roleRef, 'kind'));
        if (view.string(nameNode) !== 'cluster-admin' || (kind !== undefined && kind !== 'ClusterRole')) continue;
        const subjects = view
          .items(view.get(object.node, 'subjects'))
          .map((s) => view.map(s))
          .map((s) => (s ? `${view.string(view.get(s, 'kind')) ?? 'subject'} ${view.string(view.get(s, 'name')) ?? ''}`.trim() : undefined))
          .filter((s): s is string => !!s);
        const who = subjects.length > 0 ? subjects.join(', ') : 'its subjects';
        const scope = object.kind === 'RoleBinding' ? 'full control of its namespace' : 'full control of the cluster';
        report({ range: view.range(nameNode)!, message: `${object.kind}${object.name ? ` "${object.name}"` : ''} gives ${who} the cluster-admin role: ${scope}, secrets included.` });
      }
    },
  },
});

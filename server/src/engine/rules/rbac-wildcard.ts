import { defineRule } from '../rule';

const RBAC_ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

export default defineRule({
  id: 'rbac-wildcard',
  title: 'Wildcard in an RBAC rule',
  description:
    'A `*` in a Role\'s verbs, resources or apiGroups grants everything, including permissions added by future API versions and CRDs: far more than any workload needs.',
  severity: 'warning',
  kinds: ['kubernetes'],
  peerIds: { checkov: ['CKV_K8S_49'], kics: ['rbac_wildcard_in_rule'], trivy: ['KSV044', 'KSV045', 'KSV046'], kubeLinter: ['wildcard-in-rules'] },
  howToFix: 'List the exact apiGroups, resources and verbs the subject needs (e.g. `verbs: [get, list, watch]`).',
  fixable: false,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        if (!RBAC_ROLE_KINDS.has(object.kind) || !/^(rbac\.authorization\.k8s\.io|authorization\.openshift\.io)\//.test(object.apiVersion)) continue;
        const role = `${object.kind}${object.name ? ` "${object.name}"` : ''}`;
        for (const ruleNode of view.items(view.get(object.node, 'rules'))) {
          const rule = view.map(ruleNode);
          for (const field of FIELDS) {
            for (const item of view.items(view.get(rule, field))) {
              if (view.string(item)?.trim() !== '*') continue;
              report({ range: view.range(item)!, message: `${role} grants "*" in ${field}: every ${field === 'verbs' ? 'action' : field === 'resources' ? 'resource' : 'API group'}, including ones added later.` });
            }
          }
        }
      }
    },
  },
});

import { defineRule } from '../rule';
import { selects, type FileFacts } from '../workspace/facts';

type Policy = NonNullable<FileFacts['networkPolicies']>[number];

/**
 * missing-network-policy: a workload in a namespace (explicit, or `default`) that no
 * NetworkPolicy anywhere in the workspace selects. Without one, Kubernetes lets every pod in the
 * cluster reach it and it can reach anything. Policies it cannot evaluate (Calico selector
 * expressions, cluster-wide kinds) count as selecting everything, so it never guesses.
 */
export default defineRule({
  id: 'missing-network-policy',
  title: 'Workload not covered by any NetworkPolicy',
  description: 'No NetworkPolicy in the workspace selects this workload, so any pod in the cluster can connect to it and it can connect anywhere: one compromised pod reaches all the others.',
  severity: 'info',
  kinds: ['kubernetes'],
  peerIds: { kubeLinter: ['non-isolated-pod'], checkov: ['CKV2_K8S_6'] },
  howToFix: 'Add a NetworkPolicy for the namespace: start with a default-deny (`podSelector: {}` with `policyTypes: [Ingress, Egress]`) and allow the traffic each workload needs.',
  fixable: false,
  check: {
    workspace({ files, report, wants }) {
      // In the editor only one document's findings are wanted; skip the policy index otherwise.
      if (!files.some((f) => f.facts.workloads?.length && wants(f.path))) return;
      const policies: Policy[] = files.flatMap((f) => f.facts.networkPolicies ?? []);
      const byNamespace = new Map<string, Policy[]>();
      for (const policy of policies) {
        const list = byNamespace.get(policy.namespace);
        if (list) list.push(policy);
        else byNamespace.set(policy.namespace, [policy]);
      }
      const clusterWide = byNamespace.get('*') ?? [];
      for (const file of files) {
        if (!wants(file.path)) continue;
        for (const workload of file.facts.workloads ?? []) {
          const inNamespace = [...(byNamespace.get(workload.namespace) ?? []), ...clusterWide];
          if (inNamespace.some((p) => selects(p.selector, workload.labels))) continue;
          const what = `${workload.kind}${workload.name ? ` ${workload.name}` : ''}`;
          const message =
            inNamespace.length === 0
              ? `Namespace ${workload.namespace} has no NetworkPolicy anywhere in the workspace: ${what} accepts connections from every pod in the cluster and can reach any of them.`
              : `No NetworkPolicy in namespace ${workload.namespace} selects the pods of ${what} (labels ${labelText(workload.labels)}): they accept connections from every pod in the cluster.`;
          report(file.path, { range: workload.range, message });
        }
      }
    },
  },
});

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

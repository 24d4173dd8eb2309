import { defineRule } from '../rule';
import { pairRange } from '../yaml/pair-range';
import { describeContainer } from '../kubernetes/model';
import { capitalize } from '../text/sentence';
import { editorFor, oneFix } from '../kubernetes/fixes';

export default defineRule({
  id: 'host-port',
  title: 'Container binds a host port',
  description:
    'A `hostPort` binds the port on every node the pod lands on: it bypasses Services and NetworkPolicies, exposes the container on the node\'s address and limits where the pod can be scheduled.',
  severity: 'warning',
  kinds: ['kubernetes'],
  peerIds: { checkov: ['CKV_K8S_26'], kics: ['workload_host_port_not_specified'], trivy: ['KSV024'], polaris: ['hostPortSet'] },
  howToFix: 'Remove `hostPort` and expose the container through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
  fixable: true,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          for (const container of pod.containers) {
            for (const item of view.items(view.get(container.node, 'ports'))) {
              const port = view.map(item);
              const pair = view.pair(port, 'hostPort');
              const value = view.resolve(pair?.value);
              const number = view.number(value);
              // hostPort 0 (or empty) means "not set".
              if (!pair || value === undefined || number === 0 || (number === undefined && (view.string(value) ?? '').trim() === '')) continue;
              const containerPort = view.string(view.get(port, 'containerPort'));
              // Not part of fix-all: whoever reached the pod on the node's port must go through a Service instead.
              const editor = editorFor(model);
              const own = port && editor.ownPair(port, 'hostPort') === pair;
              report({
                fixes: oneFix('Remove hostPort', own && port ? editor.removePair(port, pair) : undefined, false),
                range: pairRange(view, pair)!,
                message: `${capitalize(describeContainer(container))} binds host port ${view.string(value)}${containerPort ? ` (to container port ${containerPort})` : ''} on its node, bypassing Services and NetworkPolicies.`,
              });
            }
          }
        }
      }
    },
  },
});

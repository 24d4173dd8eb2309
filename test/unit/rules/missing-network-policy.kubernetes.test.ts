import rule from '../../../server/src/engine/rules/missing-network-policy';
import { workspaceRuleTester } from '../../helpers/workspace-tester';

const deployment = (name: string, namespace?: string, labels = `app: ${name}`) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        ${labels}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.29\n`;
const policy = (namespace: string, selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: ${namespace}\nspec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n`;

workspaceRuleTester(rule, {
  valid: [
    { name: 'a default-deny policy in another file of the workspace', files: { 'k8s/web.yaml': deployment('web', 'shop'), 'k8s/policies/deny.yaml': policy('shop', '{}') } },
    { name: 'a policy selecting the pod labels', files: { 'web.yaml': deployment('web'), 'np.yaml': policy('default', '{matchLabels: {app: web}}') } },
    { name: 'matchExpressions In', files: { 'web.yaml': deployment('web'), 'np.yaml': policy('default', '{matchExpressions: [{key: app, operator: In, values: [web, api]}]}') } },
    { name: 'a policy in the same multi-document file', files: { 'all.yaml': `${deployment('web', 'a')}---\n${policy('a', '{}')}` } },
    { name: 'policies it cannot evaluate count as covering (Calico)', files: { 'web.yaml': deployment('web'), 'calico.yaml': 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny\nspec:\n  selector: all()\n' } },
    { name: 'non-workloads need no policy', files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n' } },
  ],
  invalid: [
    {
      name: 'no policy anywhere: every workload, namespace default when unset',
      files: { 'web.yaml': deployment('web'), 'job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  namespace: batch\nspec:\n  template:\n    spec:\n      containers:\n        - name: j\n          image: busybox:1.37\n' },
      errors: { 'web.yaml': [{ line: 2, column: 7, endLine: 2, endColumn: 17, severity: 'info', message: 'Namespace default has no NetworkPolicy anywhere in the workspace: Deployment web accepts' }], 'job.yaml': [{ line: 2, column: 7, endLine: 2, endColumn: 10, message: 'Namespace batch' }] },
    },
    {
      name: 'a policy in another namespace does not count',
      files: { 'web.yaml': deployment('web', 'shop'), 'np.yaml': policy('default', '{}') },
      errors: { 'web.yaml': [{ line: 2, column: 7, endLine: 2, endColumn: 17, message: 'Namespace shop' }] },
    },
    {
      name: 'a policy whose selector misses the pods',
      files: { 'web.yaml': deployment('web'), 'np.yaml': policy('default', '{matchLabels: {app: api}}') },
      errors: { 'web.yaml': [{ line: 2, column: 7, endLine: 2, endColumn: 17, message: 'No NetworkPolicy in namespace default selects the pods of Deployment web (labels app=web)' }] },
    },
    {
      name: 'the second document of a file',
      files: { 'all.yaml': `${policy('a', '{}')}---\n${deployment('web', 'b')}` },
      errors: { 'all.yaml': [{ line: 11, column: 7, endLine: 11, endColumn: 17 }] },
    },
  ],
});

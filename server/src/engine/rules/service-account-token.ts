import { defineRule } from '../rule';
import { pairRange } from '../yaml/pair-range';
import { isPodSpecFragment } from '../kubernetes/fragments';
import { editorFor, oneFix, setPodSpec } from '../kubernetes/fixes';

/** Not part of fix-all: a pod that calls the Kubernetes API (an operator, a controller) needs its token. */
const TITLE = 'Set automountServiceAccountToken: false';

export default defineRule({
  id: 'service-account-token',
  title: 'Service account token mounted',
  description:
    'Unless the pod spec sets `automountServiceAccountToken: false`, every container gets an API token: code execution in the pod becomes access to the Kubernetes API with the service account\'s rights.',
  severity: 'info',
  kinds: ['kubernetes'],
  peerIds: { checkov: ['CKV_K8S_38'], kics: ['service_account_token_automount_not_disabled'], trivy: ['KSV036'], kubeLinter: ['automount-service-account-token'] },
  howToFix: 'Set `automountServiceAccountToken: false` in the pod spec; pods that call the API mount a projected token only where they need it.',
  fixable: true,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          const pair = view.pair(pod.spec, 'automountServiceAccountToken');
          const value = view.bool(pair?.value);
          if (value === false) continue;
          if (pair && value === true) {
            report({ range: pairRange(view, pair)!, message: 'The pod spec sets automountServiceAccountToken: true: every container gets a Kubernetes API token.', fixes: oneFix(TITLE, editorFor(model).replace(view.resolve(pair.value), 'false'), false) });
          } else if (!isPodSpecFragment(view, pod)) {
            report({ range: pod.anchorRange, message: 'The pod spec does not set automountServiceAccountToken: false, so every container gets a Kubernetes API token.', fixes: oneFix(TITLE, setPodSpec(model, pod.spec, [['automountServiceAccountToken', 'false']]), false) });
          }
        }
      }
    },
  },
});

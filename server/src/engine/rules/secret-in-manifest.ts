import { defineRule } from '../rule';
import { classifySecretValue, isReference, redact } from '../secrets';

/** `data` values are base64; decode for the redacted preview only (never shown whole). */
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  try {
    const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: 'secret-in-manifest',
  title: 'Secret object committed with its values',
  description: 'A Kubernetes Secret with `data`/`stringData` values is committed to the workspace: base64 is an encoding, not encryption, so anyone who can read the repository has the secret.',
  severity: 'warning',
  kinds: ['kubernetes'],
  peerIds: { kics: ['using_kubernetes_native_secret_management'] },
  howToFix:
    'Keep Secret values out of the repository: create the Secret from a secret store (External Secrets Operator, Vault, SOPS, Sealed Secrets) or at deploy time (`kubectl create secret … --from-env-file`), and commit only the reference.',
  fixable: false,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        if (object.kind !== 'Secret') continue;
        const secretName = object.name ? ` "${object.name}"` : '';
        for (const field of ['data', 'stringData'] as const) {
          for (const pair of view.entries(view.map(view.get(object.node, field)))) {
            const key = view.string(pair.key);
            const raw = view.string(pair.value);
            const range = view.keyRange(pair);
            if (key === undefined || raw === undefined || !range) continue;
            const value = field === 'data' ? decodeBase64(raw) : raw;
            // Templated values (`${VAR}`, `{{ … }}`) are filled in at deploy time; empty ones hold nothing.
            const plain = value ?? raw;
            if (plain.trim() === '' || isReference(plain) || classifySecretValue(plain).kind === 'placeholder') continue;
            const preview = value === undefined ? `not valid base64, ${redact(raw)}` : `${field === 'data' ? 'decoded ' : ''}${redact(value)}`;
            report({
              range,
              message: `Secret${secretName} commits the value of "${key}" in ${field} (${preview}) to the workspace; base64 is not encryption, so anyone who can read the repository has it.`,
            });
          }
        }
      }
    },
  },
});

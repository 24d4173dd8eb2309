import { defineRule } from '../rule';
import { finalStageChain, instructionsOf } from '../dockerfile/queries';

/** `root`, `0`, `root:…` and `0:…` all mean uid 0. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0];
  return name === 'root' || name === '0';
}

/** Base images documented to run as a non-root user already (distroless `:nonroot`, Chainguard). */
function imageRunsAsNonRoot(imageText: string | undefined): boolean {
  if (!imageText) return false;
  return /:(?:[^/]*-)?nonroot\b/.test(imageText) || imageText.startsWith('cgr.dev/chainguard/');
}

export default defineRule({
  id: 'root-user',
  title: 'Container runs as root',
  description: 'A container running as root turns any code-execution bug into root on the container, one kernel bug away from the host.',
  severity: 'warning',
  kinds: ['dockerfile'],
  peerIds: { hadolint: ['DL3002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'], kics: ['last_user_is_root', 'missing_user_instruction'], trivy: ['DS002'] },
  howToFix: 'Create an unprivileged user and switch to it with `USER <uid>` before the final `CMD`/`ENTRYPOINT`; use a numeric uid so Kubernetes can verify `runAsNonRoot`.',
  fixable: false,
  check: {
    dockerfile({ model, report }) {
      const chain = finalStageChain(model);
      if (chain.length === 0) return;
      // The last USER wins, and a stage built FROM another stage inherits its USER.
      for (const stage of chain) {
        const users = instructionsOf(stage, 'USER');
        const last = users[users.length - 1];
        if (!last) continue;
        const value = last.getArgumentsContent() ?? '';
        const range = last.getArgumentsRange();
        if (isRootUser(value) && range) {
          report({ range, message: `The final stage runs as USER ${value.trim()}: any code-execution bug in the container becomes root in the container, one kernel bug from the host.` });
        }
        return;
      }
      // The root of the chain names the real base image, which may already run as non-root.
      const baseImage = chain[chain.length - 1].imageText;
      if (imageRunsAsNonRoot(baseImage)) return;
      // Microsoft's .NET distroless/chiseled images end with `USER $APP_UID` (uid 1654).
      if (baseImage && /^mcr\.microsoft\.com\/dotnet\/[^:@]+:[^@]*(?:distroless|chiseled)/.test(baseImage)) return;
      report({
        range: model.stages[model.stages.length - 1].from.getRange(),
        message: 'The final stage has no USER instruction, so the container runs as root: any code-execution bug becomes root in the container.',
      });
    },
  },
});

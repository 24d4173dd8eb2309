import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { finalStageChain, instructionsOf } from '../dockerfile/queries';
import { serviceText } from '../compose/model';
import { containersOf, describeContainer, effectiveSecurityField, isWindowsPod } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import { appendLine, insertLineBefore } from '../dockerfile/edits';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { Fix } from '../types';
import { editorFor, oneFix, setContainerSecurity, setPodSecurity } from '../kubernetes/fixes';

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
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: {
    hadolint: ['DL3002'],
    checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8', 'CKV_K8S_23', 'CKV_K8S_40'],
    kics: ['last_user_is_root', 'missing_user_instruction', 'container_running_as_root', 'containers_run_with_root_user'],
    trivy: ['DS002', 'KSV012', 'KSV020'],
    kubeLinter: ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
  },
  howToFix:
    'Dockerfile: create an unprivileged user and switch to it with `USER <uid>` before the final `CMD`/`ENTRYPOINT`; use a numeric uid so Kubernetes can verify `runAsNonRoot`. Compose: set `user: "<uid>:<gid>"` to a non-zero uid. Kubernetes: set `runAsNonRoot: true` and a non-zero `runAsUser` in the container (or pod) `securityContext`.',
  fixable: true,
  check: {
    dockerfile({ model, config, report }) {
      const uid = config.fix.user;
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
          const fixes = stage === chain[0] && !buildStepAfter(stage, last) ? userFix(uid, { range, newText: uid }) : userFix(uid, insertUser(model, chain[0], uid));
          report({ range, message: `The final stage runs as USER ${value.trim()}: any code-execution bug in the container becomes root in the container, one kernel bug from the host.`, fixes });
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
        fixes: userFix(uid, insertUser(model, chain[0], uid)),
      });
    },
    // Compose: only an explicit root user; the image's USER decides otherwise (the Dockerfile rule's job).
    compose({ model, config, report }) {
      const { view } = model;
      const once = reportOnce(report);
      const uid = config.fix.user;
      for (const service of model.services) {
        const user = serviceText(view, service, 'user');
        const range = user && isRootUser(user.text) ? view.range(user.node) : undefined;
        if (!range) continue;
        // `user: "<uid>:<gid>"`, quoted (YAML 1.1 reads an unquoted 10001:10001 as a number).
        const editor = editorFor(model);
        const fixes = oneFix(`Run as non-root user ${uid}`, editor.replace(user!.node, editor.quoteLike(user!.node, `${uid}:${uid}`, true)), false);
        once({ range, message: `Service "${service.name}" runs as user ${user!.text.trim()} (root): any code-execution bug in it becomes root in the container, one kernel bug from the host.`, fixes });
      }
    },
    // Kubernetes: the kubelet enforces only what the pod spec says, whatever the image's USER.
    kubernetes({ model, config, report }) {
      const { view } = model;
      const once = reportOnce(report);
      const fixUser = config.fix.user;
      // runAsUser takes a number; a user name in bulkhead.fix.user leaves only runAsNonRoot.
      const numeric = /^[1-9][0-9]*$/.test(fixUser);
      const entries: Array<[string, string]> = numeric ? [['runAsNonRoot', 'true'], ['runAsUser', fixUser]] : [['runAsNonRoot', 'true']];
      const title = numeric ? `Run as non-root user ${fixUser}` : 'Set runAsNonRoot: true';
      for (const { pod, container } of containersOf(model.objects)) {
        if (isWindowsPod(view, pod)) continue;
        const what = describeContainer(container);
        const user = effectiveSecurityField(view, pod, container, 'runAsUser');
        const uid = user ? view.number(user.node) : undefined;
        if (user && uid === 0) {
          const range = view.range(user.node);
          const where = user.level === 'pod' ? 'the pod securityContext sets runAsUser: 0' : 'its securityContext sets runAsUser: 0';
          // Fixed where it is set: a pod-level runAsUser: 0 holds for every container of the pod.
          const edits = user.level === 'pod' ? setPodSecurity(model, pod, entries) : setContainerSecurity(model, container, entries);
          if (range) once({ range, message: `The ${what} runs as root: ${where}. Any code-execution bug in it becomes root in the container.`, fixes: oneFix(title, edits, false) });
          continue;
        }
        if (uid !== undefined && uid > 0) continue;
        // A runAsUser we cannot read (a template placeholder) is not known to be root.
        if (user && uid === undefined) continue;
        const nonRoot = effectiveSecurityField(view, pod, container, 'runAsNonRoot');
        const verdict = nonRoot ? view.bool(nonRoot.node) : undefined;
        if (verdict === true) continue;
        const range = verdict === false && nonRoot ? view.range(nonRoot.node) : container.anchorRange;
        if (!range) continue;
        once({
          range,
          message:
            verdict === false
              ? `The ${what} sets runAsNonRoot: false and no non-zero runAsUser, so it runs as root unless the image says otherwise.`
              : `The ${what} may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser, so the image's USER (often root) decides.`,
          fixes: oneFix(title, setContainerSecurity(model, container, entries), false),
        });
      }
    },
  },
});

/**
 * The fix switches to a numeric uid (`bulkhead.fix.user`, default 10001). It is not part of
 * fix-all: files the image creates as root stay root-owned, and the user must decide whether the
 * process can still read and write what it needs (or `chown` them).
 */
function userFix(uid: string, edit: Fix['edits'][number]): Fix[] {
  return [{ title: `Run as non-root user ${uid}`, edits: [edit], safe: false, preferred: true }];
}

const BUILD_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** A build step after `user` in its stage would run as the new user too (and may need root). */
function buildStepAfter(stage: Stage, user: Instruction): boolean {
  const line = user.getRange().start.line;
  return stage.instructions.some((i) => i.getRange().start.line > line && BUILD_STEPS.has(i.getKeyword()));
}

/** `USER <uid>` before the final CMD/ENTRYPOINT that follows the last build step, else at the end of the file. */
function insertUser(model: DockerfileModel, final: Stage, uid: string): Fix['edits'][number] {
  const instructions = final.instructions;
  let lastBuild = -1;
  instructions.forEach((instruction, index) => {
    if (BUILD_STEPS.has(instruction.getKeyword()) || instruction.getKeyword() === 'USER') lastBuild = index;
  });
  const target = instructions.slice(lastBuild + 1).find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
  return target ? insertLineBefore(model, target, `USER ${uid}`) : appendLine(model, `USER ${uid}`);
}

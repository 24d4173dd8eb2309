import { defineRule } from '../rule';
import type { Node, YAMLMap } from 'yaml';
import type { Range } from '../types';
import type { YamlView } from '../yaml/view';
import { describeContainer, effectiveSecurityField, isWindowsPod, type ContainerRef, type PodSpecRef } from '../kubernetes/model';
import { podMetadata } from '../kubernetes/pod-template';
import { serviceItems } from '../compose/model';
import { reportOnce } from '../yaml/report-once';
import { capitalize } from '../text/sentence';
import { isPodSpecFragment } from '../kubernetes/fragments';
import type { Fix } from '../types';
import { editorFor, oneFix, setContainerSecurity, setPodSecurity } from '../kubernetes/fixes';
import type { KubernetesDocument } from '../kubernetes/document';

/**
 * Adding RuntimeDefault is safe for fix-all: it is the profile Docker and containerd apply to
 * every container they start outside Kubernetes. Replacing an explicit `Unconfined` or removing a
 * Compose `seccomp:unconfined` is offered one by one: someone chose it, maybe for a reason.
 */
const RUNTIME_DEFAULT = 'Set seccompProfile type RuntimeDefault';

/** SELinux types that switch SELinux confinement off for the container. */
const UNCONFINED_SELINUX_TYPES = new Set(['spc_t', 'unconfined_t']);

/**
 * Compose `security_opt` items that switch a profile off. `label:seccomp:unconfined` is not an
 * option Docker accepts (label: takes SELinux options), so it is not matched.
 */
function unconfinedOption(option: string): string | undefined {
  const m = /^\s*(seccomp|apparmor|label)\s*[:=]\s*(.*?)\s*$/i.exec(option);
  if (!m) return undefined;
  const kind = m[1].toLowerCase();
  const value = m[2].replace(/^["']|["']$/g, '');
  if (kind === 'seccomp' && value.toLowerCase() === 'unconfined') return 'seccomp is switched off (seccomp:unconfined): every system call reaches the kernel';
  if (kind === 'apparmor' && value.toLowerCase() === 'unconfined') return 'AppArmor is switched off (apparmor:unconfined)';
  if (kind === 'label' && value.toLowerCase() === 'disable') return 'SELinux labelling is switched off (label:disable)';
  if (kind === 'label') {
    const type = /^type\s*[:=]\s*(\S+)$/i.exec(value)?.[1];
    if (type && UNCONFINED_SELINUX_TYPES.has(type)) return `the container runs with the unconfined SELinux type ${type}`;
  }
  return undefined;
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

interface Reporter {
  report(range: Range, message: string, fixes?: Fix[]): void;
}

/** Profiles explicitly switched off: seccompProfile/appArmorProfile `Unconfined`, SELinux unconfined types, annotations. */
function checkExplicit(model: KubernetesDocument, pod: PodSpecRef, metadata: YAMLMap | undefined, out: Reporter): void {
  const { view } = model;
  const contexts: Array<{ context: YAMLMap | undefined; who: string }> = [{ context: view.map(view.get(pod.spec, 'securityContext')), who: 'The pod' }];
  for (const c of pod.containers) contexts.push({ context: view.map(view.get(c.node, 'securityContext')), who: capitalize(describeContainer(c)) });
  for (const { context, who } of contexts) {
    const seccomp = view.get(view.map(view.get(context, 'seccompProfile')), 'type');
    if (view.string(seccomp) === 'Unconfined') out.report(view.range(seccomp)!, `${who} sets seccompProfile type Unconfined: every system call reaches the host kernel.`, oneFix(RUNTIME_DEFAULT, editorFor(model).replace(seccomp, 'RuntimeDefault'), false));
    const apparmor = view.get(view.map(view.get(context, 'appArmorProfile')), 'type');
    if (view.string(apparmor) === 'Unconfined') out.report(view.range(apparmor)!, `${who} sets appArmorProfile type Unconfined: AppArmor does not confine it.`);
    const selinux = view.get(view.map(view.get(context, 'seLinuxOptions')), 'type');
    const type = view.string(selinux);
    if (type && UNCONFINED_SELINUX_TYPES.has(type)) out.report(view.range(selinux)!, `${who} runs with the unconfined SELinux type ${type}: SELinux does not confine it.`);
  }
  for (const pair of view.entries(view.map(view.get(metadata, 'annotations')))) {
    const key = view.string(pair.key) ?? '';
    const value = view.string(pair.value)?.trim().toLowerCase();
    if (value !== 'unconfined') continue;
    const range = view.range(pair.value)!;
    if (key === SECCOMP_POD_ANNOTATION || key.startsWith(SECCOMP_CONTAINER_ANNOTATION)) {
      out.report(range, `The annotation ${key} switches seccomp off: every system call reaches the host kernel.`);
    } else if (key.startsWith(APPARMOR_CONTAINER_ANNOTATION)) {
      out.report(range, `The annotation ${key} switches AppArmor off for container "${key.slice(APPARMOR_CONTAINER_ANNOTATION.length)}".`);
    }
  }
}

function seccompType(view: YamlView, pod: PodSpecRef, container: ContainerRef): { type?: string; node?: Node } {
  const profile = effectiveSecurityField(view, pod, container, 'seccompProfile');
  if (!profile) return {};
  const node = view.get(view.map(profile.node), 'type');
  return { type: view.string(node), node };
}

export default defineRule({
  id: 'security-profile',
  title: 'Seccomp, AppArmor or SELinux confinement off',
  description:
    'Seccomp, AppArmor and SELinux profiles limit what a compromised container can ask of the kernel; running unconfined removes a layer that blocks many container escapes.',
  severity: 'warning',
  kinds: ['compose', 'kubernetes'],
  peerIds: {
    checkov: ['CKV_K8S_31', 'CKV_K8S_32'],
    kics: ['default_seccomp_profile_disabled', 'seccomp_profile_is_not_configured'],
    trivy: ['KSV002', 'KSV025', 'KSV104'],
  },
  howToFix:
    'Kubernetes: set `securityContext.seccompProfile: {type: RuntimeDefault}` in the pod spec (or `Localhost` with your own profile) and remove `Unconfined` profiles and unconfined SELinux types. Compose: remove `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` from `security_opt`.',
  fixable: true,
  check: {
    kubernetes({ model, report }) {
      const { view } = model;
      for (const object of model.objects) {
        for (const pod of object.podSpecs) {
          const seen = new Set<string>();
          const out: Reporter = {
            report(range, message, fixes) {
              const key = `${range.start.line}:${range.start.character}`;
              if (seen.has(key)) return; // an anchor shared by several containers is reported once
              seen.add(key);
              report({ range, message, fixes });
            },
          };
          checkExplicit(model, pod, podMetadata(view, object, pod), out);
          // Windows pods have no seccomp; a patch fragment's missing profile comes from its base.
          if (isWindowsPod(view, pod) || isPodSpecFragment(view, pod)) continue;
          const lacking = pod.containers.filter((c) => {
            const { type } = seccompType(view, pod, c);
            return type !== 'RuntimeDefault' && type !== 'Localhost' && type !== 'Unconfined';
          });
          if (lacking.length === 0) continue;
          const podProfile = view.get(view.map(view.get(pod.spec, 'securityContext')), 'seccompProfile');
          const noneSetsIt = podProfile === undefined && pod.containers.every((c) => view.path(c.node, 'securityContext', 'seccompProfile') === undefined);
          if (noneSetsIt) {
            report({
              range: pod.anchorRange,
              message: `Neither the pod nor its containers set a seccompProfile, so the containers may run without seccomp (Unconfined is the kubelet default); set securityContext.seccompProfile.type: RuntimeDefault in the pod spec.`,
              fixes: oneFix(RUNTIME_DEFAULT, setPodSecurity(model, pod, [['seccompProfile', [['type', 'RuntimeDefault']]]]), true),
            });
            continue;
          }
          for (const c of lacking) {
            const fixes = oneFix(RUNTIME_DEFAULT, setContainerSecurity(model, c, [['seccompProfile', [['type', 'RuntimeDefault']]]]), true);
            report({ range: c.anchorRange, message: `${capitalize(describeContainer(c))} gets no seccompProfile of type RuntimeDefault or Localhost from its own or the pod's securityContext.`, fixes });
          }
        }
      }
    },
    compose({ model, report: reportAll }) {
      const { view } = model;
      // Compose merges security_opt across `extends`; an option written once is reported once.
      const report = reportOnce(reportAll);
      for (const service of model.services) {
        for (const item of serviceItems(view, service, 'security_opt')) {
          const reason = unconfinedOption(view.string(item) ?? '');
          if (!reason) continue;
          const editor = editorFor(model);
          const owner = [service, ...service.bases].find((s) => view.seq(editor.ownPair(s.node, 'security_opt')?.value)?.items.includes(item));
          const pair = owner && editor.ownPair(owner.node, 'security_opt');
          const seq = view.seq(pair?.value);
          const edit = owner && pair && seq ? (seq.items.length > 1 ? editor.removeItem(seq, item) : editor.removePair(owner.node, pair)) : undefined;
          report({ range: view.range(item)!, message: `Service "${service.name}": ${reason}.`, fixes: oneFix(`Remove ${(view.string(item) ?? '').trim()} from security_opt`, edit, false) });
        }
      }
    },
  },
});

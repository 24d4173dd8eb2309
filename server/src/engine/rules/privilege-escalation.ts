import { defineRule } from '../rule';
import { interpolatedText, serviceItems } from '../compose/model';
import { containersOf, describeContainer, isWindowsPod } from '../kubernetes/model';
import { reportOnce } from '../yaml/report-once';
import { editorFor, oneFix, setContainerSecurity } from '../kubernetes/fixes';
import { SERVICE_HEAD } from '../yaml/edits';

/**
 * Safe for fix-all: no_new_privs only stops setuid binaries and file capabilities from raising
 * privileges, which a container process should never need (Pod Security Standards "restricted").
 */
const K8S_TITLE = 'Set allowPrivilegeEscalation: false';
const COMPOSE_TITLE = 'Add security_opt no-new-privileges:true';

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=true` (Docker's spellings). */
export function noNewPrivileges(option: string): boolean | undefined {
  const m = /^no-new-privileges(?:[:=](.*))?$/i.exec(option.trim());
  if (!m) return undefined;
  const value = (m[1] ?? 'true').trim().toLowerCase();
  return value === 'true' || value === '1' || value === 'yes';
}

export default defineRule({
  id: 'privilege-escalation',
  title: 'Privilege escalation allowed',
  description: 'Without no_new_privs, a setuid binary or a file capability inside the container can give a process more privileges than the container was started with.',
  severity: 'warning',
  kinds: ['compose', 'kubernetes'],
  peerIds: { checkov: ['CKV_K8S_20'], kics: ['no_new_privileges_not_set', 'privilege_escalation_allowed'], trivy: ['KSV001'], kubeLinter: ['privilege-escalation-container'], polaris: ['privilegeEscalationAllowed'] },
  howToFix: 'Kubernetes: set `securityContext.allowPrivilegeEscalation: false` on every container. Compose: add `security_opt: ["no-new-privileges:true"]` to the service.',
  fixable: true,
  check: {
    compose({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const service of model.services) {
        let set = false;
        for (const item of serviceItems(view, service, 'security_opt')) {
          const text = view.string(item);
          const option = text === undefined ? undefined : interpolatedText(text);
          const verdict = option === undefined ? undefined : noNewPrivileges(option);
          if (verdict === undefined) continue;
          set = true;
          const range = verdict ? undefined : view.range(item);
          const editor = editorFor(model);
          const fixes = oneFix('Set no-new-privileges:true', editor.replace(item, editor.quoteLike(item, 'no-new-privileges:true')), true);
          if (range) once({ range, message: `Service "${service.name}" turns no-new-privileges off: setuid binaries in the container can gain privileges.`, fixes });
        }
        // A base service in another file may set it; it is not read.
        if (!set && !service.extendsOtherFile) {
          const editor = editorFor(model);
          const own = editor.ownPair(service.node, 'security_opt');
          const seq = view.seq(own?.value);
          const edits = own ? (seq ? editor.appendItem(seq, 'no-new-privileges:true') : undefined) : editor.set(service.node, [], [['security_opt', { seq: ['no-new-privileges:true'] }]], { after: SERVICE_HEAD });
          once({ range: service.anchorRange, message: `Service "${service.name}" has no "no-new-privileges:true" in security_opt: a setuid binary or file capability in the container can gain privileges.`, fixes: oneFix(COMPOSE_TITLE, edits, true) });
        }
      }
    },
    kubernetes({ model, report }) {
      const { view } = model;
      const once = reportOnce(report);
      for (const { pod, container } of containersOf(model.objects)) {
        if (isWindowsPod(view, pod)) continue;
        const node = view.path(container.node, 'securityContext', 'allowPrivilegeEscalation');
        const value = view.bool(node);
        if (value === false) continue;
        const range = value === true ? view.range(node) : container.anchorRange;
        if (!range) continue;
        const what = describeContainer(container);
        const edits = value === true ? editorFor(model).replace(node, 'false') : setContainerSecurity(model, container, [['allowPrivilegeEscalation', 'false']]);
        once({
          range,
          fixes: oneFix(K8S_TITLE, edits, true),
          message:
            value === true
              ? `The ${what} sets allowPrivilegeEscalation: true: a setuid binary or file capability can give its processes more privileges than it started with.`
              : `The ${what} does not set securityContext.allowPrivilegeEscalation: false: a setuid binary or file capability can give its processes more privileges than it started with.`,
        });
      }
    },
  },
});

import type { FileKind, Rule } from '../../../server/src/engine';

/**
 * A fixture rule catalogue for the Compose and Kubernetes suppression tables, so they test the
 * layer's mapping on known metadata whatever stage the real Compose/Kubernetes rules are at.
 * Ids and peer ids are those of rules.md.
 */
function rule(id: string, kinds: FileKind[], peerIds: Rule['peerIds']): Rule {
  const noop = () => undefined;
  return { id, title: id, description: id, severity: 'warning', kinds, peerIds, howToFix: '', fixable: false, check: Object.fromEntries(kinds.map((k) => [k, noop])) };
}

export const CATALOGUE: readonly Rule[] = [
  rule('root-user', ['dockerfile', 'compose', 'kubernetes'], { hadolint: ['DL3002'], checkov: ['CKV_DOCKER_3'], trivy: ['DS002', 'KSV012'], polaris: ['runAsRootAllowed'], kubeLinter: ['run-as-non-root'] }),
  rule('privileged', ['compose', 'kubernetes'], { checkov: ['CKV_K8S_16'], trivy: ['KSV017'], kubeLinter: ['privileged-container'], polaris: ['privilegeEscalationAllowed'], kics: ['privileged_containers_enabled'] }),
  rule('privilege-escalation', ['compose', 'kubernetes'], { checkov: ['CKV_K8S_20'], trivy: ['KSV001'], kubeLinter: ['privilege-escalation-container'] }),
  rule('missing-limits', ['compose', 'kubernetes'], { checkov: ['CKV_K8S_11'], kics: ['memory_limits_not_defined'], trivy: ['KSV011'] }),
  rule('host-port', ['kubernetes'], { kubeLinter: ['host-port'], polaris: ['hostPortSet'] }),
  rule('embedded-secret', ['dockerfile', 'compose', 'kubernetes'], { kubeLinter: ['env-var-secret'] }),
  rule('sudo', ['dockerfile'], { hadolint: ['DL3004'] }),
  rule('unused-suppression', ['dockerfile', 'compose', 'kubernetes'], {}),
];

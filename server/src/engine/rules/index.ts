import type { Rule } from '../rule';
import rootUser from './root-user';
import sshServer from './ssh-server';
import unpinnedImage from './unpinned-image';
import untrustedRegistry from './untrusted-registry';
import sudo from './sudo';
import setuidBits from './setuid-bits';
import debugTools from './debug-tools';
import packageHygiene from './package-hygiene';
import curlPipeShell from './curl-pipe-shell';
import insecureTransport from './insecure-transport';
import addRemoteUrl from './add-remote-url';
import addInsteadOfCopy from './add-instead-of-copy';
import embeddedSecret from './embedded-secret';
import secretInManifest from './secret-in-manifest';
import secretFileCopied from './secret-file-copied';
import privileged from './privileged';
import privilegeEscalation from './privilege-escalation';
import capabilities from './capabilities';
import hostNamespaces from './host-namespaces';
import eolImage from './eol-image';
import dockerignore from './dockerignore';
import missingNetworkPolicy from './missing-network-policy';
import missingLimits from './missing-limits';
import hostPathMount from './host-path-mount';
import hostPort from './host-port';
import writableRootFilesystem from './writable-root-filesystem';
import securityProfile from './security-profile';
import serviceAccountToken from './service-account-token';
import rbacWildcard from './rbac-wildcard';
import clusterAdminBinding from './cluster-admin-binding';
import unusedSuppression from './unused-suppression';

/** Every rule Bulkhead runs. Adding a rule = one module + one line here. */
export const RULES: readonly Rule[] = [
  rootUser,
  unpinnedImage,
  untrustedRegistry,
  sshServer,
  sudo,
  setuidBits,
  debugTools,
  packageHygiene,
  curlPipeShell,
  insecureTransport,
  addRemoteUrl,
  addInsteadOfCopy,
  embeddedSecret,
  secretInManifest,
  secretFileCopied,
  privileged,
  privilegeEscalation,
  capabilities,
  hostNamespaces,
  eolImage,
  dockerignore,
  missingNetworkPolicy,
  missingLimits,
  hostPathMount,
  hostPort,
  writableRootFilesystem,
  securityProfile,
  serviceAccountToken,
  rbacWildcard,
  clusterAdminBinding,
  unusedSuppression,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

import type { Rule } from '../rule';
import rootUser from './root-user';
import sshServer from './ssh-server';
import unpinnedImage from './unpinned-image';
import untrustedRegistry from './untrusted-registry';
import embeddedSecret from './embedded-secret';
import secretInManifest from './secret-in-manifest';
import secretFileCopied from './secret-file-copied';

/** Every rule Bulkhead runs. Adding a rule = one module + one line here. */
export const RULES: readonly Rule[] = [rootUser, unpinnedImage, untrustedRegistry, sshServer, embeddedSecret, secretInManifest, secretFileCopied];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

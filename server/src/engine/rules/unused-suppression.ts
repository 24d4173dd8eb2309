import { defineRule } from '../rule';

/**
 * Reported by the suppression layer (engine/suppression), not by a check: a Bulkhead suppression
 * comment or `bulkhead.dev/ignore` annotation that names an unknown rule or silences nothing.
 * Peers' suppressions (hadolint, Checkov, …) are never reported: they may be there for the peer.
 */
export default defineRule({
  id: 'unused-suppression',
  title: 'Suppression that silences nothing',
  description: 'A suppression that names an unknown rule or matches no finding hides nothing today, but would silently hide the next real problem written on that line.',
  severity: 'info',
  kinds: ['dockerfile', 'compose', 'kubernetes'],
  peerIds: {},
  howToFix: 'Remove the suppression, or correct the rule id it names (see the rule list in the documentation).',
  fixable: false,
  check: {},
  layer: 'suppression',
});

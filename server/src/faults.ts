/**
 * Fault injection for tests: proves that one failing rule loses only its own findings and that
 * the server keeps serving. Inert unless a test sets the variable; nothing else reads it.
 *
 *   BULKHEAD_TEST_FAULTY_RULE=<rule id>[,<rule id>…]   those rules throw on every document
 */
const FAULTY_RULES = new Set((process.env.BULKHEAD_TEST_FAULTY_RULE ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));

export class InjectedFault extends Error {}

export function injectedRuleFault(ruleId: string): void {
  if (FAULTY_RULES.size > 0 && FAULTY_RULES.has(ruleId)) throw new InjectedFault(`injected fault in rule ${ruleId} (BULKHEAD_TEST_FAULTY_RULE)`);
}

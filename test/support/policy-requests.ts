// Policy verdicts for the rulebook's tests: a purchase with sensible defaults that each case
// overrides, evaluated with the law alone or with a retailer's document. Every verdict is
// checked to name only rules of the catalogue.
import { builtInDocument } from '../../src/modules/policies/default-document.ts';
import { evaluatePolicy, type PolicyRequest, type PolicyVerdict } from '../../src/modules/policies/evaluate.ts';
import { LegalCalendar } from '../../src/modules/policies/law/calendar.ts';
import { policyDocumentSchema, type PolicyDocumentInput } from '../../src/modules/policies/policies.contract.ts';
import { compilePolicy, type CompiledPolicy } from '../../src/modules/policies/policy-compile.ts';
import { ruleIds } from '../../src/modules/policies/rule-catalogue.ts';

export const calendar = new LegalCalendar();
export const lawOnly = compilePolicy(0, builtInDocument);

/** A retailer's document: the built-in one with these parts replaced. */
export function policyWith(over: Partial<PolicyDocumentInput>, version = 7): CompiledPolicy {
  return compilePolicy(version, policyDocumentSchema.parse({ ...builtInDocument, ...over }));
}

export function purchase(over: Partial<PolicyRequest> = {}): PolicyRequest {
  return {
    country: 'FR',
    channel: 'online',
    condition: 'new',
    category: 'tv',
    purchasedAt: '2026-03-01',
    deliveredAt: '2026-03-10',
    requestedAt: '2026-03-12',
    request: 'defect',
    price: { amount: 39_900, currency: 'EUR' },
    ...over,
  };
}

export function ask(over: Partial<PolicyRequest> = {}, policy: CompiledPolicy = lawOnly): PolicyVerdict {
  const verdict = evaluatePolicy(policy, purchase(over), calendar);
  const unknown = verdict.rules.filter((r) => !ruleIds.has(r));
  if (unknown.length) throw new Error(`rules not in the catalogue: ${unknown.join(', ')}`);
  return verdict;
}

/** The verdict's dates and decision, for compact exact expectations. */
export function outline(v: PolicyVerdict) {
  const { explanation: _explanation, policyVersion: _version, ...rest } = v;
  return rest;
}

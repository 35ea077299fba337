// The values of a macro's {{variables}}, from the facts of a case and the agent using it.
// Pure: case-facts.ts reads the case once; this only chooses the words.
import type { Language } from '../../platform/i18n/i18n.ts';
import type { ClockDto } from '../sla/sla.contract.ts';
import type { MacroVariable } from './macros.contract.ts';

export interface MacroFacts {
  /** What every customer-facing template shares (case-facts.ts caseVariables). */
  caseValues: Readonly<Record<string, string>>;
  customerFirstName: string | null;
  clocks: readonly ClockDto[];
  agentName: string | null;
}

/**
 * The promise the case already carries, as the customer was told it: the resolution while
 * it runs (what an answer usually commits to), else the earliest running deadline.
 */
export function casePromise(clocks: readonly ClockDto[], language: Language): string {
  const active = clocks.filter((k) => k.state === 'active');
  const clock = active.find((k) => k.metric === 'resolution') ?? [...active].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline))[0];
  return clock ? clock.promise[language] : '';
}

export function macroValues(f: MacroFacts, language: Language): Record<MacroVariable, string> {
  const v = f.caseValues;
  return {
    'customer.firstName': f.customerFirstName?.trim() || '',
    'customer.name': v['customer.name'] ?? '',
    'case.number': v['case.number'] ?? '',
    'case.subject': v['case.subject'] ?? '',
    'case.product': v['case.product'] ?? '',
    'case.promise': casePromise(f.clocks, language),
    'agent.firstName': f.agentName?.trim().split(/\s+/)[0] ?? '',
    'store.name': v['store.name'] ?? '',
    'brand.name': v['brand.name'] ?? '',
    'tracking.url': v['tracking.url'] ?? '',
  };
}

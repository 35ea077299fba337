// What a case asks the rulebook, when nobody says: read from its contact reason, so the agent's
// console, the counter and the tracking page ask the same question and get the same verdict.
import type { PolicyRequestKind } from './law/verdict.ts';

/** The seeded reasons' keys (migrations/0002_timeline_rules.sql): a return is a withdrawal, a delivery a late one, anything else a defect. */
const byReason: Record<string, PolicyRequestKind> = { return: 'withdrawal', delivery: 'late_delivery' };

export function requestOfReason(reasonKey: string | null): PolicyRequestKind {
  return (reasonKey && byReason[reasonKey]) || 'defect';
}

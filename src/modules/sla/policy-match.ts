// Which SLA policy applies to a case, and on which calendar: pure functions over the
// policies and calendars the PolicyBook holds.
import type { CalendarSpec } from './calendar.ts';
import type { ClockMetric } from './sla.contract.ts';
import type { ClockTerms, PolicyConditions, PolicyTargets, Escalation } from './sla.schema.ts';
import type { TermsFor } from './clock-rules.ts';

export interface PolicyEntry {
  id: string;
  name: string;
  position: number;
  conditions: PolicyConditions;
  targets: PolicyTargets;
  calendarId: string | null;
  pausingStatuses: string[];
  warnBeforeMinutes: number;
  escalation: Escalation;
}

/** What policies look at. */
export interface CaseFacts {
  channel: string;
  priority: string;
  brandId: string;
  storeId: string | null;
  teamId: string | null;
  /** Contact reason key. */
  reason: string | null;
}

const holds = (list: string[] | undefined, value: string | null) => !list || list.length === 0 || (value !== null && list.includes(value));

export function matches(conditions: PolicyConditions, facts: CaseFacts): boolean {
  return (
    holds(conditions.channels, facts.channel) &&
    holds(conditions.priorities, facts.priority) &&
    holds(conditions.brandIds, facts.brandId) &&
    holds(conditions.storeIds, facts.storeId) &&
    holds(conditions.reasons, facts.reason)
  );
}

/** The first policy, in order, whose every condition holds. */
export function matchPolicy(policies: readonly PolicyEntry[], facts: CaseFacts): PolicyEntry | null {
  return policies.find((p) => matches(p.conditions, facts)) ?? null;
}

export interface CalendarLookup {
  calendars: ReadonlyMap<string, CalendarSpec>;
  defaultCalendarId: string | null;
  storeCalendar: ReadonlyMap<string, string>;
  teamCalendar: ReadonlyMap<string, string>;
}

/** The policy's calendar, else the store's, else the team's, else the default one. */
export function calendarFor(policy: PolicyEntry, facts: CaseFacts, lookup: CalendarLookup): CalendarSpec | null {
  const id =
    policy.calendarId ??
    (facts.storeId ? lookup.storeCalendar.get(facts.storeId) : undefined) ??
    (facts.teamId ? lookup.teamCalendar.get(facts.teamId) : undefined) ??
    lookup.defaultCalendarId;
  return id ? (lookup.calendars.get(id) ?? null) : null;
}

const targetKey: Record<ClockMetric, keyof PolicyTargets> = { first_reply: 'firstReply', next_reply: 'nextReply', resolution: 'resolution' };

/** The terms each new clock of this case takes, frozen from the matching policy. */
export function termsFor(policies: readonly PolicyEntry[], facts: CaseFacts, lookup: CalendarLookup): TermsFor {
  const policy = matchPolicy(policies, facts);
  const calendar = policy ? calendarFor(policy, facts, lookup) : null;
  return (metric) => {
    const target = policy?.targets[targetKey[metric]];
    if (!policy || !calendar || !target) return null;
    const terms: ClockTerms = {
      policyName: policy.name,
      target,
      calendar,
      pausingStatuses: policy.pausingStatuses,
      warnBeforeMinutes: policy.warnBeforeMinutes,
      escalation: policy.escalation,
    };
    return { policyId: policy.id, terms };
  };
}

// Who may grant what without asking: the authority limits of the actor's role (with the
// override of one of their stores, when the document has one), checked against one gesture.
// Pure: the spending so far is counted by the caller (spending.ts).
import { offsetAt } from '../sla/zone.ts';
import type { AuthorityLimits, AuthorityReason, GestureKind, GrantingRole, RoleLimit } from './gestures.contract.ts';

export interface AuthorityActor {
  role: string;
  /** The stores the user is limited to (null: none, i.e. all). */
  storeIds: readonly string[] | null;
}

export interface AuthorityRequest {
  kind: GestureKind;
  /** What the gesture costs, in minor units. */
  amount: number;
}

export type AuthorityVerdict = { within: true } | { within: false; reasons: AuthorityReason[] };

const isGrantingRole = (role: string): role is GrantingRole => ['agent', 'store_staff', 'community_manager', 'manager', 'admin'].includes(role);

/** A role that grants nothing on its own (a viewer): every kind needs an approval. */
const nothing: RoleLimit = { perCase: 0, perMonth: 0, kinds: {} };

/**
 * The limits that apply to the actor: their role's, with the fields of the first override in
 * the document for one of their stores and that role put in their place.
 */
export function effectiveLimit(limits: AuthorityLimits, actor: AuthorityActor): RoleLimit {
  if (!isGrantingRole(actor.role)) return nothing;
  const base = limits.roles[actor.role];
  const stores = actor.storeIds;
  const override = stores ? limits.storeOverrides.find((o) => o.role === actor.role && stores.includes(o.storeId)) : undefined;
  if (!override) return base;
  return {
    perCase: override.perCase !== undefined ? override.perCase : base.perCase,
    perMonth: override.perMonth !== undefined ? override.perMonth : base.perMonth,
    kinds: override.kinds ?? base.kinds,
  };
}

/** Whether granting this gesture stays within the actor's authority, and if not every reason why. */
export function checkAuthority(
  limits: AuthorityLimits,
  actor: AuthorityActor,
  request: AuthorityRequest,
  spentThisMonth: number,
  spentOnCase: number,
): AuthorityVerdict {
  const limit = effectiveLimit(limits, actor);
  const kind = limit.kinds[request.kind];
  const reasons: AuthorityReason[] = [];
  if (!kind) reasons.push('kind_not_allowed');
  else if (kind.max !== null && request.amount > kind.max) reasons.push('over_kind_limit');
  // An apology or a gesture of no cost never spends a budget, even an exhausted one.
  if (request.amount > 0) {
    if (limit.perCase !== null && spentOnCase + request.amount > limit.perCase) reasons.push('over_case_limit');
    if (limit.perMonth !== null && spentThisMonth + request.amount > limit.perMonth) reasons.push('over_month_limit');
  }
  return reasons.length === 0 ? { within: true } : { within: false, reasons };
}

export interface Latitude {
  perCaseLeft: number | null;
  perMonthLeft: number | null;
  kinds: { kind: GestureKind; allowed: boolean; upTo: number | null }[];
}

/** What the actor may still grant on this case without asking, per kind (null: no limit). */
export function latitudeOf(limits: AuthorityLimits, actor: AuthorityActor, spentThisMonth: number, spentOnCase: number, kinds: readonly GestureKind[]): Latitude {
  const limit = effectiveLimit(limits, actor);
  const left = (cap: number | null, spent: number) => (cap === null ? null : Math.max(0, cap - spent));
  const perCaseLeft = left(limit.perCase, spentOnCase);
  const perMonthLeft = left(limit.perMonth, spentThisMonth);
  const smallest = (...caps: (number | null)[]) => caps.reduce<number | null>((m, c) => (c === null ? m : m === null ? c : Math.min(m, c)), null);
  return {
    perCaseLeft,
    perMonthLeft,
    kinds: kinds.map((kind) => {
      const rule = limit.kinds[kind];
      return rule ? { kind, allowed: true, upTo: smallest(rule.max, perCaseLeft, perMonthLeft) } : { kind, allowed: false, upTo: 0 };
    }),
  };
}

/**
 * The calendar month an instant falls in, in a time zone: [start, end) as instants. A gesture
 * granted at 23:30 on 31 January in Paris counts in January, whatever UTC says.
 */
export function monthWindow(timeZone: string, at: Date): { start: Date; end: Date } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return { start: new Date(midnightOfFirst(timeZone, year, month)), end: new Date(midnightOfFirst(timeZone, month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1)) };
}

/** The instant of 00:00 on the 1st of the month, local time in the zone. */
function midnightOfFirst(timeZone: string, year: number, month: number): number {
  const guess = Date.UTC(year, month - 1, 1);
  // The zone's offset near that midnight; twice, since the first guess may sit across a change.
  let instant = guess - offsetAt(timeZone, guess);
  instant = guess - offsetAt(timeZone, instant);
  return instant;
}

// An SLA policy as its form holds it, and the body the API takes: targets are a unit and an
// amount per metric (no unit: no target for that metric), conditions are lists where an empty
// one means "any". Also the order of policies: moving one rewrites positions 10, 20, 30… so
// the first that matches is the one the admin sees first. Pure functions.
import type { TFunction } from 'i18next';
import type { SlaPolicy } from '../admin.api.ts';

export const targetUnits = ['businessHours', 'businessDays', 'calendarHours'] as const;
export type TargetUnit = (typeof targetUnits)[number];
export const targetMetrics = ['firstReply', 'nextReply', 'resolution'] as const;
export type TargetMetric = (typeof targetMetrics)[number];
export const pausable = ['new', 'open', 'waiting_customer', 'waiting_third_party'] as const;
type Pausable = (typeof pausable)[number];
type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface PolicyValues {
  name: string;
  active: boolean;
  channels: string[];
  priorities: Priority[];
  brandIds: string[];
  storeIds: string[];
  reasons: string[];
  targets: Record<TargetMetric, { unit: TargetUnit | ''; amount: number | string }>;
  calendarId: string;
  pausingStatuses: Pausable[];
  warnBeforeMinutes: number | string;
  notifyLead: boolean;
  raisePriority: boolean;
  moveToTeamId: string;
}

const list = (p: SlaPolicy | null, key: string) => (p?.conditions[key] ?? []) as string[];

export function policyValues(p: SlaPolicy | null): PolicyValues {
  const target = (metric: TargetMetric): PolicyValues['targets'][TargetMetric] => {
    const t = p?.targets[metric];
    const unit: TargetUnit | '' = t ? (targetUnits.find((u) => u in t) ?? '') : '';
    return { unit, amount: unit && t ? (t[unit] ?? '') : '' };
  };
  return {
    name: p?.name ?? '',
    active: p?.active ?? true,
    channels: list(p, 'channels'),
    priorities: list(p, 'priorities') as Priority[],
    brandIds: list(p, 'brandIds'),
    storeIds: list(p, 'storeIds'),
    reasons: list(p, 'reasons'),
    targets: { firstReply: target('firstReply'), nextReply: target('nextReply'), resolution: target('resolution') },
    calendarId: p?.calendarId ?? '',
    pausingStatuses: (p?.pausingStatuses ?? ['waiting_customer']) as Pausable[],
    warnBeforeMinutes: p?.warnBeforeMinutes ?? 30,
    notifyLead: p?.escalation.notifyLead ?? true,
    raisePriority: p?.escalation.raisePriority ?? false,
    moveToTeamId: p?.escalation.moveToTeamId ?? '',
  };
}

export function policyBody(v: PolicyValues) {
  const conditions = Object.fromEntries(
    (['channels', 'priorities', 'brandIds', 'storeIds', 'reasons'] as const).filter((k) => v[k].length > 0).map((k) => [k, v[k]]),
  );
  const targets = Object.fromEntries(
    targetMetrics.filter((m) => v.targets[m].unit).map((m) => [m, { [v.targets[m].unit]: v.targets[m].amount === '' ? undefined : Number(v.targets[m].amount) }]),
  );
  return {
    name: v.name,
    active: v.active,
    conditions,
    targets,
    calendarId: v.calendarId || null,
    pausingStatuses: v.pausingStatuses,
    warnBeforeMinutes: v.warnBeforeMinutes === '' ? undefined : Number(v.warnBeforeMinutes),
    escalation: { notifyLead: v.notifyLead, raisePriority: v.raisePriority, moveToTeamId: v.moveToTeamId || null },
  };
}

/** "2 jours ouvrés", "4 h ouvrées", "48 h". */
export function targetText(target: Record<string, number> | undefined, t: TFunction): string | null {
  if (!target) return null;
  const unit = targetUnits.find((u) => u in target);
  return unit ? t(`admin.sla.amount.${unit}`, { count: target[unit] }) : null;
}

/**
 * The positions after moving the policy at `from` to `to` in the ordered list: only those that
 * change, as [id, position].
 */
export function reordered(policies: readonly Pick<SlaPolicy, 'id' | 'position'>[], from: number, to: number): [string, number][] {
  const order = [...policies];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);
  return order.map((p, i): [string, number] => [p.id, (i + 1) * 10]).filter(([id, position]) => policies.find((p) => p.id === id)?.position !== position);
}

// The case list's filters as SQL conditions. One function serves the inbox list
// (cases.query.ts) and the counts of views (views/views.counts.ts), so a view counts exactly
// the cases it lists. Every condition reads the case row only (or a small lookup list), so
// the counts can be taken from one covering index of open cases.
import { eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/access.policy.ts';
import { teamMember } from '../org/org.schema.ts';
import { openStatuses, slaDueSoonMs, type CaseStatus, type Channel, type Priority, type SlaState } from './cases.contract.ts';
import { caseStep, contactReason, savCase } from './cases.schema.ts';
import { parseRelativePeriod } from './relative-periods.contract.ts';
import { periodBounds } from './relative-periods.ts';

/** The filters, as parsed from the query string or read from a saved view. */
export interface CaseFilter {
  status?: readonly (CaseStatus | 'open_all')[] | undefined;
  /** A team id, `none`, or `mine` (the teams the viewer belongs to). */
  teamId?: string | undefined;
  /** A user id, `me` or `none`. */
  assigneeId?: string | undefined;
  /** Store ids, `none` for cases without a store. */
  storeId?: readonly string[] | undefined;
  brandId?: readonly string[] | undefined;
  channel?: readonly Channel[] | undefined;
  priority?: readonly Priority[] | undefined;
  reason?: readonly string[] | undefined;
  step?: readonly string[] | undefined;
  /** Every one of these tags. */
  tag?: readonly string[] | undefined;
  /** Any of these SLA states. */
  sla?: readonly SlaState[] | undefined;
  language?: 'fr' | 'en' | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  activityFrom?: string | undefined;
  activityTo?: string | undefined;
  /** Relative periods (`last_7_days`), resolved at `viewer.now` in `viewer.timeZone`. */
  createdPeriod?: string | undefined;
  activityPeriod?: string | undefined;
}

/** Whose list it is and when: `me`, `mine`, the SLA states and the relative periods depend on them. */
export interface FilterViewer {
  userId: string | null;
  now: Date;
  /** Where a relative period's days begin and end. */
  timeZone: string;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';
const open = new Set<string>(openStatuses);

/** Open cases, the statuses written out (not parameters): the planner matches it to the partial indexes of open cases. */
export const openCaseSql = sql`${savCase.status} IN (${sql.raw(openStatuses.map((s) => `'${s}'`).join(', '))})`;

/** The statuses a filter asks for, `open_all` spelled out; undefined when any status goes. */
export function statusesOf(f: CaseFilter): CaseStatus[] | undefined {
  if (!f.status?.length) return undefined;
  return [...new Set(f.status.flatMap((s) => (s === 'open_all' ? [...openStatuses] : [s])))];
}

/** Whether only open cases can match (then the open-cases index holds all of them). */
export function onlyOpen(f: CaseFilter): boolean {
  const statuses = statusesOf(f);
  return !!statuses && statuses.every((s) => open.has(s));
}

/** The cases a reader fully works: their brands and stores (the inbox never shows others). */
export function scopeConditions(scope: Scope): SQL[] {
  const where: SQL[] = [isNull(savCase.mergedIntoId)];
  if (scope.brandIds) where.push(inArray(savCase.brandId, [...scope.brandIds]));
  if (scope.storeIds) where.push(inArray(savCase.storeId, [...scope.storeIds]));
  return where;
}

const at = (iso: string | Date) => sql`${typeof iso === 'string' ? iso : iso.toISOString()}::timestamptz`;

/**
 * One SLA state. Breached: a clock still unmet was breached (sla_breached_at), or the
 * nearest running deadline has passed and the minute sweep has not recorded it yet.
 */
export function slaStateCondition(state: SlaState, now: Date): SQL {
  const soon = new Date(now.getTime() + slaDueSoonMs);
  const due = savCase.slaDueAt;
  const notBreached = isNull(savCase.slaBreachedAt);
  switch (state) {
    case 'breached':
      return sql`(${savCase.slaBreachedAt} IS NOT NULL OR ${due} <= ${at(now)})`;
    case 'due_soon':
      return sql`(${notBreached} AND ${due} > ${at(now)} AND ${due} <= ${at(soon)})`;
    case 'on_time':
      return sql`(${notBreached} AND ${due} > ${at(soon)})`;
    case 'none':
      return sql`(${notBreached} AND ${due} IS NULL)`;
  }
}

function lookupIds(table: typeof contactReason | typeof caseStep, keys: readonly string[]): SQL {
  return sql`(SELECT id FROM ${table} WHERE ${inArray(table.key, [...keys])})`;
}

export function filterConditions(f: CaseFilter, viewer: FilterViewer): SQL[] {
  const where: SQL[] = [];
  const statuses = statusesOf(f);
  if (statuses) where.push(inArray(savCase.status, statuses));
  if (f.teamId === 'none') where.push(isNull(savCase.teamId));
  else if (f.teamId === 'mine') {
    where.push(sql`${savCase.teamId} IN (SELECT ${teamMember.teamId} FROM ${teamMember} WHERE ${teamMember.userId} = ${viewer.userId ?? NOBODY})`);
  } else if (f.teamId) where.push(eq(savCase.teamId, f.teamId));
  if (f.assigneeId === 'none') where.push(isNull(savCase.assigneeId));
  else if (f.assigneeId) where.push(eq(savCase.assigneeId, f.assigneeId === 'me' ? (viewer.userId ?? NOBODY) : f.assigneeId));
  if (f.storeId?.length) {
    const ids = f.storeId.filter((s) => s !== 'none');
    const parts = [...(ids.length ? [inArray(savCase.storeId, ids)] : []), ...(f.storeId.includes('none') ? [isNull(savCase.storeId)] : [])];
    where.push(parts.length === 1 ? parts[0]! : or(...parts)!);
  }
  if (f.brandId?.length) where.push(inArray(savCase.brandId, [...f.brandId]));
  if (f.channel?.length) where.push(inArray(savCase.channel, [...f.channel]));
  if (f.priority?.length) where.push(inArray(savCase.priority, [...f.priority]));
  if (f.reason?.length) where.push(sql`${savCase.reasonId} IN ${lookupIds(contactReason, f.reason)}`);
  if (f.step?.length) where.push(sql`${savCase.stepId} IN ${lookupIds(caseStep, f.step)}`);
  if (f.tag?.length) where.push(sql`${savCase.tags} @> ARRAY[${sql.join([...new Set(f.tag.map((t) => t.toLowerCase()))].map((t) => sql`${t}`), sql`, `)}]::text[]`);
  if (f.sla?.length) {
    const states = [...new Set(f.sla)].map((s) => slaStateCondition(s, viewer.now));
    where.push(states.length === 1 ? states[0]! : sql`(${sql.join(states, sql` OR `)})`);
  }
  if (f.language) where.push(eq(savCase.language, f.language));
  if (f.createdFrom) where.push(sql`${savCase.createdAt} >= ${at(f.createdFrom)}`);
  if (f.createdTo) where.push(sql`${savCase.createdAt} < ${at(f.createdTo)}`);
  if (f.activityFrom) where.push(sql`${savCase.lastActivityAt} >= ${at(f.activityFrom)}`);
  if (f.activityTo) where.push(sql`${savCase.lastActivityAt} < ${at(f.activityTo)}`);
  where.push(...periodConditions(savCase.createdAt, f.createdPeriod, viewer), ...periodConditions(savCase.lastActivityAt, f.activityPeriod, viewer));
  return where;
}

/** A relative period on a column, as the instants it spans now (a period not understood is no filter: the contract refuses those). */
function periodConditions(column: AnyColumn, words: string | undefined, viewer: FilterViewer): SQL[] {
  const period = words ? parseRelativePeriod(words) : null;
  if (!period) return [];
  const { from, to } = periodBounds(period, viewer.now, viewer.timeZone);
  return [...(from ? [sql`${column} >= ${at(from)}`] : []), ...(to ? [sql`${column} < ${at(to)}`] : [])];
}

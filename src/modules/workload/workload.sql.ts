// The SQL the manager views stand on: the open cases a manager works (their brands and
// stores, the cases they have full access to), each classified by age and SLA state in the
// database, so that a million cases are counted where they lie, never carried to Node.
// The summary groups them; a reassignment selects a bucket of them with the same rules.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/access.policy.ts';
import { openStatuses, slaDueSoonMs } from '../cases/cases.contract.ts';
import type { AgeBucket, SlaState } from './workload.contract.ts';

const open = sql.raw(openStatuses.map((s) => `'${s}'`).join(', '));

/** What a manager sees of the cases: those of their brands and stores (full access). */
export function scopeCondition(scope: Scope): SQL {
  const parts: SQL[] = [sql`TRUE`];
  // Arrays as one parameter each: the statement text stays the same whatever the scope's size.
  if (scope.brandIds) parts.push(sql`c.brand_id = ANY(${`{${scope.brandIds.join(',')}}`}::uuid[])`);
  if (scope.storeIds) parts.push(sql`c.store_id = ANY(${`{${scope.storeIds.join(',')}}`}::uuid[])`);
  return sql.join(parts, sql` AND `);
}

/**
 * The open cases in scope with their age bucket and SLA state at `now`, as a subquery with
 * the columns id, number, team_id, assignee_id, status, created_at, age, sla.
 *
 * The SLA states are the inbox's (cases/case-filters.ts): breached when a deadline passed
 * unmet — recorded on the case row (`sla_breached_at`, kept by the clocks and the minute
 * sweep) or a running deadline already past that the sweep has not reached yet (`sla_due_at`
 * is the earliest running deadline) — and due soon within the same window. Every column is
 * in the covering index of open cases, so the count never reads the table.
 */
export function classifiedOpenCases(scope: Scope, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const daysAgo = (days: number) => sql`${at} - ${`${days} days`}::interval`;
  // Ages [0, 1 day), [1, 3 days), [3, 7 days), 7 days and more.
  return sql`(
    SELECT c.id, c.number, c.team_id, c.assignee_id, c.status, c.created_at,
      CASE WHEN c.created_at > ${daysAgo(1)} THEN 'under_1d'
           WHEN c.created_at > ${daysAgo(3)} THEN '1_3d'
           WHEN c.created_at > ${daysAgo(7)} THEN '3_7d'
           ELSE 'over_7d' END AS age,
      CASE WHEN c.sla_due_at <= ${at} OR c.sla_breached_at IS NOT NULL THEN 'breached'
           WHEN c.sla_due_at <= ${at} + ${`${slaDueSoonMs} milliseconds`}::interval THEN 'due_soon'
           WHEN c.sla_due_at IS NOT NULL THEN 'on_time'
           ELSE 'no_clock' END AS sla
    FROM sav_case c
    WHERE c.status IN (${open}) AND c.merged_into_id IS NULL AND ${scopeCondition(scope)}
    -- OFFSET 0 keeps this a subquery of its own: flattened into a query that tests age and sla
    -- in many places, PostgreSQL would copy the CASE into each of them.
    OFFSET 0
  )`;
}

export interface BucketFilter {
  assigneeId?: string | 'none' | undefined;
  teamId?: string | 'none' | undefined;
  status?: string | undefined;
  age?: AgeBucket | undefined;
  sla?: SlaState | undefined;
}

/** The conditions on a classified case (alias o) that put it in a bucket. */
export function bucketCondition(b: BucketFilter): SQL {
  const parts: SQL[] = [sql`TRUE`];
  if (b.assigneeId) parts.push(b.assigneeId === 'none' ? sql`o.assignee_id IS NULL` : sql`o.assignee_id = ${b.assigneeId}::uuid`);
  if (b.teamId) parts.push(b.teamId === 'none' ? sql`o.team_id IS NULL` : sql`o.team_id = ${b.teamId}::uuid`);
  if (b.status) parts.push(sql`o.status = ${b.status}`);
  if (b.age) parts.push(sql`o.age = ${b.age}`);
  if (b.sla) parts.push(sql`o.sla = ${b.sla}`);
  return sql.join(parts, sql` AND `);
}

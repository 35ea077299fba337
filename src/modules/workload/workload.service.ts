// The workload at a glance for managers: open cases per team and status, the backlog by age
// and SLA state, agents' load, and the deadlines missed today. One statement, one round trip:
// the open cases are read once from their covering index and classified, counted into cells,
// grouped three ways (GROUPING SETS); today's breaches come from their own index; everything
// comes back as one row. Measured at 1,000,000 cases: see docs/console/counter-and-manager.md.
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { openStatuses } from '../cases/cases.contract.ts';
import { ageBuckets, slaStates, type AgeBucket, type SlaState, type WorkloadDto } from './workload.contract.ts';
import { classifiedOpenCases, scopeCondition } from './workload.sql.ts';

const BREACHES_LISTED = 20;

type CellKey = 'breached' | 'due_soon' | `${AgeBucket}:${SlaState}`;

/** What each cell counts besides its cases: breached, due soon, and each age × SLA state. */
const cellCounts: { name: CellKey; where: SQL }[] = [
  { name: 'breached', where: sql`o.sla = 'breached'` },
  { name: 'due_soon', where: sql`o.sla = 'due_soon'` },
  ...ageBuckets.flatMap((age) => slaStates.map((sla) => ({ name: `${age}:${sla}` as const, where: sql`o.age = ${age} AND o.sla = ${sla}` }))),
];

/** GROUPING(team_id, status, assignee_id): a bit set for each column summed away. */
const BY_TEAM_STATUS = 0b001;
const BY_ASSIGNEE = 0b110;
const IN_ALL = 0b111;

type GroupRow = {
  set: number;
  team_id: string | null;
  status: (typeof openStatuses)[number] | null;
  assignee_id: string | null;
  name: string | null;
  /** Null only in the total of no case at all. */
  n: number | null;
  oldest: string | null;
} & Record<CellKey, number | null>;

interface BreachRow {
  case_id: string;
  number: string;
  subject: string;
  status: string;
  metric: WorkloadDto['breachesToday']['items'][number]['metric'];
  breached_at: string;
  team_id: string | null;
  assignee_id: string | null;
}

interface WorkloadRow {
  day_starts_at: string | Date;
  groups: GroupRow[] | string;
  breach_count: number;
  breaches: BreachRow[] | string;
}

const iso = (v: string | Date) => new Date(v).toISOString();
/** json columns come parsed from one driver and as text from the other. */
const json = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function readWorkload(ctx: Ctx, actor: Actor): Promise<WorkloadDto> {
  requirePermission(actor, 'workload.manage');
  const now = ctx.clock.now();
  const at = sql`${now.toISOString()}::timestamptz`;
  const zone = ctx.config.defaults.timezone;
  // Midnight today in the configured zone, as an expression of constants: the planner folds
  // it and estimates today's breaches from the breached_at index (a CTE would hide the value).
  const dayStart = sql`(date_trunc('day', ${at} AT TIME ZONE ${zone}) AT TIME ZONE ${zone})`;
  const [row] = await queryRows<WorkloadRow>(
    ctx.db,
    // The open cases are read once and counted into (team, status, agent) cells by a hash
    // aggregate — a few thousand at most, each with its counts per age and SLA state — and the
    // cells are summed per team and status, per agent, and in all (GROUPING SETS).
    sql`WITH cell AS (
          SELECT o.team_id, o.status, o.assignee_id, count(*) AS n, min(o.created_at) AS oldest, ${sql.join(
            cellCounts.map((k) => sql`count(*) FILTER (WHERE ${k.where}) AS ${sql.identifier(k.name)}`),
            sql`, `,
          )}
          FROM ${classifiedOpenCases(actor.scope, now)} o
          GROUP BY o.team_id, o.status, o.assignee_id
        ), g AS (
          SELECT GROUPING(team_id, status, assignee_id) AS set, team_id, status, assignee_id,
            sum(n)::int AS n, min(oldest) AS oldest, ${sql.join(
              cellCounts.map((k) => sql`sum(${sql.identifier(k.name)})::int AS ${sql.identifier(k.name)}`),
              sql`, `,
            )}
          FROM cell
          GROUP BY GROUPING SETS ((team_id, status), (assignee_id), ())
        ), b AS (
          SELECT c.id AS case_id, c.number, c.subject, c.status, k.metric, k.breached_at, c.team_id, c.assignee_id
          FROM sla_clock k JOIN sav_case c ON c.id = k.case_id
          WHERE k.breached_at >= ${dayStart} AND k.breached_at <= ${at} AND c.merged_into_id IS NULL AND ${scopeCondition(actor.scope)}
        )
        SELECT ${dayStart} AS day_starts_at,
          (SELECT coalesce(json_agg(to_jsonb(g) || jsonb_build_object('name', u.name)), '[]'::json)
           FROM g LEFT JOIN app_user u ON u.id = g.assignee_id) AS groups,
          (SELECT count(*)::int FROM b) AS breach_count,
          (SELECT coalesce(json_agg(x ORDER BY x.breached_at DESC, x.case_id), '[]'::json)
           FROM (SELECT * FROM b ORDER BY breached_at DESC, case_id LIMIT ${BREACHES_LISTED}) x) AS breaches`,
  );
  return presentWorkload(now, row!);
}

function presentWorkload(now: Date, row: WorkloadRow): WorkloadDto {
  const groups = json(row.groups);
  const total = groups.find((g) => g.set === IN_ALL);
  const count = (g: GroupRow | undefined, key: CellKey | 'n') => g?.[key] ?? 0;
  const teams = new Map<string | null, WorkloadDto['teams'][number]>();
  for (const g of groups.filter((r) => r.set === BY_TEAM_STATUS)) {
    const team = teams.get(g.team_id) ?? { teamId: g.team_id, total: 0, byStatus: zeros(openStatuses), breached: 0, dueSoon: 0 };
    team.total += count(g, 'n');
    team.byStatus[g.status!] += count(g, 'n');
    team.breached += count(g, 'breached');
    team.dueSoon += count(g, 'due_soon');
    teams.set(g.team_id, team);
  }
  const backlog = ageBuckets.map((age) => {
    const bySla = Object.fromEntries(slaStates.map((sla) => [sla, count(total, `${age}:${sla}`)])) as Record<SlaState, number>;
    return { age, total: Object.values(bySla).reduce((a, b) => a + b, 0), bySla };
  });
  const byAssignee = groups.filter((r) => r.set === BY_ASSIGNEE);
  const agents = byAssignee
    .filter((g) => g.assignee_id !== null)
    .map((g) => ({ userId: g.assignee_id!, name: g.name ?? '', open: count(g, 'n'), oldestCreatedAt: iso(g.oldest!), breached: count(g, 'breached'), dueSoon: count(g, 'due_soon') }))
    .sort((a, b) => b.open - a.open || a.oldestCreatedAt.localeCompare(b.oldestCreatedAt) || a.name.localeCompare(b.name));
  return {
    at: now.toISOString(),
    dayStartsAt: iso(row.day_starts_at),
    totals: {
      open: count(total, 'n'),
      unassigned: count(byAssignee.find((g) => g.assignee_id === null), 'n'),
      breached: count(total, 'breached'),
      dueSoon: count(total, 'due_soon'),
    },
    teams: [...teams.values()].sort((a, b) => b.total - a.total || (a.teamId ?? '').localeCompare(b.teamId ?? '')),
    backlog,
    agents,
    breachesToday: {
      count: row.breach_count,
      items: json(row.breaches).map((b) => ({
        caseId: b.case_id,
        number: b.number,
        subject: b.subject,
        status: b.status,
        metric: b.metric,
        breachedAt: iso(b.breached_at),
        teamId: b.team_id,
        assigneeId: b.assignee_id,
      })),
    },
  };
}

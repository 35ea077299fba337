// The workload at a glance for managers: open cases per team and status, the backlog by age
// and SLA state, agents' load, and the deadlines missed today. One statement, one round trip:
// the open cases are classified and grouped once (GROUPING SETS), today's breaches are read
// from their own index, and everything comes back as one row.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { openStatuses } from '../cases/cases.contract.ts';
import { ageBuckets, slaStates, type AgeBucket, type SlaState, type WorkloadDto } from './workload.contract.ts';
import { classifiedOpenCases, scopeCondition } from './workload.sql.ts';

const BREACHES_LISTED = 20;

/** GROUPING(team_id, status, age, sla, assignee_id): a bit set for each column grouped away. */
const BY_TEAM_STATUS = 0b00111;
const BY_AGE_SLA = 0b11001;
const BY_ASSIGNEE = 0b11110;

interface GroupRow {
  set: number;
  team_id: string | null;
  status: (typeof openStatuses)[number] | null;
  age: AgeBucket | null;
  sla: SlaState | null;
  assignee_id: string | null;
  name: string | null;
  n: number;
  oldest: string;
  breached: number;
  due_soon: number;
}

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
  const [row] = await queryRows<WorkloadRow>(
    ctx.db,
    sql`WITH g AS (
          SELECT GROUPING(o.team_id, o.status, o.age, o.sla, o.assignee_id) AS set,
            o.team_id, o.status, o.age, o.sla, o.assignee_id,
            count(*)::int AS n, min(o.created_at) AS oldest,
            count(*) FILTER (WHERE o.sla = 'breached')::int AS breached,
            count(*) FILTER (WHERE o.sla = 'due_soon')::int AS due_soon
          FROM ${classifiedOpenCases(actor.scope, now)} o
          GROUP BY GROUPING SETS ((o.team_id, o.status), (o.age, o.sla), (o.assignee_id))
        ), d AS (
          SELECT (date_trunc('day', ${at} AT TIME ZONE ${zone}) AT TIME ZONE ${zone}) AS day_start
        ), b AS (
          SELECT c.id AS case_id, c.number, c.subject, c.status, k.metric, k.breached_at, c.team_id, c.assignee_id
          FROM d, sla_clock k JOIN sav_case c ON c.id = k.case_id
          WHERE k.breached_at >= d.day_start AND k.breached_at <= ${at} AND c.merged_into_id IS NULL AND ${scopeCondition(actor.scope)}
        )
        SELECT (SELECT day_start FROM d) AS day_starts_at,
          (SELECT coalesce(json_agg(json_build_object('set', g.set, 'team_id', g.team_id, 'status', g.status, 'age', g.age, 'sla', g.sla,
              'assignee_id', g.assignee_id, 'name', u.name, 'n', g.n, 'oldest', g.oldest, 'breached', g.breached, 'due_soon', g.due_soon)), '[]'::json)
           FROM g LEFT JOIN app_user u ON u.id = g.assignee_id) AS groups,
          (SELECT count(*)::int FROM b) AS breach_count,
          (SELECT coalesce(json_agg(x ORDER BY x.breached_at DESC, x.case_id), '[]'::json)
           FROM (SELECT * FROM b ORDER BY breached_at DESC, case_id LIMIT ${BREACHES_LISTED}) x) AS breaches`,
  );
  return presentWorkload(now, row!);
}

function presentWorkload(now: Date, row: WorkloadRow): WorkloadDto {
  const groups = json(row.groups);
  const teams = new Map<string | null, WorkloadDto['teams'][number]>();
  for (const g of groups.filter((r) => r.set === BY_TEAM_STATUS)) {
    const team = teams.get(g.team_id) ?? { teamId: g.team_id, total: 0, byStatus: zeros(openStatuses), breached: 0, dueSoon: 0 };
    team.total += g.n;
    team.byStatus[g.status!] += g.n;
    team.breached += g.breached;
    team.dueSoon += g.due_soon;
    teams.set(g.team_id, team);
  }
  const backlog = ageBuckets.map((age) => {
    const bySla = zeros(slaStates);
    for (const g of groups.filter((r) => r.set === BY_AGE_SLA && r.age === age)) bySla[g.sla!] += g.n;
    return { age, total: Object.values(bySla).reduce((a, b) => a + b, 0), bySla };
  });
  const byAssignee = groups.filter((r) => r.set === BY_ASSIGNEE);
  const agents = byAssignee
    .filter((g) => g.assignee_id !== null)
    .map((g) => ({ userId: g.assignee_id!, name: g.name ?? '', open: g.n, oldestCreatedAt: iso(g.oldest), breached: g.breached, dueSoon: g.due_soon }))
    .sort((a, b) => b.open - a.open || a.oldestCreatedAt.localeCompare(b.oldestCreatedAt) || a.name.localeCompare(b.name));
  const sum = (pick: (g: GroupRow) => number) => byAssignee.reduce((total, g) => total + pick(g), 0);
  return {
    at: now.toISOString(),
    dayStartsAt: iso(row.day_starts_at),
    totals: {
      open: sum((g) => g.n),
      unassigned: byAssignee.find((g) => g.assignee_id === null)?.n ?? 0,
      breached: sum((g) => g.breached),
      dueSoon: sum((g) => g.due_soon),
    },
    teams: [...teams.values()].sort((a, b) => b.total - a.total || (a.teamId ?? '').localeCompare(b.teamId ?? '')),
    backlog,
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
    agents,
  };
}

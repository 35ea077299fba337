// How fast we answer on each account: messages received, how many got an answer, and the
// first-response time (responded_at − posted_at) as median and 90th percentile, over the
// period and per day of week × hour of day in the account's time zone — nights and week-ends
// included, since that is when many complaints are posted. Computed where the rows lie
// (percentile_cont), reading the messages through social_message_account_idx (account,
// posted_at of inbound messages).
//
// Unanswered messages count in the rate (received − answered), not in the percentiles: a time
// that has not ended has no value yet. Percentiles are over the answered ones only, and the
// still-unanswered count is given beside them, so a good median with a poor rate reads as what
// it is.
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { Scope } from '../access/access.policy.ts';
import type { LiveResponseDto, ResponseTimesDto, ResponseTimesQuery } from './social.contract.ts';

const DAY = 86_400_000;
/** The period when none is asked: four whole weeks, every day of the week four times. */
const DEFAULT_PERIOD_MS = 28 * DAY;
/** How far back the live figure looks for unanswered messages: older ones are the report's business. */
export const LIVE_LOOKBACK_MS = 7 * DAY;

interface AccountRow {
  id: string;
  name: string;
  channel: string;
  zone: string;
}

/**
 * responded_at − posted_at in ms, null while unanswered (greatest() alone would turn a null
 * into 0); an answer stamped before the post (clocks of two systems) counts as immediate.
 */
const firstResponseMs = sql.raw(`CASE WHEN m.responded_at IS NOT NULL THEN greatest(0, extract(epoch FROM m.responded_at - m.posted_at) * 1000) END`);

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The accounts the reader may measure (those of their brands, and those of no brand), each with
 * the zone its grid is in: the one asked, else the account's own setting, its store's, its
 * team's calendar's, the default calendar's, the deployment's.
 */
function accountsSql(ctx: Ctx, scope: Scope, accountIds: readonly string[] | undefined, zone: string | undefined): SQL {
  return sql`
    SELECT a.id, a.name, a.channel,
      coalesce(${zone ?? null}::text, nullif(a.settings->>'timezone', ''), s.timezone, tc.timezone,
        (SELECT timezone FROM calendar WHERE is_default), ${ctx.config.defaults.timezone}::text) AS zone
    FROM channel_account a
    LEFT JOIN store s ON s.id = a.store_id
    LEFT JOIN team tm ON tm.id = a.team_id
    LEFT JOIN calendar tc ON tc.id = tm.calendar_id
    WHERE ${accountIds?.length ? sql`a.id = ANY(${uuids(accountIds)})` : sql`TRUE`}
      AND ${scope.brandIds ? sql`(a.brand_id IS NULL OR a.brand_id = ANY(${uuids(scope.brandIds)}))` : sql`TRUE`}`;
}

/** A store- or brand-limited reader measures only the messages of the cases they work. */
function caseScope(scope: Scope): SQL {
  if (!scope.brandIds && !scope.storeIds) return sql`TRUE`;
  return sql`EXISTS (SELECT 1 FROM sav_case c WHERE c.id = m.case_id
    AND ${scope.brandIds ? sql`c.brand_id = ANY(${uuids(scope.brandIds)})` : sql`TRUE`}
    AND ${scope.storeIds ? sql`c.store_id = ANY(${uuids(scope.storeIds)})` : sql`TRUE`})`;
}

function audienceCondition(audience: ResponseTimesQuery['audience']): SQL {
  return audience === 'all' ? sql`TRUE` : sql`m.audience = ${audience}`;
}

interface FigureRow {
  account_id: string;
  day: number | null;
  hour: number | null;
  received: number;
  answered: number;
  median_ms: number | null;
  p90_ms: number | null;
}

function figures(r: FigureRow) {
  const received = Number(r.received);
  const answered = Number(r.answered);
  const ms = (v: number | null) => (v === null ? null : Math.round(Number(v)));
  return {
    received,
    answered,
    unanswered: received - answered,
    responseRate: received ? answered / received : null,
    medianMs: ms(r.median_ms),
    p90Ms: ms(r.p90_ms),
  };
}

export async function readResponseTimes(ctx: Ctx, actor: Actor, q: ResponseTimesQuery): Promise<ResponseTimesDto> {
  requirePermission(actor, 'cases.read');
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
  const accounts = await queryRows<AccountRow>(ctx.db, accountsSql(ctx, actor.scope, q.accountId, q.zone));
  const rows = accounts.length
    ? await queryRows<FigureRow>(
        ctx.db,
        sql`WITH acc AS (${accountsSql(ctx, actor.scope, q.accountId, q.zone)}),
          msg AS (
            SELECT m.account_id,
              extract(isodow FROM m.posted_at AT TIME ZONE acc.zone)::int AS day,
              extract(hour FROM m.posted_at AT TIME ZONE acc.zone)::int AS hour,
              ${firstResponseMs} AS ms
            FROM acc JOIN social_message m ON m.account_id = acc.id
            WHERE m.direction = 'in' AND m.posted_at >= ${from.toISOString()}::timestamptz AND m.posted_at < ${to.toISOString()}::timestamptz
              AND ${audienceCondition(q.audience)} AND ${caseScope(actor.scope)}
          )
          SELECT account_id, day, hour, count(*)::int AS received, count(ms)::int AS answered,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90_ms
          FROM msg
          GROUP BY GROUPING SETS ((account_id), (account_id, day, hour))
          ORDER BY account_id, day NULLS FIRST, hour`,
      )
    : [];

  const totals = new Map(rows.filter((r) => r.day === null).map((r) => [r.account_id, r]));
  const asked = new Set(q.accountId ?? []);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    audience: q.audience,
    // The accounts asked for, or every account that received messages in the period.
    accounts: accounts
      .filter((a) => asked.has(a.id) || totals.has(a.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => {
        const total = totals.get(a.id);
        return {
          account: { id: a.id, name: a.name, channel: a.channel },
          zone: a.zone,
          ...figures(total ?? { account_id: a.id, day: null, hour: null, received: 0, answered: 0, median_ms: null, p90_ms: null }),
          grid: rows.filter((r) => r.account_id === a.id && r.day !== null).map((r) => ({ day: r.day!, hour: r.hour!, ...figures(r) })),
        };
      }),
  };
}

interface LiveRow {
  id: string;
  name: string;
  channel: string;
  received_24h: number;
  answered_24h: number;
  median_24h: number | null;
  unanswered: number;
  oldest_unanswered_at: string | Date | null;
}

/**
 * The inbox header's figure per account, now: the median first-response time of the public
 * messages answered in the last 24 hours, how many public messages of the last 7 days still
 * wait for an answer, and since when the oldest of them does.
 */
export async function readLiveResponse(ctx: Ctx, actor: Actor): Promise<LiveResponseDto> {
  requirePermission(actor, 'cases.read');
  const now = ctx.clock.now();
  const dayAgo = sql`${new Date(now.getTime() - DAY).toISOString()}::timestamptz`;
  const since = sql`${new Date(now.getTime() - LIVE_LOOKBACK_MS).toISOString()}::timestamptz`;
  const rows = await queryRows<LiveRow>(
    ctx.db,
    sql`WITH acc AS (${accountsSql(ctx, actor.scope, undefined, undefined)})
      SELECT acc.id, acc.name, acc.channel,
        count(*) FILTER (WHERE m.posted_at >= ${dayAgo})::int AS received_24h,
        count(*) FILTER (WHERE m.responded_at >= ${dayAgo})::int AS answered_24h,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${firstResponseMs}) FILTER (WHERE m.responded_at >= ${dayAgo}) AS median_24h,
        count(*) FILTER (WHERE m.responded_at IS NULL)::int AS unanswered,
        min(m.posted_at) FILTER (WHERE m.responded_at IS NULL) AS oldest_unanswered_at
      FROM acc JOIN social_message m ON m.account_id = acc.id
      WHERE m.direction = 'in' AND m.audience = 'public' AND m.posted_at >= ${since} AND ${caseScope(actor.scope)}
      GROUP BY acc.id, acc.name, acc.channel
      ORDER BY acc.name`,
  );
  return {
    at: now.toISOString(),
    accounts: rows.map((r) => ({
      account: { id: r.id, name: r.name, channel: r.channel },
      medianMs24h: r.median_24h === null ? null : Math.round(Number(r.median_24h)),
      answered24h: Number(r.answered_24h),
      received24h: Number(r.received_24h),
      unanswered: Number(r.unanswered),
      oldestUnansweredAt: r.oldest_unanswered_at === null ? null : new Date(r.oldest_unanswered_at).toISOString(),
    })),
  };
}

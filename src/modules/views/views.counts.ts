// The number of cases in every view of a user's sidebar, for GET /api/v1/views/counts.
//
// One statement reads the user's open cases once (their brands and stores, from the covering
// index sav_case_open_counts_idx: no table access) and counts every view over them at the
// same time with count(*) FILTER (WHERE …), grouped by channel and store so the "by channel"
// and "by store" views come from the same scan. A saved view that also lists solved or closed
// cases cannot be counted from open cases: it gets its own subquery in the same statement,
// on the indexes its filters use, counted up to VIEW_COUNT_CAP (counting every closed case of
// a busy brand would cost more than the sidebar is worth).
import { and, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { filterConditions, onlyOpen, openCaseSql, scopeConditions, statusesOf, type CaseFilter, type FilterViewer } from '../cases/case-filters.ts';
import { openStatuses, type Channel } from '../cases/cases.contract.ts';
import { savCase } from '../cases/cases.schema.ts';
import { builtinViewIds, builtinViews, channelViewId, storeViewId, VIEW_COUNT_CAP, type ViewCounts } from './views.contract.ts';
import { readFilters, visibleViewRows } from './views.service.ts';

interface Counted {
  /** The view id the count is reported under. */
  view: string;
  filter: CaseFilter;
}

/** Inside the open-cases scan, "every open status" is already true: that condition is dropped. */
function withinOpen(f: CaseFilter): CaseFilter {
  const statuses = statusesOf(f);
  return statuses && statuses.length === openStatuses.length ? { ...f, status: undefined } : f;
}

const all = (conditions: SQL[]) => (conditions.length ? and(...conditions)! : sql`true`);

/** The statement: one row per (channel, store) of open cases, each with every view's count. */
export function countsStatement(scope: SQL[], inOpen: Counted[], beyondOpen: Counted[], viewer: FilterViewer): SQL {
  const counts = inOpen.map((v, i) => sql`count(*) FILTER (WHERE ${all(filterConditions(withinOpen(v.filter), viewer))})::int AS ${sql.identifier(`v${i}`)}`);
  const capped = beyondOpen.map(
    (v, i) =>
      sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${savCase} WHERE ${all([...scope, ...filterConditions(v.filter, viewer)])} LIMIT ${VIEW_COUNT_CAP + 1}) AS hit) AS ${sql.identifier(`x${i}`)}`,
  );
  const grouped = sql`SELECT ${savCase.channel} AS channel, ${savCase.storeId} AS store_id, count(*)::int AS total${sql.join(
    counts.map((c) => sql`, ${c}`),
    sql``,
  )} FROM ${savCase} WHERE ${all([...scope, openCaseSql])} GROUP BY ${savCase.channel}, ${savCase.storeId}`;
  // The outer join keeps one row when the user has no open case, so the other counts still come back.
  return sql`SELECT * FROM (SELECT ${capped.length ? sql.join(capped, sql`, `) : sql`1 AS one`}) AS beyond LEFT JOIN (${grouped}) AS g ON true`;
}

export async function countViews(ctx: Ctx, actor: Actor, options: { timeZone?: string | undefined } = {}): Promise<ViewCounts> {
  requirePermission(actor, 'cases.read');
  const now = ctx.clock.now();
  const viewer = { userId: actor.userId, now, timeZone: options.timeZone ?? ctx.config.defaults.timezone };
  const saved = await visibleViewRows(ctx, actor);
  const views: Counted[] = [
    ...builtinViewIds.map((id) => ({ view: id, filter: builtinViews[id].filters })),
    ...saved.map((r) => ({ view: r.id, filter: readFilters(r.filters) })),
  ];
  const inOpen = views.filter((v) => onlyOpen(v.filter));
  const beyondOpen = views.filter((v) => !onlyOpen(v.filter));
  const rows = await queryRows<Record<string, number | string | null>>(ctx.db, countsStatement(scopeConditions(actor.scope), inOpen, beyondOpen, viewer));

  const counts: Record<string, number> = {};
  const add = (key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);
  for (const v of inOpen) counts[v.view] = 0;
  for (const row of rows) {
    if (row.total === null) continue; // no open case at all
    const total = Number(row.total);
    add(channelViewId(row.channel as Channel), total);
    add(storeViewId(row.store_id as string | null), total);
    inOpen.forEach((v, i) => add(v.view, Number(row[`v${i}`])));
  }
  const capped: string[] = [];
  beyondOpen.forEach((v, i) => {
    const n = Number(rows[0]?.[`x${i}`] ?? 0);
    counts[v.view] = Math.min(n, VIEW_COUNT_CAP);
    if (n > VIEW_COUNT_CAP) capped.push(v.view);
  });
  return { at: now.toISOString(), counts, capped };
}

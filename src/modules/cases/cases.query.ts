// The case list behind the inbox: filters, scope, sort orders with keyset pagination, and
// full-text search over messages and notes (French and English, accent-insensitive), customer
// names and case numbers.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { searchable } from '../customers/identities.ts';
import type { CaseListQuery } from './cases.contract.ts';
import { filterConditions, scopeConditions } from './case-filters.ts';
import { caseUrgencySql, savCase } from './cases.schema.ts';
import { presentCases, selectCases, type CaseListRow } from './cases.read.ts';
import { parseCaseNumber } from './numbering.ts';

const priorityRank = sql<number>`(CASE ${savCase.priority} WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`;

/** The tsquery for a search text, in both languages (either may match). */
export function textQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('comptoir_fr'::regconfig, ${q}) || websearch_to_tsquery('comptoir_en'::regconfig, ${q}))`;
}

/**
 * A search matches a case by its messages and notes (full text) or by its customer's name,
 * e-mail or phone (accent-free substring). The two are separate branches, each sorted and
 * limited on its own: an OR of both would stop PostgreSQL from using either index and make it
 * walk every case testing both (measured: over 60 s for a common word at 1,000,000 cases).
 * With branches, a common word walks the activity index probing each case's events and stops
 * after a page; a rare word reads the GIN index and sorts its few hits.
 */
function searchBranches(q: string): SQL[] {
  const name = searchable(q);
  const like = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [
    sql`EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = ${savCase.id} AND e.search @@ ${textQuery(q)})`,
    sql`${savCase.customerId} IN (SELECT id FROM customer WHERE search_text LIKE ${like})`,
  ];
}

export async function listCases(ctx: Ctx, actor: Actor, q: CaseListQuery) {
  requirePermission(actor, 'cases.read');
  // Scope: a customer's history shows every case of the reader's brands (other stores' cases
  // read-only); every other list shows only the cases the reader fully works.
  const history = !!q.customerId && !q.q;
  const where: SQL[] = history ? scopeConditions({ brandIds: actor.scope.brandIds, storeIds: null }) : scopeConditions(actor.scope);
  where.push(...filterConditions(q, { userId: actor.userId, now: ctx.clock.now(), timeZone: q.timeZone ?? ctx.config.defaults.timezone }));
  if (q.customerId) where.push(eq(savCase.customerId, q.customerId));
  const number = q.q ? parseCaseNumber(q.q) : null;
  if (number) where.push(eq(savCase.number, q.q!.trim().toUpperCase()));

  const order = sortOf(q.sort);
  if (q.cursor) where.push(order.after(decodeCursor(q.cursor, order.arity)));

  let match = and(...where);
  if (q.q && !number) {
    const branch = (condition: SQL) =>
      ctx.db.select({ id: savCase.id }).from(savCase).where(and(...where, condition)).orderBy(...order.by).limit(q.limit + 1);
    const [text, name] = searchBranches(q.q).map(branch);
    match = sql`${savCase.id} IN (SELECT id FROM ((${text}) UNION (${name})) AS hit)`;
  }
  const rows = (await selectCases(ctx).where(match).orderBy(...order.by).limit(q.limit + 1)) as CaseListRow[];
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  const last = items[items.length - 1];
  return {
    items: await presentCases(ctx, items, (r) => (caseAccess(actor.scope, r.c) === 'full' ? 'full' : 'history'), actor.language),
    nextCursor: more && last ? encodeCursor(order.key(last)) : null,
  };
}

interface Sort {
  by: SQL[];
  arity: number;
  key: (r: CaseListRow) => (string | number)[];
  after: (cursor: (string | number | null)[]) => SQL;
}

function sortOf(sort: CaseListQuery['sort']): Sort {
  switch (sort) {
    case '-lastActivityAt':
      return {
        by: [sql`${savCase.lastActivityAt} DESC`, sql`${savCase.id} DESC`],
        arity: 2,
        key: (r) => [r.c.lastActivityAt.toISOString(), r.c.id],
        after: ([at, id]) => sql`(${savCase.lastActivityAt}, ${savCase.id}) < (${at}::timestamptz, ${id}::uuid)`,
      };
    // Ids are UUIDv7, minted from the creation instant: id order is creation order, and the
    // primary key index serves it.
    case '-createdAt':
      return { by: [sql`${savCase.id} DESC`], arity: 1, key: (r) => [r.c.id], after: ([id]) => sql`${savCase.id} < ${id}::uuid` };
    case 'createdAt':
      return { by: [sql`${savCase.id} ASC`], arity: 1, key: (r) => [r.c.id], after: ([id]) => sql`${savCase.id} > ${id}::uuid` };
    // The most urgent first: breached, then the nearest running deadline, then the rest.
    case 'slaDueAt':
      return {
        by: [sql`${caseUrgencySql} ASC`, sql`${savCase.id} ASC`],
        arity: 2,
        key: (r) => [urgencyOf(r.c), r.c.id],
        after: ([u, id]) => sql`(${caseUrgencySql}, ${savCase.id}) > (${u}::timestamptz, ${id}::uuid)`,
      };
    case '-priority':
      return {
        by: [sql`${priorityRank} DESC`, sql`${savCase.lastActivityAt} DESC`, sql`${savCase.id} DESC`],
        arity: 3,
        key: (r) => [rank(r.c.priority), r.c.lastActivityAt.toISOString(), r.c.id],
        after: ([p, at, id]) => sql`(${priorityRank}, ${savCase.lastActivityAt}, ${savCase.id}) < (${p}::int, ${at}::timestamptz, ${id}::uuid)`,
      };
  }
}

/** The sort key caseUrgencySql computes, as a cursor value ('infinity' when no clock runs). */
function urgencyOf(c: CaseListRow['c']): string {
  const times = [c.slaBreachedAt, c.slaDueAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)).toISOString() : 'infinity';
}

const rank = (p: string) => ({ urgent: 3, high: 2, normal: 1, low: 0 })[p] ?? 0;

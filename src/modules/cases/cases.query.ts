// The case list behind the inbox: filters, scope, sort orders with keyset pagination, and
// full-text search over messages and notes (French and English, accent-insensitive), customer
// names and case numbers.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { searchable } from '../customers/identities.ts';
import { openStatuses, type CaseListQuery } from './cases.contract.ts';
import { caseStep, contactReason, savCase } from './cases.schema.ts';
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
  const where: SQL[] = [isNull(savCase.mergedIntoId)];

  // Scope: a customer's history shows every case of the reader's brands (other stores' cases
  // read-only); every other list shows only the cases the reader fully works.
  const history = !!q.customerId && !q.q;
  if (actor.scope.brandIds) where.push(inArray(savCase.brandId, [...actor.scope.brandIds]));
  if (actor.scope.storeIds && !history) where.push(inArray(savCase.storeId, [...actor.scope.storeIds]));

  if (q.status?.length) {
    const statuses = q.status.flatMap((s) => (s === 'open_all' ? [...openStatuses] : [s]));
    where.push(inArray(savCase.status, statuses));
  }
  if (q.teamId) where.push(q.teamId === 'none' ? isNull(savCase.teamId) : eq(savCase.teamId, q.teamId));
  if (q.assigneeId) {
    if (q.assigneeId === 'none') where.push(isNull(savCase.assigneeId));
    else where.push(eq(savCase.assigneeId, q.assigneeId === 'me' ? (actor.userId ?? '00000000-0000-0000-0000-000000000000') : q.assigneeId));
  }
  if (q.storeId) where.push(eq(savCase.storeId, q.storeId));
  if (q.brandId) where.push(eq(savCase.brandId, q.brandId));
  if (q.customerId) where.push(eq(savCase.customerId, q.customerId));
  if (q.channel?.length) where.push(inArray(savCase.channel, q.channel));
  if (q.priority?.length) where.push(inArray(savCase.priority, q.priority));
  if (q.reason) where.push(sql`${savCase.reasonId} = (SELECT id FROM ${contactReason} WHERE key = ${q.reason})`);
  if (q.step) where.push(sql`${savCase.stepId} = (SELECT id FROM ${caseStep} WHERE key = ${q.step})`);
  if (q.tag) where.push(sql`${savCase.tags} @> ARRAY[${q.tag.toLowerCase()}]::text[]`);
  if (q.language) where.push(eq(savCase.language, q.language));
  if (q.createdFrom) where.push(sql`${savCase.createdAt} >= ${q.createdFrom}`);
  if (q.createdTo) where.push(sql`${savCase.createdAt} < ${q.createdTo}`);
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
    case '-priority':
      return {
        by: [sql`${priorityRank} DESC`, sql`${savCase.lastActivityAt} DESC`, sql`${savCase.id} DESC`],
        arity: 3,
        key: (r) => [rank(r.c.priority), r.c.lastActivityAt.toISOString(), r.c.id],
        after: ([p, at, id]) => sql`(${priorityRank}, ${savCase.lastActivityAt}, ${savCase.id}) < (${p}::int, ${at}::timestamptz, ${id}::uuid)`,
      };
  }
}

const rank = (p: string) => ({ urgent: 3, high: 2, normal: 1, low: 0 })[p] ?? 0;

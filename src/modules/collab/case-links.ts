// Related cases: an agent links two cases (related, or one a duplicate of the other) and
// unlinks them; merges and splits write their own links, which stay. One link per pair,
// whichever way round (a unique index on the pair), so a double click links once. Each link
// and unlink leaves an internal line on both timelines and an audit entry, in one transaction.
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { appUser } from '../access/access.schema.ts';
import { caseAccess } from '../access/access.policy.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { savCase } from '../cases/cases.schema.ts';
import { actorColumns, appendEvents, type CaseRouting } from '../cases/timeline.ts';
import { manualLinkKinds, type CaseSummary, type LinkDto, type LinkInput, type LinkKind, type LinkRelation } from './collab.contract.ts';
import { caseLink } from './collab.schema.ts';

type LinkRow = typeof caseLink.$inferSelect;

/** What the other case of a link is to `caseId`. */
export function relationOf(link: Pick<LinkRow, 'kind' | 'caseAId'>, caseId: string): LinkRelation {
  const isA = link.caseAId === caseId;
  switch (link.kind) {
    case 'related':
      return 'related';
    case 'duplicate':
      return isA ? 'duplicate_of' : 'has_duplicate';
    case 'split_from':
      return isA ? 'split_from' : 'split_into';
    case 'merged_into':
      return isA ? 'merged_into' : 'merged_from';
  }
}

const isManual = (kind: LinkKind) => (manualLinkKinds as readonly string[]).includes(kind);

export function summaryOf(c: Pick<typeof savCase.$inferSelect, 'id' | 'number' | 'subject' | 'status' | 'channel' | 'createdAt' | 'lastActivityAt'>): CaseSummary {
  return { id: c.id, number: c.number, subject: c.subject, status: c.status, channel: c.channel, createdAt: c.createdAt.toISOString(), lastActivityAt: c.lastActivityAt.toISOString() };
}

const other = alias(savCase, 'other_case');

/** The links of a case, with the other case as the reader may see it (cases of other brands are left out). */
async function linksOf(ctx: Ctx, actor: Actor, caseId: string, only?: string): Promise<LinkDto[]> {
  const rows = await ctx.db
    .select({ link: caseLink, other, creator: { id: appUser.id, name: appUser.name } })
    .from(caseLink)
    .innerJoin(other, sql`${other.id} = CASE WHEN ${caseLink.caseAId} = ${caseId} THEN ${caseLink.caseBId} ELSE ${caseLink.caseAId} END`)
    .leftJoin(appUser, eq(appUser.id, caseLink.createdById))
    .where(and(or(eq(caseLink.caseAId, caseId), eq(caseLink.caseBId, caseId)), only ? eq(caseLink.id, only) : undefined))
    .orderBy(asc(caseLink.createdAt), asc(caseLink.id));
  return rows.flatMap(({ link, other: o, creator }) => {
    const access = caseAccess(actor.scope, o);
    if (access === 'none') return [];
    return [
      {
        id: link.id,
        kind: link.kind,
        relation: relationOf(link, caseId),
        case: { ...summaryOf(o), access },
        createdBy: creator?.id ? { id: creator.id, name: creator.name } : null,
        createdAt: link.createdAt.toISOString(),
        removable: isManual(link.kind),
      },
    ];
  });
}

export async function listLinks(ctx: Ctx, actor: Actor, caseId: string): Promise<{ items: LinkDto[] }> {
  requirePermission(actor, 'cases.read');
  await loadVisibleCase(ctx, actor, caseId);
  return { items: await linksOf(ctx, actor, caseId) };
}

/**
 * Writes "a <kind> b", or gives the pair's existing link. Merges and splits pass `replace`:
 * what they did says more about the pair than an earlier "related".
 */
export async function writeLink(ctx: Ctx, actor: Actor, link: { a: string; b: string; kind: LinkKind; replace?: boolean }): Promise<{ row: LinkRow; created: boolean }> {
  const now = ctx.clock.now();
  const onConflict = link.replace
    ? sql`DO UPDATE SET kind = EXCLUDED.kind, case_a_id = EXCLUDED.case_a_id, case_b_id = EXCLUDED.case_b_id, created_by_id = EXCLUDED.created_by_id, created_at = EXCLUDED.created_at`
    : sql`DO NOTHING`;
  const [written] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO case_link (id, case_a_id, case_b_id, kind, created_by_id, created_at)
        VALUES (${uuidv7(now.getTime())}, ${link.a}, ${link.b}, ${link.kind}, ${actor.userId}, ${now.toISOString()})
        ON CONFLICT (least(case_a_id, case_b_id), greatest(case_a_id, case_b_id)) ${onConflict}
        RETURNING id`,
  );
  const pair = or(and(eq(caseLink.caseAId, link.a), eq(caseLink.caseBId, link.b)), and(eq(caseLink.caseAId, link.b), eq(caseLink.caseBId, link.a)));
  const [row] = await ctx.db.select().from(caseLink).where(written ? eq(caseLink.id, written.id) : pair);
  return { row: row!, created: !!written };
}

/** An internal line on both cases' timelines: what the link made of them, each from its side. */
async function noteOnBoth(ctx: Ctx, actor: Actor, type: 'case_linked' | 'case_unlinked', link: LinkRow, cases: Map<string, CaseRouting & { number: string }>) {
  const now = ctx.clock.now();
  for (const [id, c] of cases) {
    const otherCase = [...cases.values()].find((x) => x.id !== id)!;
    await appendEvents(ctx, c, [{ type, ...actorColumns(actor), visibility: 'internal', data: { linkId: link.id, kind: link.kind, relation: relationOf(link, id), caseId: otherCase.id, number: otherCase.number } }], now);
  }
}

export async function addLink(ctx: Ctx, actor: Actor, caseId: string, input: LinkInput): Promise<{ link: LinkDto; created: boolean }> {
  if (input.caseId === caseId) throw invalid('caseId', 'a case cannot be linked to itself');
  const row = await loadForWrite(ctx, actor, caseId, undefined);
  const { row: target } = await loadVisibleCase(ctx, actor, input.caseId);
  const result = await inTransaction(ctx, async (tx) => {
    const written = await writeLink(tx, actor, { a: caseId, b: input.caseId, kind: input.kind });
    if (!written.created) {
      const same = written.row.kind === input.kind && (input.kind === 'related' || written.row.caseAId === caseId);
      if (!same) throw conflict(`${row.c.number} and ${target.c.number} are already linked (${relationOf(written.row, caseId)}); remove that link first`, { linkId: written.row.id });
      return written;
    }
    await noteOnBoth(tx, actor, 'case_linked', written.row, new Map([[row.c.id, row.c], [target.c.id, target.c]]));
    await recordAudit(tx, actor, { action: 'case.linked', targetType: 'case', targetId: caseId, details: { linkId: written.row.id, kind: input.kind, caseId: input.caseId, number: target.c.number } });
    return written;
  });
  const [link] = await linksOf(ctx, actor, caseId, result.row.id);
  return { link: link!, created: result.created };
}

export async function removeLink(ctx: Ctx, actor: Actor, caseId: string, linkId: string): Promise<void> {
  const row = await loadForWrite(ctx, actor, caseId, undefined);
  await inTransaction(ctx, async (tx) => {
    const [link] = await tx.db
      .select()
      .from(caseLink)
      .where(and(eq(caseLink.id, linkId), or(eq(caseLink.caseAId, caseId), eq(caseLink.caseBId, caseId))))
      .for('update');
    if (!link) throw notFound('case link', linkId);
    if (!isManual(link.kind)) throw conflict('This link records a merge or a split: it stays');
    const otherId = link.caseAId === caseId ? link.caseBId : link.caseAId;
    const [target] = await tx.db.select().from(savCase).where(eq(savCase.id, otherId));
    // A link to a case the reader cannot see is not theirs to see either.
    if (!target || caseAccess(actor.scope, target) === 'none') throw notFound('case link', linkId);
    await tx.db.delete(caseLink).where(eq(caseLink.id, linkId));
    await noteOnBoth(tx, actor, 'case_unlinked', link, new Map([[row.c.id, row.c], [target.id, target]]));
    await recordAudit(tx, actor, { action: 'case.unlinked', targetType: 'case', targetId: caseId, details: { linkId, kind: link.kind, caseId: otherId, number: target.number } });
  });
}

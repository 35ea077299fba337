// Splitting a case: the customer raised a second matter in the same thread ("and the mower
// too…"), and it deserves a case of its own. The chosen customer messages open a new case for
// the same customer — its own number, its own SLA clocks, the acknowledgment a new case gets,
// on the first message's channel — with the source's brand, store, team, assignee, reason and
// priority. The first message opens it (as any new case is opened: now, by this message); the
// others follow, all with their files and with where they came from. The source keeps its
// timeline (append-only) plus a line saying what went where, and both are linked
// (split_from). Splitting the same messages again is refused: a double click opens one case.
import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { commitChange, loadForWrite } from '../cases/case-changes.ts';
import type { CaseDto } from '../cases/cases.contract.ts';
import { loadCaseRow } from '../cases/cases.read.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import { getCase, openCase } from '../cases/cases.service.ts';
import { actorColumns, type NewEvent } from '../cases/timeline.ts';
import type { SplitInput } from './collab.contract.ts';
import { writeLink } from './case-links.ts';
import { conversationOf, copyAttachments, type SourceEvent } from './timeline-copies.ts';

/** Messages of this case already split off, and the case each went to. */
async function earlierSplits(ctx: Ctx, caseId: string): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ data: caseEvent.data })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'case_split'), sql`${caseEvent.data} ? 'into'`));
  const went = new Map<string, string>();
  for (const { data } of rows) {
    const into = data.into as { number: string };
    for (const id of data.eventIds as string[]) went.set(id, into.number);
  }
  return went;
}

export async function splitCase(ctx: Ctx, actor: Actor, sourceId: string, input: SplitInput): Promise<CaseDto> {
  const ids = [...new Set(input.eventIds)];
  const newId = await inTransaction(ctx, async (tx) => {
    // The source row locked first: a second split of the same messages waits, then sees the first.
    await tx.db.select({ id: savCase.id }).from(savCase).where(eq(savCase.id, sourceId)).for('update');
    const source = await loadForWrite(tx, actor, sourceId, undefined);
    const c = source.c;
    if (c.mergedIntoId) throw conflict(`${c.number} was merged into another case: split from that one`, { mergedIntoId: c.mergedIntoId });
    const chosen = (await conversationOf(tx, [sourceId], ids)).filter((e) => e.type === 'message_in');
    const missing = ids.filter((id) => !chosen.some((e) => e.id === id));
    if (missing.length) throw invalid('eventIds', `only the customer’s messages of this case can be split off; not ${missing.join(', ')}`);
    const went = await earlierSplits(tx, sourceId);
    const gone = ids.filter((id) => went.has(id));
    if (gone.length) throw conflict(`These messages were already split off into ${[...new Set(gone.map((id) => went.get(id)))].join(', ')}`, { eventIds: gone });

    const now = tx.clock.now();
    const origin = (e: SourceEvent) => ({ splitFrom: { caseId: c.id, number: c.number, eventId: e.id, at: e.at.toISOString(), channel: e.channel } });
    const [first, ...rest] = chosen as [SourceEvent, ...SourceEvent[]];
    const opened = await openCase(
      tx,
      actor,
      {
        customer: { id: c.customerId },
        subject: input.subject,
        // A message of photos only has no text; the case still opens with it (its files follow).
        message: first.bodyText?.trim() || '(message vide)',
        channel: first.channel ?? c.channel,
        brandId: c.brandId,
        ...(c.storeId ? { storeId: c.storeId } : {}),
        ...(c.teamId ? { teamId: c.teamId } : {}),
        ...(c.assigneeId ? { assigneeId: c.assigneeId } : {}),
        ...(source.reasonKey ? { reason: source.reasonKey } : {}),
        priority: c.priority,
        tags: [],
        language: c.language,
        ...(c.orderRef ? { orderRef: c.orderRef } : {}),
        ...(c.product ? { product: c.product } : {}),
        ...(c.notifyVia ? { notifyVia: c.notifyVia } : {}),
      },
      { messageData: { ...first.data, ...origin(first) }, noAutoReply: typeof first.data.noAutoReply === 'string' ? first.data.noAutoReply : null },
    );
    const created = (await loadCaseRow(tx, eq(savCase.id, opened.case.id)))!;
    const by = actorColumns(actor);
    const from = { id: c.id, number: c.number, subject: c.subject };
    const followers: NewEvent[] = rest.map((e) => ({
      type: 'message_in',
      actorType: e.actorType,
      actorUserId: e.actorUserId,
      actorCustomerId: e.actorCustomerId,
      channel: e.channel,
      visibility: e.visibility,
      bodyText: e.bodyText,
      data: { ...e.data, ...origin(e) },
    }));
    const { events: written } = await commitChange(
      tx,
      created,
      { customerMessageCount: chosen.length, lastCustomerMessageAt: now },
      [...followers, { type: 'case_split', ...by, visibility: 'internal', data: { from, eventIds: ids } }],
      now,
    );
    const copyOf = new Map([[first.id, opened.messageEventId!], ...rest.map((e, i) => [e.id, written[i]!.id] as [string, string])]);
    const attachments = await copyAttachments(tx, created.c.id, copyOf);

    const into = { id: created.c.id, number: created.c.number, subject: created.c.subject };
    await commitChange(tx, source, {}, [{ type: 'case_split', ...by, visibility: 'internal', data: { into, eventIds: chosen.map((e) => e.id) } }], now);
    await writeLink(tx, actor, { a: created.c.id, b: c.id, kind: 'split_from', replace: true });
    await recordAudit(tx, actor, { action: 'case.split', targetType: 'case', targetId: c.id, details: { number: c.number, into, eventIds: chosen.map((e) => e.id), attachments } });
    await tx.events.emit(tx.db, { type: 'case.split', sourceId: c.id, caseId: created.c.id, eventIds: chosen.map((e) => e.id), brandId: c.brandId, at: now.toISOString() });
    return created.c.id;
  });
  return getCase(ctx, actor, newId);
}

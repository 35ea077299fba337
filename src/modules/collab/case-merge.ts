// Merging cases of one customer into a survivor: the customer wrote twice about the same
// thing (an e-mail, then the chat), and it should be one case.
//
// The timeline is append-only, so nothing moves. The merged cases' conversation (messages
// both ways, notes, calls; not Comptoir's own acknowledgments) is copied onto the survivor at
// its own time, with its channel and its files, each copy saying where it came from: the
// survivor's thread reads as one conversation in the order it happened, its tracking page
// shows it whole, and a search finds it there. Each merged case keeps its own story, is
// closed with mergedIntoId, has its running SLA clocks cancelled (the survivor's promise is
// the one kept), and leads to the survivor from then on (tracking link, e-mail thread). One
// transaction writes it all with the timeline lines, the links, the audit entry and the
// domain event. Merging again what is already merged changes nothing (a double click).
import { asc, inArray } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { uuidv7At } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { commitChange, loadForWrite, statusChange, type CaseSet } from '../cases/case-changes.ts';
import type { CaseDto } from '../cases/cases.contract.ts';
import type { CaseListRow } from '../cases/cases.read.ts';
import { savCase } from '../cases/cases.schema.ts';
import { getCase } from '../cases/cases.service.ts';
import { actorColumns, type NewEvent } from '../cases/timeline.ts';
import { clockEvent, lockClocks, saveClocks } from '../sla/clocks.service.ts';
import type { Clock, ClockMove } from '../sla/clock-rules.ts';
import { slaClock } from '../sla/sla.schema.ts';
import type { MergePreview } from './collab.contract.ts';
import { summaryOf, writeLink } from './case-links.ts';
import { attachmentsOf, conversationOf, copyAttachments, insertCopies, type Copy } from './timeline-copies.ts';

interface MergePlan {
  survivor: CaseListRow;
  /** To merge now, oldest first. */
  merging: CaseListRow[];
  /** Merged into the survivor before. */
  already: CaseListRow[];
}

/** Checks the request against the cases as they are; the same answers for the preview and the merge. */
async function planMerge(ctx: Ctx, actor: Actor, survivorId: string, caseIds: string[]): Promise<MergePlan> {
  requirePermission(actor, 'cases.write');
  const ids = [...new Set(caseIds)];
  if (ids.includes(survivorId)) throw invalid('caseIds', 'a case cannot be merged into itself');
  const survivor = await loadForWrite(ctx, actor, survivorId, undefined);
  if (survivor.c.mergedIntoId) throw conflict(`${survivor.c.number} was itself merged into another case: merge into that one`, { mergedIntoId: survivor.c.mergedIntoId });
  if (survivor.c.status === 'closed') throw conflict(`${survivor.c.number} is closed: merge into an open case`);
  // Each one as if it were changed on its own: 404 for a case the user cannot see, 403 for one they only read.
  const rows: CaseListRow[] = [];
  for (const id of ids) rows.push(await loadForWrite(ctx, actor, id, undefined));
  const strangers = rows.filter((r) => r.c.customerId !== survivor.c.customerId);
  if (strangers.length) {
    const message = `${strangers.map((r) => r.c.number).join(', ')} belong${strangers.length > 1 ? '' : 's'} to another customer than ${survivor.c.number}: only one customer’s cases are merged (merge the customers first if they are one person)`;
    throw new AppError('validation_failed', `caseIds: ${message}`, { errors: [{ field: 'caseIds', message }] });
  }
  const elsewhere = rows.find((r) => r.c.mergedIntoId && r.c.mergedIntoId !== survivorId);
  if (elsewhere) throw conflict(`${elsewhere.c.number} was already merged into another case`, { caseId: elsewhere.c.id, mergedIntoId: elsewhere.c.mergedIntoId });
  const byId = (a: CaseListRow, b: CaseListRow) => (a.c.id < b.c.id ? -1 : 1);
  return { survivor, merging: rows.filter((r) => !r.c.mergedIntoId).sort(byId), already: rows.filter((r) => r.c.mergedIntoId).sort(byId) };
}

const isStoppable = (c: Pick<Clock, 'state'>) => c.state === 'active' || c.state === 'paused';

export async function previewMerge(ctx: Ctx, actor: Actor, survivorId: string, caseIds: string[]): Promise<MergePreview> {
  const plan = await planMerge(ctx, actor, survivorId, caseIds);
  const ids = plan.merging.map((r) => r.c.id);
  const events = await conversationOf(ctx, ids);
  const files = await attachmentsOf(ctx, events.map((e) => e.id));
  const clocks = ids.length ? await ctx.db.select({ caseId: slaClock.caseId, metric: slaClock.metric, state: slaClock.state }).from(slaClock).where(inArray(slaClock.caseId, ids)).orderBy(asc(slaClock.metric)) : [];
  const eventCase = new Map(events.map((e) => [e.id, e.caseId]));
  const cases = [
    ...plan.merging.map((r) => ({
      case: summaryOf(r.c),
      alreadyMerged: false,
      messages: events.filter((e) => e.caseId === r.c.id).length,
      attachments: files.filter((f) => eventCase.get(f.eventId!) === r.c.id).length,
      clocksStopped: clocks.filter((k) => k.caseId === r.c.id && isStoppable(k)).map((k) => k.metric),
    })),
    ...plan.already.map((r) => ({ case: summaryOf(r.c), alreadyMerged: true, messages: 0, attachments: 0, clocksStopped: [] })),
  ];
  return { survivor: summaryOf(plan.survivor.c), cases, messages: events.length, attachments: files.length };
}

/** Cancels the clocks still measuring something: a merged case's promise is the survivor's. */
async function cancelClocks(ctx: Ctx, caseId: string): Promise<NewEvent[]> {
  const moves: ClockMove[] = (await lockClocks(ctx, caseId))
    .filter(isStoppable)
    .map((c) => ({ metric: c.metric, transition: 'cancelled', clock: { ...c, state: 'cancelled', pausedAt: null } }));
  await saveClocks(ctx, caseId, moves.map((m) => m.clock));
  return moves.map(clockEvent);
}

export async function mergeCases(ctx: Ctx, actor: Actor, survivorId: string, caseIds: string[]): Promise<CaseDto> {
  await inTransaction(ctx, async (tx) => {
    // Every row concerned, locked in id order: two merges of the same cases (a double click)
    // wait for each other, and the second then finds the work done.
    await tx.db.select({ id: savCase.id }).from(savCase).where(inArray(savCase.id, [survivorId, ...caseIds])).orderBy(asc(savCase.id)).for('update');
    const plan = await planMerge(tx, actor, survivorId, caseIds);
    if (plan.merging.length === 0) return;
    const now = tx.clock.now();
    const by = actorColumns(actor);
    const s = plan.survivor.c;
    const into = { id: s.id, number: s.number, subject: s.subject };

    const numbers = new Map(plan.merging.map((r) => [r.c.id, r.c.number]));
    const copies: Copy[] = (await conversationOf(tx, [...numbers.keys()])).map((e) => ({
      source: e,
      id: uuidv7At(e.at.getTime()),
      at: e.at,
      origin: { mergedFrom: { caseId: e.caseId, number: numbers.get(e.caseId), eventId: e.id } },
    }));
    await insertCopies(tx, s.id, copies);
    const attachments = await copyAttachments(tx, s.id, new Map(copies.map((c) => [c.source.id, c.id])));

    for (const row of plan.merging) {
      const events: NewEvent[] = [{ type: 'case_merged', ...by, visibility: 'internal', data: { into } }];
      if (row.c.status !== 'closed') events.push({ type: 'status_changed', ...by, visibility: 'public', data: { from: row.c.status, to: 'closed', merged: true } });
      events.push(...(await cancelClocks(tx, row.c.id)));
      await commitChange(tx, row, { ...statusChange(row.c.status, 'closed', now, row.c), mergedIntoId: s.id, slaDueAt: null }, events, now);
      await writeLink(tx, actor, { a: row.c.id, b: s.id, kind: 'merged_into', replace: true });
    }

    const customerMessages = copies.filter((c) => c.source.type === 'message_in');
    const lastFromCustomer = Math.max(s.lastCustomerMessageAt?.getTime() ?? 0, ...customerMessages.map((c) => c.at.getTime()));
    const set: CaseSet = {
      customerMessageCount: s.customerMessageCount + customerMessages.length,
      agentMessageCount: s.agentMessageCount + copies.filter((c) => c.source.type === 'message_out' && c.source.visibility === 'public').length,
      lastCustomerMessageAt: lastFromCustomer ? new Date(lastFromCustomer) : null,
    };
    const merged = plan.merging.map((r) => ({ id: r.c.id, number: r.c.number, subject: r.c.subject }));
    await commitChange(tx, plan.survivor, set, [{ type: 'case_merged', ...by, visibility: 'internal', data: { cases: merged, messages: copies.length, attachments } }], now);
    await recordAudit(tx, actor, { action: 'case.merged', targetType: 'case', targetId: s.id, details: { number: s.number, merged, messages: copies.length, attachments } });
    await tx.events.emit(tx.db, { type: 'case.merged', survivorId: s.id, mergedIds: merged.map((m) => m.id), brandId: s.brandId, at: now.toISOString() });
  });
  return getCase(ctx, actor, survivorId);
}

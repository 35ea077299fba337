// Merging two customer records that are the same person: identities and cases move to the
// survivor, empty fields are filled from the absorbed record, the absorbed record stays as a
// redirect, every moved case gets a timeline line, and the audit log keeps the details.
// `preview` answers the same question without changing anything.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { savCase } from '../cases/cases.schema.ts';
import { actorColumns, appendEvents } from '../cases/timeline.ts';
import { customer, customerIdentity } from './customers.schema.ts';
import { loadCustomer, refreshSearchText } from './customers.service.ts';
import { settleSuggestionsOnMerge } from './merge-suggestions.ts';

const mergeableFields = ['firstName', 'lastName', 'company', 'notes'] as const;

export async function mergeCustomers(ctx: Ctx, actor: Actor, survivorId: string, sourceId: string, preview: boolean) {
  requirePermission(actor, 'customers.merge');
  if (survivorId === sourceId) throw new AppError('validation_failed', 'sourceId: a customer cannot be merged into itself');
  const run = async (tx: Ctx) => {
    // Lock both rows in id order: two opposite merges at once cannot deadlock or both win.
    const locked = await tx.db
      .select()
      .from(customer)
      .where(inArray(customer.id, [survivorId, sourceId]))
      .orderBy(asc(customer.id))
      .for('update');
    const survivor = locked.find((c) => c.id === survivorId) ?? (await loadCustomer(tx, survivorId));
    const source = locked.find((c) => c.id === sourceId) ?? (await loadCustomer(tx, sourceId));
    if (survivor.mergedIntoId) throw conflict(`Customer ${survivorId} was itself merged into ${survivor.mergedIntoId}`);
    if (source.mergedIntoId) throw conflict(`Customer ${sourceId} was already merged into ${source.mergedIntoId}`);

    const identities = await tx.db.select({ id: customerIdentity.id }).from(customerIdentity).where(eq(customerIdentity.customerId, sourceId));
    const cases = await tx.db
      .select({ id: savCase.id, brandId: savCase.brandId, storeId: savCase.storeId, teamId: savCase.teamId, assigneeId: savCase.assigneeId })
      .from(savCase)
      .where(and(eq(savCase.customerId, sourceId), isNull(savCase.mergedIntoId)));
    const filled: Record<string, string> = {};
    const conflicts: { field: string; survivor: string; source: string }[] = [];
    for (const field of mergeableFields) {
      const mine = survivor[field];
      const theirs = source[field];
      if (theirs && !mine) filled[field] = theirs;
      else if (theirs && mine && theirs !== mine) conflicts.push({ field, survivor: mine, source: theirs });
    }
    const result = {
      applied: !preview,
      survivorId,
      sourceId,
      moves: { caseIds: cases.map((c) => c.id), identityIds: identities.map((i) => i.id) },
      filled,
      conflicts,
    };
    if (preview) return result;

    const now = ctx.clock.now();
    await tx.db.update(customerIdentity).set({ customerId: survivorId }).where(eq(customerIdentity.customerId, sourceId));
    await tx.db
      .update(savCase)
      .set({ customerId: survivorId, updatedAt: now, version: sql`${savCase.version} + 1` })
      .where(eq(savCase.customerId, sourceId));
    // Their purchases follow them too: one history, whoever the till or the shop knew them as.
    await tx.db.execute(sql`UPDATE sales_order SET customer_id = ${survivorId}, updated_at = ${now.toISOString()} WHERE customer_id = ${sourceId}`);
    await tx.db.update(customer).set({ ...filled, updatedAt: now }).where(eq(customer.id, survivorId));
    await tx.db.update(customer).set({ mergedIntoId: survivorId, mergedAt: now, updatedAt: now }).where(eq(customer.id, sourceId));
    await refreshSearchText(tx, survivorId);
    await refreshSearchText(tx, sourceId);
    await settleSuggestionsOnMerge(tx, actor, survivorId, sourceId);
    for (const c of cases) {
      await appendEvents(tx, c, [{ type: 'customer_changed', ...actorColumns(actor), visibility: 'internal', data: { from: sourceId, to: survivorId, reason: 'merge' } }], now);
    }
    await recordAudit(tx, actor, { action: 'customer.merged', targetType: 'customer', targetId: survivorId, details: { sourceId, ...result.moves, filled, conflicts } });
    await tx.events.emit(tx.db, { type: 'customer.merged', survivorId, mergedId: sourceId, at: now.toISOString() });
    return result;
  };
  return preview ? run(ctx) : inTransaction(ctx, run);
}

// The counter's two writes: open a case for the customer standing there (channel `counter`,
// the staff's store), or continue one they already have — even one opened online — by
// recording their visit. The acknowledgment of a new case goes by e-mail or SMS when the
// customer gave one (notifications, `case.created`, like every channel); the ticket is printed.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { caseAccess } from '../../modules/access/access.policy.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import type { CaseDto } from '../../modules/cases/cases.contract.ts';
import { loadVisibleCase } from '../../modules/cases/cases.read.ts';
import { getCase, openCase } from '../../modules/cases/cases.service.ts';
import { recordCustomerMessage } from '../../modules/cases/customer-messages.ts';
import { store } from '../../modules/org/org.schema.ts';
import type { OpenCounterCaseInput } from './counter.contract.ts';

/** The store the counter is at: the one named (theirs), else the only one the staff work at. */
async function counterStore(ctx: Ctx, actor: Actor, storeId: string | undefined): Promise<{ id: string; brandId: string }> {
  const id = storeId ?? (actor.scope.storeIds?.length === 1 ? actor.scope.storeIds[0] : undefined);
  if (!id) throw new AppError('validation_failed', 'storeId: name the store of this counter', { errors: [{ field: 'storeId', message: 'required' }] });
  const [found] = await ctx.db.select({ id: store.id, brandId: store.brandId }).from(store).where(eq(store.id, id));
  if (!found) throw new AppError('validation_failed', 'storeId: no such store', { errors: [{ field: 'storeId', message: 'unknown' }] });
  if (caseAccess(actor.scope, { brandId: found.brandId, storeId: found.id }) !== 'full') throw forbidden('You work at another store');
  return found;
}

export async function openCounterCase(ctx: Ctx, actor: Actor, input: OpenCounterCaseInput): Promise<CaseDto> {
  requirePermission(actor, 'cases.write');
  const at = await counterStore(ctx, actor, input.storeId);
  const opened = await openCase(ctx, actor, {
    customer: input.customer,
    subject: input.subject,
    message: input.message,
    channel: 'counter',
    brandId: at.brandId,
    storeId: at.id,
    reason: input.reason,
    priority: 'normal',
    tags: [],
    orderRef: input.orderRef,
    product: input.product,
    notifyVia: input.notifyVia,
  });
  return opened.case;
}

/**
 * The customer came to the counter about a case they have: what they say joins it as their
 * message on the counter channel (recorded by the staff, at that store), which reopens a
 * solved case and starts the next-answer clock, like a message on any channel. Store staff
 * may record it on a case opened online or at another store (history access): it is the
 * customer speaking, and the case stays where it is; everything else needs full access.
 */
export async function recordCounterVisit(ctx: Ctx, actor: Actor, caseId: string, input: { message: string; storeId?: string | undefined }): Promise<CaseDto> {
  requirePermission(actor, 'cases.write');
  const { row } = await loadVisibleCase(ctx, actor, caseId);
  const at = await counterStore(ctx, actor, input.storeId);
  if (at.brandId !== row.c.brandId) throw new AppError('validation_failed', 'storeId: the store belongs to another brand than the case', { errors: [{ field: 'storeId', message: 'belongs to another brand' }] });
  await recordCustomerMessage(ctx, caseId, { body: input.message, channel: 'counter', data: { recordedBy: actor.userId, storeId: at.id } });
  return getCase(ctx, actor, caseId);
}

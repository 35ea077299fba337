// What each step does to the world, and how it is undone. Every effect is written so that
// running it twice leaves one result (the rows are unique per workflow), because a job may run
// again after a crash between the effect and the commit of the step.
import { t, type Language } from '../../platform/i18n/i18n.ts';
import './workflow.words.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { systemActor } from '../access/actor.ts';
import { caseOrderLine } from '../commerce/commerce.schema.ts';
import { store } from '../org/org.schema.ts';
import { evaluateForCase } from '../policies/evaluate-case.ts';
import { drawDocumentNumber } from './document-numbers.ts';
import type { StepKey } from './workflow.machine.ts';
import type { Money, WorkflowEventInput } from './workflows.contract.ts';
import { refund, repair, returnAuthorisation, stockReservation, storeStock, workflow } from './workflows.schema.ts';

export type WorkflowRow = typeof workflow.$inferSelect;

/** A step that cannot succeed (no stock, a refund refused): the workflow undoes what it did. */
export class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

export interface StepOutputs {
  /** The outputs of the steps done so far, by key. */
  [key: string]: Record<string, unknown> | undefined;
}

/** The amount a refund or credit note step pays: the start's, or the one given when a repair failed. */
export function amountToPay(wf: WorkflowRow, outputs: StepOutputs): Money {
  const input = wf.input;
  if ('amount' in input && input.amount) return input.amount;
  const fromRepair = outputs.repair?.amount as Money | undefined;
  if (fromRepair) return fromRepair;
  throw new StepFailure('No amount to refund');
}

export function localDay(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The rulebook's refund deadline for the case, when its purchase is known and the verdict gives one. */
async function refundDueBy(tx: Ctx, wf: WorkflowRow): Promise<string | null> {
  const request = 'request' in wf.input && wf.input.request ? wf.input.request : wf.input.kind === 'return' ? 'withdrawal' : 'defect';
  try {
    const { verdict } = await evaluateForCase(tx, systemActor('workflows'), wf.caseId, { request });
    return verdict.refundDueBy;
  } catch {
    // No order line linked, or no law for the country: the refund has no legal deadline to show.
    return null;
  }
}

/** Runs a step that needs no event; returns what it recorded. */
export async function runStep(tx: Ctx, wf: WorkflowRow, key: StepKey, outputs: StepOutputs, lang: Language): Promise<Record<string, unknown>> {
  const now = tx.clock.now();
  const input = wf.input;
  switch (key) {
    case 'authorise': {
      const [existing] = await tx.db.select().from(returnAuthorisation).where(eq(returnAuthorisation.workflowId, wf.id));
      if (existing) return { rmaNumber: existing.number };
      if (input.kind !== 'return') throw new StepFailure('Only a return is authorised');
      const number = await drawDocumentNumber(tx, 'rma', now);
      await tx.db.insert(returnAuthorisation).values({ id: uuidv7(now.getTime()), workflowId: wf.id, caseId: wf.caseId, number, mode: input.mode, storeId: input.storeId ?? null, state: 'issued', createdAt: now, updatedAt: now });
      return { rmaNumber: number };
    }
    case 'label': {
      await tx.db.update(returnAuthorisation).set({ labelIssuedAt: now, labelVoidedAt: null, updatedAt: now }).where(eq(returnAuthorisation.workflowId, wf.id));
      return { label: true };
    }
    case 'drop_off': {
      if (input.kind !== 'return' || !input.storeId) throw new StepFailure('A drop-off needs a store');
      const [s] = await tx.db.select({ name: store.name }).from(store).where(eq(store.id, input.storeId));
      return { storeId: input.storeId, storeName: s?.name ?? null };
    }
    case 'refund':
      return recordFinanceRefund(tx, wf, outputs);
    case 'credit_note': {
      const [existing] = await tx.db.select().from(refund).where(eq(refund.workflowId, wf.id));
      if (existing) return { refundId: existing.id, number: existing.number };
      const money = amountToPay(wf, outputs);
      const number = await drawDocumentNumber(tx, 'credit_note', now);
      const id = uuidv7(now.getTime());
      await tx.db.insert(refund).values({ id, workflowId: wf.id, caseId: wf.caseId, kind: 'credit_note', method: 'credit_note', state: 'issued', number, amount: money.amount, currency: money.currency, createdAt: now, updatedAt: now });
      return { refundId: id, number };
    }
    case 'check_stock': {
      if (input.kind !== 'exchange_in_store') throw new StepFailure('Only an exchange checks stock');
      const [row] = await tx.db.select().from(storeStock).where(and(eq(storeStock.storeId, input.storeId), eq(storeStock.sku, input.sku)));
      const available = row ? row.onHand - row.reserved : 0;
      if (available < 1) throw new StepFailure(t(lang, 'workflows.fail.noStock', { sku: input.sku }));
      return { available };
    }
    case 'reserve': {
      if (input.kind !== 'exchange_in_store') throw new StepFailure('Only an exchange reserves stock');
      const [held] = await tx.db.select().from(stockReservation).where(eq(stockReservation.workflowId, wf.id));
      if (held) return { reservationId: held.id };
      const taken = await tx.db
        .update(storeStock)
        .set({ reserved: sql`${storeStock.reserved} + 1`, updatedAt: now })
        .where(and(eq(storeStock.storeId, input.storeId), eq(storeStock.sku, input.sku), sql`${storeStock.onHand} - ${storeStock.reserved} >= 1`))
        .returning({ sku: storeStock.sku });
      if (!taken.length) throw new StepFailure(t(lang, 'workflows.fail.stockTaken', { sku: input.sku }));
      const id = uuidv7(now.getTime());
      await tx.db.insert(stockReservation).values({ id, workflowId: wf.id, storeId: input.storeId, sku: input.sku, quantity: 1, state: 'held', createdAt: now, updatedAt: now });
      return { reservationId: id };
    }
    default:
      throw new StepFailure(`Step ${key} waits for an event`);
  }
}

/** The refund for finance to pay (not a Shopify order): "to be paid", with the law's deadline. */
export async function recordFinanceRefund(tx: Ctx, wf: WorkflowRow, outputs: StepOutputs, orderId: string | null = null): Promise<Record<string, unknown>> {
  const [existing] = await tx.db.select().from(refund).where(eq(refund.workflowId, wf.id));
  if (existing) return { refundId: existing.id, method: existing.method, state: existing.state, dueBy: existing.dueBy };
  const now = tx.clock.now();
  const money = amountToPay(wf, outputs);
  const dueBy = await refundDueBy(tx, wf);
  const id = uuidv7(now.getTime());
  await tx.db
    .insert(refund)
    .values({ id, workflowId: wf.id, caseId: wf.caseId, kind: 'refund', method: 'finance', state: 'to_be_paid', amount: money.amount, currency: money.currency, orderId, dueBy, createdAt: now, updatedAt: now });
  return { refundId: id, method: 'finance', state: 'to_be_paid', dueBy };
}

/** Reverses a done step's effect; returns what the timeline says about it. */
export async function undoStep(tx: Ctx, wf: WorkflowRow, key: StepKey, lang: Language): Promise<string> {
  const now = tx.clock.now();
  switch (key) {
    case 'authorise':
      await tx.db.update(returnAuthorisation).set({ state: 'cancelled', updatedAt: now }).where(eq(returnAuthorisation.workflowId, wf.id));
      return t(lang, 'workflows.undo.rma');
    case 'label':
      await tx.db.update(returnAuthorisation).set({ labelVoidedAt: now, updatedAt: now }).where(eq(returnAuthorisation.workflowId, wf.id));
      return t(lang, 'workflows.undo.label');
    case 'refund':
    case 'credit_note': {
      const [r] = await tx.db.select().from(refund).where(eq(refund.workflowId, wf.id));
      // Money already sent back through Shopify cannot be called back from here.
      if (r?.state === 'refunded') return t(lang, 'workflows.undo.refundMade');
      await tx.db.update(refund).set({ state: 'cancelled', updatedAt: now }).where(eq(refund.workflowId, wf.id));
      return t(lang, key === 'refund' ? 'workflows.undo.refund' : 'workflows.undo.creditNote');
    }
    case 'reserve': {
      const released = await tx.db
        .update(stockReservation)
        .set({ state: 'released', updatedAt: now })
        .where(and(eq(stockReservation.workflowId, wf.id), eq(stockReservation.state, 'held')))
        .returning();
      for (const r of released) {
        await tx.db
          .update(storeStock)
          .set({ reserved: sql`greatest(0, ${storeStock.reserved} - ${r.quantity})`, updatedAt: now })
          .where(and(eq(storeStock.storeId, r.storeId), eq(storeStock.sku, r.sku)));
      }
      return t(lang, 'workflows.undo.reservation');
    }
    default:
      return t(lang, 'workflows.undo.nothing');
  }
}

/** The effect of an event that completes a waiting step (a parcel received, a handover…). */
export async function applyEventEffect(tx: Ctx, wf: WorkflowRow, key: StepKey, event: WorkflowEventInput): Promise<Record<string, unknown>> {
  const now = tx.clock.now();
  switch (key) {
    case 'receive':
      await tx.db.update(returnAuthorisation).set({ state: 'received', receivedAt: now, updatedAt: now }).where(eq(returnAuthorisation.workflowId, wf.id));
      return {};
    case 'handover': {
      const handed = await tx.db
        .update(stockReservation)
        .set({ state: 'handed_over', updatedAt: now })
        .where(and(eq(stockReservation.workflowId, wf.id), eq(stockReservation.state, 'held')))
        .returning();
      for (const r of handed) {
        await tx.db
          .update(storeStock)
          .set({ onHand: sql`greatest(0, ${storeStock.onHand} - ${r.quantity})`, reserved: sql`greatest(0, ${storeStock.reserved} - ${r.quantity})`, updatedAt: now })
          .where(and(eq(storeStock.storeId, r.storeId), eq(storeStock.sku, r.sku)));
      }
      return {};
    }
    case 'dispatch': {
      if (wf.input.kind !== 'repair') return {};
      const [line] = await tx.db.select({ id: caseOrderLine.orderLineId }).from(caseOrderLine).where(eq(caseOrderLine.caseId, wf.caseId)).orderBy(desc(caseOrderLine.linkedAt)).limit(1);
      await tx.db
        .insert(repair)
        .values({ id: uuidv7(now.getTime()), workflowId: wf.id, caseId: wf.caseId, orderLineId: line?.id ?? null, repairer: wf.input.repairer, trackingNumber: event.trackingNumber ?? null, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
      return {};
    }
    case 'repair': {
      const completedAt = event.success ? localDay(tx.config.defaults.timezone, now) : null;
      await tx.db.update(repair).set({ outcome: event.success ? 'repaired' : 'failed', completedAt, updatedAt: now }).where(eq(repair.workflowId, wf.id));
      return completedAt ? { completedAt } : {};
    }
    default:
      return {};
  }
}

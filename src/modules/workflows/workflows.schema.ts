// Returns, exchanges, repairs and refunds as workflows: a named sequence of steps run for a
// case, each step recorded with its state (done, current, failed, undone), and the things the
// steps create — return authorisations (RMA numbers), refunds and credit notes, stock
// reservations, repairs — in their own rows, each unique per workflow so that a job retry or a
// double click never makes a second one.
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { savCase } from '../cases/cases.schema.ts';
import { order } from '../commerce/commerce.schema.ts';
import { store } from '../org/org.schema.ts';
import { refundStates, stepStates, workflowKinds, workflowStates, type WorkflowInput } from './workflows.contract.ts';

export const workflow = pgTable(
  'workflow',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    kind: text('kind', { enum: workflowKinds }).notNull(),
    state: text('state', { enum: workflowStates }).notNull(),
    /** What it was started with (checked by the contract's zod shape). */
    input: jsonb('input').$type<WorkflowInput>().notNull(),
    /** The case's SAV step when the workflow started: where a failed or cancelled one puts it back. */
    stepBefore: text('step_before'),
    /** Why it failed or was cancelled, in words for the agent. */
    failure: text('failure'),
    startedBy: uuid('started_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('workflow_case_idx').on(t.caseId, t.createdAt),
    // One workflow running per case at a time: two would move the same case step against each other.
    uniqueIndex('workflow_case_running_key').on(t.caseId).where(sql`state = 'running'`),
  ],
);

/** The workflow a row belongs to, and its case: every row a step makes carries both. */
const workflowRef = () =>
  uuid('workflow_id')
    .notNull()
    .references(() => workflow.id);
const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => savCase.id);

export const workflowStep = pgTable(
  'workflow_step',
  {
    workflowId: workflowRef(),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    state: text('state', { enum: stepStates }).notNull(),
    /** What the step recorded (tracking number, RMA number, refund id…). */
    output: jsonb('output').$type<Record<string, unknown>>().notNull().default({}),
    /** The last error of a failed step, or why it was skipped. */
    detail: text('detail'),
    startedAt: instant('started_at'),
    doneAt: instant('done_at'),
    undoneAt: instant('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.position] })],
);

/** The last number drawn per document kind and year (RMA-2026-000123, AV-2026-000001). */
export const documentCounter = pgTable(
  'document_counter',
  {
    kind: text('kind', { enum: ['rma', 'credit_note'] }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

export const returnAuthorisation = pgTable(
  'return_authorisation',
  {
    id: uuid('id').primaryKey(),
    workflowId: workflowRef(),
    caseId: caseRef(),
    number: text('number').notNull(),
    mode: text('mode', { enum: ['label', 'drop_off'] }).notNull(),
    /** Drop-off: the store (of kind store) the customer brings it to. */
    storeId: uuid('store_id').references(() => store.id),
    state: text('state', { enum: ['issued', 'received', 'cancelled'] }).notNull(),
    /** The prepaid label was produced at; voided when the return is undone. */
    labelIssuedAt: instant('label_issued_at'),
    labelVoidedAt: instant('label_voided_at'),
    receivedAt: instant('received_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('return_authorisation_workflow_key').on(t.workflowId), uniqueIndex('return_authorisation_number_key').on(t.number)],
);

/** A refund on the original payment (Shopify) or for finance to pay, or a credit note (avoir). */
export const refund = pgTable(
  'workflow_refund',
  {
    id: uuid('id').primaryKey(),
    workflowId: workflowRef(),
    caseId: caseRef(),
    kind: text('kind', { enum: ['refund', 'credit_note'] }).notNull(),
    /** shopify: refundCreate on the order; finance: paid by the finance team; credit_note: an avoir. */
    method: text('method', { enum: ['shopify', 'finance', 'credit_note'] }).notNull(),
    state: text('state', { enum: refundStates }).notNull(),
    /** Credit notes: AV-2026-000001. */
    number: text('number'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    orderId: uuid('order_id').references(() => order.id),
    /** The law's deadline when the verdict gave one (refundDueBy). */
    dueBy: date('due_by', { mode: 'string' }),
    providerRefundId: text('provider_refund_id'),
    detail: text('detail'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workflow_refund_workflow_key').on(t.workflowId), uniqueIndex('workflow_refund_number_key').on(t.number)],
);

/** What a store has of a product, by SKU: on hand, and held for exchanges not yet handed over. */
export const storeStock = pgTable(
  'store_stock',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => store.id),
    sku: text('sku').notNull(),
    onHand: integer('on_hand').notNull(),
    reserved: integer('reserved').notNull().default(0),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.sku] })],
);

export const stockReservation = pgTable(
  'stock_reservation',
  {
    id: uuid('id').primaryKey(),
    workflowId: workflowRef(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => store.id),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    state: text('state', { enum: ['held', 'released', 'handed_over'] }).notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('stock_reservation_workflow_key').on(t.workflowId)],
);

/** A repair: where it went, its outcome, and when it was completed (the law's +6 months start then). */
export const repair = pgTable(
  'workflow_repair',
  {
    id: uuid('id').primaryKey(),
    workflowId: workflowRef(),
    caseId: caseRef(),
    orderLineId: uuid('order_line_id'),
    repairer: text('repairer', { enum: ['technical_sav', 'manufacturer'] }).notNull(),
    trackingNumber: text('tracking_number'),
    outcome: text('outcome', { enum: ['repaired', 'failed'] }),
    /** The consumer's calendar day the repaired product was handed back. */
    completedAt: date('completed_at', { mode: 'string' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workflow_repair_workflow_key').on(t.workflowId), index('workflow_repair_case_idx').on(t.caseId)],
);

// The workflows API's shapes, shared with the web app: what starts a workflow of each kind,
// the events that move its waiting steps, and how a workflow and its steps are shown.
import { z } from 'zod';

export const workflowKinds = ['return', 'exchange_in_store', 'repair', 'refund', 'credit_note'] as const;
export type WorkflowKind = (typeof workflowKinds)[number];

export const workflowStates = ['running', 'completed', 'failed', 'cancelled'] as const;
export type WorkflowState = (typeof workflowStates)[number];

/** pending: not reached; current: running or waiting; undone: its effect was reversed by a later failure. */
export const stepStates = ['pending', 'current', 'done', 'failed', 'undone', 'skipped'] as const;
export type StepState = (typeof stepStates)[number];

/** pending: being sent to Shopify; to_be_paid: for finance; issued: a credit note. */
export const refundStates = ['pending', 'refunded', 'to_be_paid', 'issued', 'failed', 'cancelled'] as const;
export type RefundState = (typeof refundStates)[number];

export const workflowEventTypes = [
  'parcel_received',
  'inspected',
  'dispatched',
  'diagnosed',
  'part_received',
  'repair_done',
  'replacement_delivered',
  'returned_to_customer',
  'handed_over',
  'handover_cancelled',
] as const;
export type WorkflowEventType = (typeof workflowEventTypes)[number];

const money = z.strictObject({
  amount: z.number().int().positive().max(100_000_000).describe('In the currency’s smallest unit (cents)'),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof money>;

const request = z.enum(['withdrawal', 'defect']).describe('What the customer asked for: the rulebook’s refund deadline depends on it');

export const workflowStartBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('return'),
    mode: z.enum(['label', 'drop_off']).describe('A prepaid return label, or drop-off at a store'),
    storeId: z.uuid().optional().describe('Drop-off: the store (of kind store) the customer brings it to'),
    settlement: z.enum(['refund', 'credit_note']).describe('What the customer gets once the return is inspected'),
    amount: money,
    request: request.optional(),
  }),
  z.strictObject({
    kind: z.literal('exchange_in_store'),
    storeId: z.uuid().describe('The store that hands over the replacement'),
    sku: z.string().trim().min(1).max(100).describe('The product given in exchange'),
  }),
  z.strictObject({
    kind: z.literal('repair'),
    repairer: z.enum(['technical_sav', 'manufacturer']),
  }),
  z.strictObject({ kind: z.literal('refund'), amount: money, request: request.optional() }),
  z.strictObject({ kind: z.literal('credit_note'), amount: money }),
]);
export type WorkflowStartInput = z.infer<typeof workflowStartBody>;
/** What a workflow row keeps of its start. */
export type WorkflowInput = WorkflowStartInput;

export const workflowEventBody = z.strictObject({
  type: z.enum(workflowEventTypes),
  /** inspected: the returned product is as expected (false: the return is refused and undone). */
  accepted: z.boolean().optional(),
  /** dispatched, returned_to_customer: the carrier's tracking number. */
  trackingNumber: z.string().trim().min(1).max(100).optional(),
  /** diagnosed: a part must be ordered first. */
  needsPart: z.boolean().optional(),
  /** repair_done: false when the product could not be repaired… */
  success: z.boolean().optional(),
  /** …and then what the customer gets instead. */
  fallback: z.enum(['replace', 'refund']).optional(),
  /** repair_done with fallback refund: the amount. */
  amount: money.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type WorkflowEventInput = z.infer<typeof workflowEventBody>;

export const workflowCancelBody = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });

const instant = z.iso.datetime({ offset: true });

export const workflowStepSchema = z.object({
  position: z.number().int(),
  key: z.string().describe('authorise, label, drop_off, receive, inspect, refund, credit_note, check_stock, reserve, handover, dispatch, diagnosis, awaiting_part, repair, replacement, return_to_customer'),
  state: z.enum(stepStates),
  waitsFor: z.enum(workflowEventTypes).array().describe('The events that complete it when it is current (empty: it runs by itself)'),
  output: z.record(z.string(), z.unknown()),
  detail: z.string().nullable(),
  startedAt: instant.nullable(),
  doneAt: instant.nullable(),
  undoneAt: instant.nullable(),
});

export const workflowSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(workflowKinds),
    state: z.enum(workflowStates),
    input: z.record(z.string(), z.unknown()),
    failure: z.string().nullable(),
    steps: z.array(workflowStepSchema),
    rma: z
      .object({ number: z.string(), mode: z.enum(['label', 'drop_off']), state: z.string(), storeId: z.uuid().nullable(), storeName: z.string().nullable(), labelUrl: z.string().nullable() })
      .nullable(),
    refund: z
      .object({
        kind: z.enum(['refund', 'credit_note']),
        method: z.enum(['shopify', 'finance', 'credit_note']),
        state: z.enum(refundStates),
        number: z.string().nullable(),
        amount: z.number().int(),
        currency: z.string(),
        dueBy: z.iso.date().nullable(),
        creditNoteUrl: z.string().nullable(),
      })
      .nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Workflow' });
export type WorkflowDto = z.infer<typeof workflowSchema>;

export const workflowListSchema = z.object({ items: z.array(workflowSchema) });

export const stockParams = z.strictObject({ id: z.uuid(), sku: z.string().min(1).max(100) });
export const stockBody = z.strictObject({ onHand: z.number().int().min(0).max(1_000_000) });
export const stockSchema = z.object({ storeId: z.uuid(), sku: z.string(), onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() }).meta({ id: 'StoreStock' });

/** What the customer sees of a workflow on the tracking page. */
export const trackedWorkflowSchema = z.object({
  kind: z.enum(workflowKinds),
  title: z.string(),
  rmaNumber: z.string().nullable(),
  dropOff: z.string().nullable().describe('Where to bring the product, in words'),
  labelUrl: z.string().nullable().describe('The prepaid return label, with the tracking token: no login'),
  stage: z.string().describe('Where the workflow stands, in words'),
  refund: z.object({ text: z.string(), dueBy: z.iso.date().nullable() }).nullable(),
});
export type TrackedWorkflow = z.infer<typeof trackedWorkflowSchema>;


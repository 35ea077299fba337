// The cases API's shapes, shared with the web app.
import { z } from 'zod';
import { deliverySchema } from '../notifications/notifications.contract.ts';
import { clockSchema } from '../sla/sla.contract.ts';
import { periodTimeZone, relativePeriod } from './relative-periods.contract.ts';

export const caseStatuses = ['new', 'open', 'waiting_customer', 'waiting_third_party', 'solved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const openStatuses = ['new', 'open', 'waiting_customer', 'waiting_third_party'] as const satisfies readonly CaseStatus[];

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export const channels = [
  'email',
  'webform',
  'chat',
  'phone',
  'sms',
  'whatsapp',
  'messenger',
  'instagram',
  'facebook',
  'x',
  'counter',
  'marketplace',
  'api',
] as const;
export type Channel = (typeof channels)[number];

/** Channels the customer can choose for step news from the tracking page. */
export const notifyChannels = ['email', 'sms'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];

export const eventTypes = [
  'case_created',
  'message_in',
  'message_out',
  'note',
  'status_changed',
  'step_changed',
  'assignment_changed',
  'priority_changed',
  'reason_changed',
  'tags_changed',
  'fields_changed',
  'customer_changed',
  /** An SLA clock started, paused, resumed, was achieved, warned, breached or escalated. */
  'sla_clock',
  /**
   * A phone call put on the case (src/channels/phone/): direction, number, duration, the agent's
   * summary. Not a message_in/out: a call is not a text the customer or we wrote, so it must not
   * count as a customer message or a written answer, nor be sent to the customer as a reply.
   */
  'call_logged',
  /** Cases merged into this one, or this one merged into another (src/modules/collab/case-merge.ts). */
  'case_merged',
  /** Customer messages split off into a new case, or this case opened from another's messages. */
  'case_split',
  /** A related case linked, or a link removed (src/modules/collab/case-links.ts). */
  'case_linked',
  'case_unlinked',
  /** The case linked to the order line it is about, or unlinked (src/modules/commerce/case-order-lines.ts). */
  'order_line_linked',
  'order_line_unlinked',
  /** A customer message read as a dispute (formal notice, chargeback, lawyer…): flagged, routed (src/modules/disputes/). */
  'dispute_flagged',
  /** The back-and-forth of the case reached the effort threshold (again): the agent and the manager are warned. */
  'effort_warning',
  /** The customer answered the satisfaction survey of the closing message (src/modules/surveys/). */
  'survey_answered',
  /** A step of a return, exchange, repair or refund workflow started, done, failed or undone (src/modules/workflows/). */
  'workflow_step',
  /** A goodwill gesture granted on the case: voucher, express delivery, points… (src/modules/gestures/). */
  'gesture_granted',
  /** Something beyond the agent's authority asked of a manager, and the decision on it (src/modules/gestures/). */
  'approval_requested',
  'approval_decided',
] as const;
export type EventType = (typeof eventTypes)[number];

/**
 * Who holds the case now, as the tracking page says it: the team working it, the store, the
 * carrier, the supplier or manufacturer, or the customer (a quote to approve, a reply awaited).
 */
export const holders = ['team', 'store', 'carrier', 'supplier', 'customer'] as const;
export type Holder = (typeof holders)[number];

export const actorTypes = ['user', 'customer', 'system', 'integration'] as const;
export type ActorType = (typeof actorTypes)[number];

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
export const tag = z.string().trim().toLowerCase().regex(/^[\p{L}\p{N}_:-]{1,50}$/u, 'letters, digits, _ : - (max 50)');

export const labelled = z.object({ id, key: z.string(), label: z.string() });

export const caseSchema = z
  .object({
    id,
    number: z.string().describe('SAV-2026-000123'),
    subject: z.string(),
    status: z.enum(caseStatuses),
    priority: z.enum(priorities),
    channel: z.enum(channels),
    language: z.enum(['fr', 'en']),
    tags: z.array(z.string()),
    customer: z.object({ id, displayName: z.string() }),
    brandId: id,
    storeId: id.nullable(),
    teamId: id.nullable(),
    assigneeId: id.nullable(),
    reason: labelled.nullable(),
    step: labelled.nullable(),
    orderRef: z.string().nullable(),
    product: z.string().nullable(),
    holder: z.enum(holders).describe('Who holds the case now'),
    notifyVia: z.enum(notifyChannels).nullable(),
    clocks: z.array(clockSchema).describe('Its SLA clocks: target, deadline, state, time left or overdue'),
    customerMessageCount: z.number().int(),
    agentMessageCount: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    lastActivityAt: instant,
    firstAgentReplyAt: instant.nullable(),
    solvedAt: instant.nullable(),
    closedAt: instant.nullable(),
    version: z.number().int().describe('Send back in If-Match to refuse a change made meanwhile'),
    access: z.enum(['full', 'history']).describe('history: another store’s case in the shared history, read-only, no internal notes'),
    mergedIntoId: id.nullable().describe('Set once this case was merged into another (it is then closed)'),
  })
  .meta({ id: 'Case' });
export type CaseDto = z.infer<typeof caseSchema>;

export const attachmentSchema = z
  .object({
    id,
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    visibility: z.enum(['public', 'internal']),
    url: z.string().describe('Download address (agents: with their credentials)'),
  })
  .meta({ id: 'Attachment' });

export const caseEventSchema = z
  .object({
    id,
    caseId: id,
    type: z.enum(eventTypes),
    at: instant,
    actor: z.object({
      type: z.enum(actorTypes),
      id: id.nullable(),
      name: z.string().nullable(),
    }),
    channel: z.enum(channels).nullable(),
    visibility: z.enum(['public', 'internal']),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    delivery: deliverySchema.nullable().describe('Outgoing messages: how their delivery to the customer went'),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'CaseEvent' });
export type CaseEventDto = z.infer<typeof caseEventSchema>;

const customerRef = z.union([
  z.strictObject({ id }),
  z
    .strictObject({
      firstName: z.string().trim().min(1).max(200).optional(),
      lastName: z.string().trim().min(1).max(200).optional(),
      displayName: z.string().trim().min(1).max(200).optional(),
      email: z.string().trim().max(320).optional(),
      phone: z.string().trim().max(40).optional(),
      language: z.enum(['fr', 'en']).optional(),
    })
    .refine((c) => c.email || c.phone || c.displayName || c.lastName, { message: 'give an e-mail, a phone or a name' }),
]);

export const createCaseBody = z.strictObject({
  customer: customerRef.describe('An existing customer id, or contact details: an existing customer with that e-mail or phone is reused'),
  subject: z.string().trim().min(1).max(300),
  message: z.string().trim().min(1).max(100_000).optional().describe('The customer’s request, as the first message of the timeline'),
  channel: z.enum(channels).default('api'),
  brandId: id.optional().describe('Defaults to the store’s brand, or to the only brand'),
  storeId: id.optional(),
  reason: z.string().max(60).optional().describe('Contact reason key, e.g. breakdown'),
  priority: z.enum(priorities).default('normal'),
  teamId: id.optional(),
  assigneeId: id.optional(),
  tags: z.array(tag).max(30).default([]),
  language: z.enum(['fr', 'en']).optional().describe('Defaults to the customer’s language'),
  orderRef: z.string().trim().max(100).optional(),
  product: z.string().trim().min(1).max(300).optional().describe('The product concerned, e.g. "Programmateur Gardena Flex"'),
  notifyVia: z.enum(notifyChannels).optional().describe('Where the customer wants step news (default: the case’s channel, else e-mail, else SMS)'),
});
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const updateCaseBody = z
  .strictObject({
    subject: z.string().trim().min(1).max(300).optional(),
    status: z.enum(caseStatuses).optional(),
    step: z.string().max(60).nullable().optional().describe('SAV step key, e.g. diagnosis'),
    reason: z.string().max(60).nullable().optional(),
    priority: z.enum(priorities).optional(),
    teamId: id.nullable().optional(),
    assigneeId: id.nullable().optional(),
    storeId: id.nullable().optional(),
    tags: z.array(tag).max(30).optional(),
    language: z.enum(['fr', 'en']).optional(),
    orderRef: z.string().trim().max(100).nullable().optional(),
    product: z.string().trim().min(1).max(300).nullable().optional(),
    holder: z.enum(holders).nullable().optional().describe('Who holds the case now, when it differs from its step’s usual holder (null: the step’s)'),
    notifyVia: z.enum(notifyChannels).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateCaseInput = z.infer<typeof updateCaseBody>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

/** slaDueAt: the most urgent first (breached, then the nearest running deadline, then none). */
export const caseSortOrders = ['-lastActivityAt', '-createdAt', 'createdAt', '-priority', 'slaDueAt'] as const;
export type CaseSortOrder = (typeof caseSortOrders)[number];

/**
 * A case's SLA state, from its clocks: breached (a clock still unmet passed its deadline),
 * due soon (the nearest running deadline is within slaDueSoonMs), on time, or none (no clock
 * running: none applies, all were met, or they are paused while waiting for the customer).
 */
export const slaStates = ['breached', 'due_soon', 'on_time', 'none'] as const;
export type SlaState = (typeof slaStates)[number];
export const slaDueSoonMs = 2 * 3_600_000;

/** What the case list filters on, item by item (shared by the query string and saved views). */
export const caseFilterItems = {
  status: z.enum([...caseStatuses, 'open_all']),
  teamId: z.union([id, z.enum(['none', 'mine'])]).describe('A team, none, or mine: the teams the user belongs to'),
  assigneeId: z.union([id, z.enum(['me', 'none'])]),
  storeId: z.union([id, z.literal('none')]),
  brandId: id,
  channel: z.enum(channels),
  priority: z.enum(priorities),
  reason: z.string().max(60),
  step: z.string().max(60),
  tag: z.string().trim().toLowerCase().max(50),
  sla: z.enum(slaStates),
  language: z.enum(['fr', 'en']),
  period: relativePeriod,
};

export const caseListQuery = z.strictObject({
  status: csv(caseFilterItems.status).optional().describe('Comma-separated; open_all = every open status'),
  teamId: caseFilterItems.teamId.optional(),
  assigneeId: caseFilterItems.assigneeId.optional(),
  storeId: csv(caseFilterItems.storeId).optional().describe('Comma-separated store ids; none = cases without a store (the web)'),
  brandId: csv(caseFilterItems.brandId).optional().describe('Comma-separated'),
  customerId: id.optional(),
  channel: csv(caseFilterItems.channel).optional(),
  priority: csv(caseFilterItems.priority).optional(),
  reason: csv(caseFilterItems.reason).optional().describe('Comma-separated contact reason keys'),
  step: csv(caseFilterItems.step).optional().describe('Comma-separated SAV step keys'),
  tag: csv(caseFilterItems.tag).optional().describe('Comma-separated: cases carrying every one of these tags'),
  sla: csv(caseFilterItems.sla).optional().describe('Comma-separated SLA states: breached, due_soon (within 2 hours), on_time, none'),
  language: caseFilterItems.language.optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional().describe('Exclusive'),
  activityFrom: instant.optional().describe('Last activity at or after'),
  activityTo: instant.optional().describe('Last activity before (exclusive)'),
  createdPeriod: caseFilterItems.period.optional().describe('Opened in a period relative to today (last_7_days, this_month, older_than_30_days…), in timeZone'),
  activityPeriod: caseFilterItems.period.optional().describe('Last activity in a period relative to today, in timeZone'),
  timeZone: periodTimeZone.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Full-text search in messages and notes (French and English, accent-insensitive), or a case number'),
  sort: z.enum(caseSortOrders).default('-lastActivityAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const postMessageBody = z.strictObject({
  kind: z.enum(['reply', 'note']).describe('reply: public answer to the customer; note: internal, never shown to the customer'),
  body: z.string().trim().min(1).max(100_000),
  channel: z.enum(channels).optional().describe('Replies: the channel to answer on; defaults to the case’s channel'),
  status: z.enum(caseStatuses).optional().describe('Set the status in the same step, e.g. waiting_customer'),
  attachmentIds: z.array(id).max(20).optional().describe('Files uploaded with POST /cases/{id}/attachments, sent with this message'),
  mentions: z.array(id).max(20).optional().describe('Notes: the colleagues @mentioned (user ids); each is notified'),
  macroId: id.optional().describe('Replies: the macro the text came from; its actions (status, step, tags) are applied with the reply'),
  audience: z
    .enum(['public', 'private'])
    .optional()
    .describe('Replies on X or Facebook: under the customer’s post for all to see (public), or in private messages; defaults to how the customer last wrote on that channel'),
  allowPersonalData: z
    .boolean()
    .optional()
    .describe('Public replies: send even though the text holds personal data (an e-mail, a phone number, an address, an order number); without it such a reply is refused (422 personal-data-in-public)'),
  template: z
    .strictObject({ name: z.string().min(1).max(512), language: z.string().min(2).max(15), variables: z.array(z.string().max(1024)).max(20).default([]) })
    .optional()
    .describe('WhatsApp replies outside the 24-hour window: the approved template to send, with its variables'),
  seenEventId: z
    .uuid()
    .optional()
    .describe('The latest timeline event the writer had seen when they began: a message by someone else since then refuses the post (409 case-changed-meanwhile); send the latestEventId of that problem to send anyway'),
});

export const eventListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(500).optional(),
});

export const referenceItemSchema = z
  .object({ id, key: z.string(), labelFr: z.string(), labelEn: z.string(), position: z.number().int(), active: z.boolean(), final: z.boolean().optional() })
  .meta({ id: 'ReferenceItem' });

// Cases (the case row holds the current state), their append-only timeline, and the
// configurable lists they refer to (contact reasons, SAV steps).
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { customer } from '../customers/customers.schema.ts';
import { brand, store, team } from '../org/org.schema.ts';

import {
  actorTypes,
  caseStatuses,
  channels,
  eventTypes,
  holders,
  notifyChannels,
  openStatuses,
  priorities,
  type ActorType,
  type CaseStatus,
  type Channel,
  type EventType,
  type Priority,
} from './cases.contract.ts';
export { actorTypes, caseStatuses, channels, eventTypes, holders, notifyChannels, openStatuses, priorities };
export type { ActorType, CaseStatus, Channel, EventType, Priority };

export const contactReason = pgTable(
  'contact_reason',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('contact_reason_key_key').on(t.key)],
);

export const caseStep = pgTable(
  'case_step',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    position: integer('position').notNull().default(0),
    /** A final step (clôturé) is shown last on the tracking page. */
    final: boolean('final').notNull().default(false),
    /** Who usually holds a case at this step (waiting for a part: the supplier); a case may say otherwise. */
    holder: text('holder', { enum: holders }).notNull().default('team'),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('case_step_key_key').on(t.key)],
);

const openStatusSql = sql.raw(`status IN (${openStatuses.map((s) => `'${s}'`).join(', ')})`);
/** How urgent a case is for its SLA: its breach, else its nearest running deadline, else never. */
export const caseUrgencySql = sql.raw(`coalesce(least(sla_breached_at, sla_due_at), 'infinity'::timestamptz)`);

export const savCase = pgTable(
  'sav_case',
  {
    id: uuid('id').primaryKey(),
    /** SAV-2026-000123: prefix, year, sequence of that year (never reused). */
    number: text('number').notNull(),
    year: smallint('year').notNull(),
    seq: integer('seq').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brand.id),
    storeId: uuid('store_id').references(() => store.id),
    channel: text('channel', { enum: channels }).notNull(),
    reasonId: uuid('reason_id').references(() => contactReason.id),
    priority: text('priority', { enum: priorities }).notNull().default('normal'),
    status: text('status', { enum: caseStatuses }).notNull().default('new'),
    stepId: uuid('step_id').references(() => caseStep.id),
    teamId: uuid('team_id').references(() => team.id),
    assigneeId: uuid('assignee_id').references(() => appUser.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    subject: text('subject').notNull(),
    /** The order number the customer gave, as written. */
    orderRef: text('order_ref'),
    /** The product concerned, as the customer or the agent named it (until orders bring SKUs). */
    product: text('product'),
    /** Where the customer wants step news: e-mail or sms (null: the case's own channel when it can carry them). */
    notifyVia: text('notify_via', { enum: notifyChannels }),
    /** Who holds the case now, when it differs from its step's usual holder. */
    holder: text('holder', { enum: holders }),
    /** The earliest deadline of its running SLA clocks (inbox sort, "breaching soon"). */
    slaDueAt: instant('sla_due_at'),
    /**
     * When the earliest of its SLA clocks still unmet was breached (null: none is): a breached
     * clock stops running, so sla_due_at forgets it; this keeps the inbox's SLA state (breached,
     * due soon, on time, none) a fact of the case row, counted without reading the clocks.
     */
    slaBreachedAt: instant('sla_breached_at'),
    trackingTokenHash: text('tracking_token_hash').notNull(),
    /** The tracking token sealed with the server key, so the link can be sent again later. */
    trackingTokenSealed: text('tracking_token_sealed').notNull(),
    lastActivityAt: instant('last_activity_at').notNull(),
    lastCustomerMessageAt: instant('last_customer_message_at'),
    firstAgentReplyAt: instant('first_agent_reply_at'),
    lastAgentReplyAt: instant('last_agent_reply_at'),
    solvedAt: instant('solved_at'),
    closedAt: instant('closed_at'),
    customerMessageCount: integer('customer_message_count').notNull().default(0),
    agentMessageCount: integer('agent_message_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => savCase.id),
    /** Incremented on every change; clients send it back in If-Match to avoid lost updates. */
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('sav_case_number_key').on(t.number),
    uniqueIndex('sav_case_tracking_key').on(t.trackingTokenHash),
    index('sav_case_team_inbox_idx').on(t.teamId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openStatusSql),
    index('sav_case_assignee_inbox_idx').on(t.assigneeId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openStatusSql),
    index('sav_case_store_idx').on(t.storeId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('sav_case_status_idx').on(t.status, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('sav_case_activity_idx').on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('sav_case_customer_idx').on(t.customerId, t.createdAt.desc().nullsFirst()),
    index('sav_case_tags_idx').using('gin', t.tags),
    index('sav_case_sla_due_idx').on(t.slaDueAt).where(sql`sla_due_at IS NOT NULL`),
    index('sav_case_sla_breached_idx').on(t.slaBreachedAt).where(sql`sla_breached_at IS NOT NULL`),
    // The inbox sorted by urgency (caseSortOrders 'slaDueAt'): breached first, then the nearest deadline.
    index('sav_case_urgency_idx').on(caseUrgencySql, t.id).where(openStatusSql),
  ],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const caseEvent = pgTable(
  'case_event',
  {
    /** UUIDv7: orders events of a case and doubles as the SSE event id. */
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    type: text('type', { enum: eventTypes }).notNull(),
    at: instant('at').notNull(),
    actorType: text('actor_type', { enum: actorTypes }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorCustomerId: uuid('actor_customer_id').references(() => customer.id),
    channel: text('channel', { enum: channels }),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * French and English full-text vectors of messages and notes (accent-insensitive configs).
     * Messages Comptoir writes itself (acknowledgments, notices) are left out: the same words
     * on every case would only make searches match everything, and indexing them doubled the
     * database's cost of opening a case (measured).
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`CASE WHEN body_text IS NOT NULL AND actor_type <> 'system' THEN to_tsvector('comptoir_fr'::regconfig, coalesce(data ->> 'subject', '') || ' ' || body_text) || to_tsvector('comptoir_en'::regconfig, coalesce(data ->> 'subject', '') || ' ' || body_text) END`,
    ),
  },
  (t) => [
    index('case_event_case_idx').on(t.caseId, t.id),
    index('case_event_search_idx').using('gin', t.search),
  ],
);

/** Files customers and agents attach to messages (photos of a broken product, invoices). */
export const caseAttachment = pgTable(
  'case_attachment',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    /** The message it came with. */
    eventId: uuid('event_id').references(() => caseEvent.id),
    filename: text('filename').notNull(),
    /** Checked against the file's first bytes, not taken from the sender. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Where the blob store keeps it. */
    blobKey: text('blob_key').notNull(),
    /** Public: the customer sees it on the tracking page; internal: agents only. */
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull().default('public'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('case_attachment_case_idx').on(t.caseId), index('case_attachment_event_idx').on(t.eventId)],
);

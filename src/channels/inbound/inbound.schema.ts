// Every inbound message, stored raw and once before anything else happens to it, keyed by
// (channel account, provider message id): a provider's retry, a second delivery or a worker
// killed mid-way never makes two. Processing (normalise, find the customer and the case,
// write the timeline) runs from here in a job, and says how it ended.
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { caseEvent, savCase } from '../../modules/cases/cases.schema.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';

import { inboundStates, type InboundState } from './inbound.contract.ts';
export { inboundStates, type InboundState };

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const inboundMessage = pgTable(
  'inbound_message',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => channelAccount.id),
    channel: text('channel').notNull(),
    /** The provider's id of the message (e-mail Message-ID, tweet id…), or a digest of the raw bytes when it has none. */
    providerId: text('provider_id').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Exactly what arrived (the MIME source, the webhook body). */
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    /** A few facts for people looking at the queue: from, to, subject… */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state', { enum: inboundStates }).notNull().default('received'),
    /** Why it was ignored or failed; what it was flagged for. */
    detail: text('detail'),
    caseId: uuid('case_id').references(() => savCase.id),
    eventId: uuid('event_id').references(() => caseEvent.id),
    processedAt: instant('processed_at'),
  },
  (t) => [
    uniqueIndex('inbound_message_provider_key').on(t.accountId, t.providerId),
    index('inbound_message_account_idx').on(t.accountId, t.receivedAt),
    index('inbound_message_state_idx').on(t.state, t.receivedAt).where(sql`state IN ('received', 'failed')`),
  ],
);

/**
 * What a provider's message ids point to: our outgoing e-mails' Message-IDs and the customers'
 * ones, so a reply's In-Reply-To or References finds its case (and a bounce its message).
 */
export const messageRef = pgTable(
  'message_ref',
  {
    channel: text('channel').notNull(),
    ref: text('ref').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    eventId: uuid('event_id').references(() => caseEvent.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.ref] }), index('message_ref_case_idx').on(t.caseId)],
);

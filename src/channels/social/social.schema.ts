// Every message on a social or messaging network (X, Facebook, Messenger, Instagram, WhatsApp,
// SMS, marketplaces), in and out, beside its timeline event: which account it came by, whether
// the world saw it, who wrote it and how loud they are, how urgent triage found it, and when
// we first answered. The social inbox reads the public ones, the response measurement reads
// the answer times, and a reply finds the message it answers here.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { caseEvent, savCase } from '../../modules/cases/cases.schema.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';

export const socialMessage = pgTable(
  'social_message',
  {
    /** The timeline event's id: one row per message event. */
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => caseEvent.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => channelAccount.id),
    /** The case channel: x, facebook, messenger, instagram, whatsapp, sms, marketplace. */
    channel: text('channel').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    audience: text('audience', { enum: ['public', 'private'] }).notNull(),
    /** The network's id of the message (tweet id, comment id, mid, wamid, MessageSid); null until an outbound one is sent. */
    providerId: text('provider_id'),
    /** The customer's id on the network (the identity value), the handle and name shown. */
    authorId: text('author_id').notNull(),
    authorHandle: text('author_handle'),
    authorName: text('author_name'),
    followers: integer('followers'),
    /** Triage's score, 0–100 (src/modules/social/triage.ts), and the signals behind it. */
    urgency: integer('urgency').notNull().default(0),
    signals: text('signals').array().notNull().default(sql`'{}'::text[]`),
    /** Where to see it on the network. */
    url: text('url'),
    /** What the connector kept (post id, conversation id, order reference…). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    postedAt: instant('posted_at').notNull(),
    /** For an inbound message: when we first answered the case after it (any channel), else null. */
    respondedAt: instant('responded_at'),
  },
  (t) => [
    uniqueIndex('social_message_provider_key').on(t.accountId, t.providerId),
    index('social_message_case_idx').on(t.caseId, t.postedAt),
    // The social inbox: inbound public messages, the unanswered first.
    index('social_message_inbox_idx').on(t.postedAt).where(sql`direction = 'in' AND audience = 'public'`),
    // The response measurement, per account and time.
    index('social_message_account_idx').on(t.accountId, t.postedAt).where(sql`direction = 'in'`),
  ],
);

// What the customer is sent: editable message templates, and the delivery of each outgoing
// message (the timeline event is append-only; its delivery status lives here and is shown
// with it).
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';

import { deliveryStatuses, templateChannels, templateKeys } from './notifications.contract.ts';
export { deliveryStatuses, templateChannels, templateKeys };

/**
 * An admin's version of a template; without one, the built-in text of that key, channel and
 * language applies. Bodies use {{variables}}.
 */
export const messageTemplate = pgTable(
  'message_template',
  {
    id: uuid('id').primaryKey(),
    key: text('key', { enum: templateKeys }).notNull(),
    channel: text('channel', { enum: templateChannels }).notNull(),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    /** E-mail only. */
    subject: text('subject'),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('message_template_key').on(t.key, t.channel, t.language)],
);

export const messageDelivery = pgTable(
  'message_delivery',
  {
    id: uuid('id').primaryKey(),
    /** The message_out event this delivers. */
    eventId: uuid('event_id')
      .notNull()
      .references(() => caseEvent.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    /** email or sms (more channels arrive with their connectors). */
    channel: text('channel').notNull(),
    /** The address or number it goes to, normalised (E.164 for phones). */
    recipient: text('recipient').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The provider's id (Message-ID, Twilio SID), for status callbacks and threading. */
    providerId: text('provider_id'),
    /** Why it failed or waits (quiet hours, provider error code and text). */
    detail: text('detail'),
    /** Not before this instant (quiet hours for SMS). */
    notBefore: instant('not_before'),
    sentAt: instant('sent_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('message_delivery_event_key').on(t.eventId),
    index('message_delivery_case_idx').on(t.caseId),
    index('message_delivery_provider_idx').on(t.channel, t.providerId),
  ],
);

// The live chat's own state: one row per conversation a visitor starts in the widget (which
// case it became, when the visitor was last connected, how far each side has read), and the
// agents' presence (a heartbeat from the console) that says whether anyone is there to answer.
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';

export const chatConversation = pgTable(
  'chat_conversation',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => channelAccount.id),
    /** The case its first message opened (null until then); the case knows the customer. */
    caseId: uuid('case_id').references(() => savCase.id),
    visitorName: text('visitor_name'),
    visitorEmail: text('visitor_email'),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    /** The page's origin the widget ran on (checked against the account's allowed origins). */
    origin: text('origin').notNull(),
    /** open: the visitor may write; ended: the visitor closed it or the case was solved. */
    state: text('state', { enum: ['open', 'ended'] }).notNull().default('open'),
    /** The visitor's stream was last connected then: answers go to the chat while it is recent. */
    visitorSeenAt: instant('visitor_seen_at').notNull(),
    /** The last agent message the visitor has seen (its timeline event). */
    visitorReadEventId: uuid('visitor_read_event_id'),
    endedAt: instant('ended_at'),
    transcriptSentAt: instant('transcript_sent_at'),
    ...timestamps(),
  },
  (t) => [index('chat_conversation_case_idx').on(t.caseId), index('chat_conversation_account_idx').on(t.accountId, t.createdAt)],
);

/** An agent's console says it is there (a heartbeat while it is open); stale rows mean gone. */
export const chatAgentPresence = pgTable('chat_agent_presence', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  seenAt: instant('seen_at').notNull(),
});

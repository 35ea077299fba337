// Phone calls: each call an agent logs or the telephony system reports, with its number in
// E.164, its direction, times and duration, the agent, and the case it went on. The row is
// the call's record (the telephony webhook fills its times as they come); the case's
// timeline gets one `call_logged` event when the call is put on a case.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { caseEvent, savCase } from '../../modules/cases/cases.schema.ts';
import { customer } from '../../modules/customers/customers.schema.ts';
import { team } from '../../modules/org/org.schema.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';

import { callDirections, callStates, type CallDirection, type CallState } from './phone.contract.ts';
export { callDirections, callStates, type CallDirection, type CallState };

export const phoneCall = pgTable(
  'phone_call',
  {
    id: uuid('id').primaryKey(),
    /** The phone line that reported it; null for a call an agent logged by hand. */
    accountId: uuid('account_id').references(() => channelAccount.id),
    /** The telephony system's id of the call, unique per line: its events find this row. */
    providerCallId: text('provider_call_id'),
    direction: text('direction', { enum: callDirections }).notNull(),
    /** The customer's number in E.164; null when the caller hid it or it is not a valid number. */
    number: text('number'),
    /** As the telephony system or the agent wrote it ("anonymous", "06 12 34 56 78"). */
    numberRaw: text('number_raw').notNull(),
    state: text('state', { enum: callStates }).notNull(),
    customerId: uuid('customer_id').references(() => customer.id),
    caseId: uuid('case_id').references(() => savCase.id),
    /** The timeline event that put it on its case. */
    eventId: uuid('event_id').references(() => caseEvent.id),
    agentUserId: uuid('agent_user_id').references(() => appUser.id),
    /** Who is shown the call when no agent is named: the line's team. */
    teamId: uuid('team_id').references(() => team.id),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    durationSeconds: integer('duration_seconds'),
    summary: text('summary'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('phone_call_provider_key').on(t.accountId, t.providerCallId),
    index('phone_call_case_idx').on(t.caseId),
    index('phone_call_pending_idx').on(t.agentUserId, t.startedAt).where(sql`state IN ('ringing', 'pending')`),
  ],
);

/** The extension a telephony system names an agent by ("201"), mapped to the user. */
export const phoneExtension = pgTable(
  'phone_extension',
  {
    extension: text('extension').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('phone_extension_user_key').on(t.userId)],
);

// Numbers that answered STOP (or an equivalent keyword) to one of our SMS: nothing more goes
// to them by SMS, from any account, until they send START. Kept by number, not by customer:
// the promise is made to the phone, whoever it belongs to in our records.
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';

export const smsOptOut = pgTable('sms_opt_out', {
  /** E.164. */
  phone: text('phone').primaryKey(),
  /** The word they sent (STOP, ARRET, UNSUBSCRIBE…), as they wrote it. */
  keyword: text('keyword').notNull(),
  /** The account (our number) they answered. */
  accountId: uuid('account_id').references(() => channelAccount.id),
  optedOutAt: instant('opted_out_at').notNull(),
});

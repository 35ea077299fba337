// What a user is told about inside the console: a colleague mentioned them in an internal
// note. One row per person told; read_at set when they have seen it.
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';
import { userNotificationKinds } from './user-notifications.contract.ts';

export const userNotification = pgTable(
  'user_notification',
  {
    id: uuid('id').primaryKey(),
    /** Who is told. */
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: userNotificationKinds }).notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    /** The note that mentions them. */
    eventId: uuid('event_id')
      .notNull()
      .references(() => caseEvent.id),
    /** Who mentioned them. */
    actorUserId: uuid('actor_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  // The bell's list: a user's unread first, newest first.
  (t) => [index('user_notification_user_idx').on(t.userId, t.readAt, t.id)],
);

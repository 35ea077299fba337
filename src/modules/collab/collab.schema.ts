// Working together on cases: links between related cases (written by agents, and by merges
// and splits), and who is looking at or writing on a case right now (presence).
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { savCase } from '../cases/cases.schema.ts';
import { linkKinds, presenceStates, composingKinds } from './collab.contract.ts';

/**
 * "Case A <kind> case B": related (either way), duplicate (A repeats B), split_from (A was
 * opened from messages of B), merged_into (A was merged into B). One link per pair of cases,
 * whichever way round: a second link of the same pair is the same link.
 */
export const caseLink = pgTable(
  'case_link',
  {
    id: uuid('id').primaryKey(),
    caseAId: uuid('case_a_id')
      .notNull()
      .references(() => savCase.id),
    caseBId: uuid('case_b_id')
      .notNull()
      .references(() => savCase.id),
    kind: text('kind', { enum: linkKinds }).notNull(),
    /** null: written by the system. */
    createdById: uuid('created_by_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('case_link_pair_key').on(sql`least(${t.caseAId}, ${t.caseBId})`, sql`greatest(${t.caseAId}, ${t.caseBId})`),
    index('case_link_a_idx').on(t.caseAId),
    index('case_link_b_idx').on(t.caseBId),
    check('case_link_two_cases', sql`${t.caseAId} <> ${t.caseBId}`),
  ],
);

/**
 * One row per open case page (a user may have the case open in several tabs): refreshed by
 * the page's heartbeat, forgotten PRESENCE_TTL_MS after the last one. Kept in the database,
 * not in a process's memory, so that every app node answers "who is here?" the same way; the
 * changes themselves reach the screens as realtime signals (presence.signals.ts).
 */
export const casePresence = pgTable(
  'case_presence',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** The browser tab's own id ('' when the client gives none). */
    tabId: text('tab_id').notNull().default(''),
    state: text('state', { enum: presenceStates }).notNull(),
    /** While typing: a reply to the customer or an internal note. */
    composing: text('composing', { enum: composingKinds }),
    seenAt: instant('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId, t.tabId] }), index('case_presence_seen_idx').on(t.seenAt)],
);

// Saved views of the inbox: a user's named filters and sort order, private or shared with
// everyone. The built-in views (my cases, unassigned…) are code, not rows (views.contract.ts).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { caseSortOrders, type CaseSortOrder } from '../cases/cases.contract.ts';
import type { ViewFilters } from './views.contract.ts';

export const savedView = pgTable(
  'saved_view',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Checked against viewFilters when saved; read back leniently (a filter dropped later is ignored). */
    filters: jsonb('filters').$type<ViewFilters>().notNull(),
    sort: text('sort', { enum: caseSortOrders }).$type<CaseSortOrder>().notNull(),
    shared: boolean('shared').notNull().default(false),
    /** Order in its group: the owner's private views, or all shared views. */
    position: integer('position').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('saved_view_owner_name_key').on(t.ownerId, t.name),
    index('saved_view_shared_idx').on(t.position).where(sql`shared`),
  ],
);

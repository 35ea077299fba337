// Macros: answer scripts agents insert into their replies (see macros.contract.ts). A shared
// macro has no owner; a personal one belongs to the user who wrote it and only they see it.
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import type { MacroActions } from './macros.contract.ts';

export const macro = pgTable(
  'macro',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    bodyFr: text('body_fr').notNull(),
    bodyEn: text('body_en').notNull(),
    /** Applied when a reply is sent with it: { status?, step?, addTags? }. */
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    /** null: shared with everyone; else a personal macro of this user. */
    ownerId: uuid('owner_id').references(() => appUser.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('macro_owner_idx').on(t.ownerId, t.name), index('macro_shared_idx').on(t.name).where(sql`owner_id IS NULL`)],
);

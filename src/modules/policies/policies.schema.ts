// The rulebook's history: every version of the retailer's policy document, never changed once
// written. The active one is the latest; a verdict names the version it was made with.
import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import type { PolicyDocument } from './policies.contract.ts';

export const policyVersion = pgTable('policy_version', {
  /** 1, 2, 3…: the next one is the latest plus one; two admins saving at once cannot both get it. */
  version: integer('version').primaryKey(),
  document: jsonb('document').$type<PolicyDocument>().notNull(),
  comment: text('comment'),
  /** null for the system (a CLI import). */
  createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
  /** The author's e-mail at the time, kept if the user is renamed or removed. */
  createdByLabel: text('created_by_label').notNull(),
  createdAt: instant('created_at').notNull(),
});

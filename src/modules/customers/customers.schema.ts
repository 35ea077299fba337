// Customers and the identities that recognise them on every channel.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid, boolean, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';

import { identityKinds, type IdentityKind } from './customers.contract.ts';
export { identityKinds, type IdentityKind };

export const customer = pgTable(
  'customer',
  {
    id: uuid('id').primaryKey(),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    company: text('company'),
    notes: text('notes'),
    /** Lower-cased, accent-free name and identities, for trigram search on both engines. */
    searchText: text('search_text').notNull().default(''),
    /** Set when this customer was merged into another; the row stays so old links resolve. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customer.id),
    mergedAt: instant('merged_at'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    index('customer_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customer_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`merged_into_id IS NULL`),
  ],
);

export const customerIdentity = pgTable(
  'customer_identity',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id),
    kind: text('kind', { enum: identityKinds }).notNull(),
    /** For `external` identities: the system the id belongs to (shopify, prestashop, pos…). */
    system: text('system').notNull().default(''),
    /** Normalised: e-mail lower-cased, phone in E.164, handles without @ and lower-cased. */
    value: text('value').notNull(),
    /** As the customer wrote it, for display. */
    displayValue: text('display_value').notNull(),
    verified: boolean('verified').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_identity_value_key').on(t.kind, t.system, t.value),
    index('customer_identity_customer_idx').on(t.customerId),
  ],
);

/**
 * Two customers who may be one person: a message brought an identity (an e-mail given in a
 * chat, a phone number given at the counter) that another customer already owns. Never
 * merged on this evidence alone; an agent accepts (the merge runs) or dismisses it. One
 * open suggestion per pair, whichever way round it was seen.
 */
export const mergeSuggestion = pgTable(
  'customer_merge_suggestion',
  {
    id: uuid('id').primaryKey(),
    /** The customer the message was for (the one an agent is looking at). */
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customer.id),
    /** The customer who owns the identity already. */
    otherCustomerId: uuid('other_customer_id')
      .notNull()
      .references(() => customer.id),
    identityKind: text('identity_kind', { enum: identityKinds }).notNull(),
    identityValue: text('identity_value').notNull(),
    /** Where it was seen: `email`, `chat`, `counter`, `phone`… */
    source: text('source').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'dismissed'] }).notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: instant('resolved_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_merge_suggestion_open_pair_key')
      .on(sql`least(${t.customerId}, ${t.otherCustomerId})`, sql`greatest(${t.customerId}, ${t.otherCustomerId})`)
      .where(sql`status = 'open'`),
    index('customer_merge_suggestion_customer_idx').on(t.customerId),
    index('customer_merge_suggestion_other_idx').on(t.otherCustomerId),
  ],
);

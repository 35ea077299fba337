// Brands, their points of sale (stores, e-shops, marketplaces, dealers, warehouses) and the
// teams (queues) that handle cases.
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CalendarSpec, HoursInterval, Weekday } from '../sla/calendar.ts';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';

import { storeKinds } from './org.contract.ts';
export { storeKinds };
export type StoreKind = (typeof storeKinds)[number];

export const brand = pgTable(
  'brand',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('brand_slug_key').on(t.slug)],
);

/**
 * A business calendar: opening hours in a time zone, public holidays from rules, extra closed
 * days and exceptional openings. Teams and stores name theirs; SLA policies may name one.
 */
export const calendar = pgTable(
  'calendar',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull(),
    hours: jsonb('hours').$type<Partial<Record<Weekday, HoursInterval[]>>>().notNull(),
    holidays: jsonb('holidays').$type<CalendarSpec['holidays']>(),
    openings: jsonb('openings').$type<NonNullable<CalendarSpec['openings']>>().notNull().default([]),
    /** The calendar of cases whose policy, store and team name none. At most one is the default. */
    isDefault: boolean('is_default').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('calendar_default_key').on(t.isDefault).where(sql`is_default`)],
);

export const store = pgTable(
  'store',
  {
    id: uuid('id').primaryKey(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brand.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: storeKinds }).notNull(),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    /** Sub-national area that changes rules, e.g. `alsace-moselle` (FR) or `QC` (CA). */
    region: text('region'),
    timezone: text('timezone').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** Opening hours of the store: its cases are promised in them. */
    calendarId: uuid('calendar_id').references(() => calendar.id),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('store_brand_code_key').on(t.brandId, t.code), index('store_brand_idx').on(t.brandId)],
);

export const team = pgTable(
  'team',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** A team may serve one brand only; null serves all. */
    brandId: uuid('brand_id').references(() => brand.id),
    leadUserId: uuid('lead_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    /** The team's working hours: its cases are promised in them. */
    calendarId: uuid('calendar_id').references(() => calendar.id),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('team_slug_key').on(t.slug)],
);

export const teamMember = pgTable(
  'team_member',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_member_user_idx').on(t.userId)],
);

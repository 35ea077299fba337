// Users, their roles and data scope, browser sessions and API tokens.
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { brand, store } from '../org/org.schema.ts';

import { roles } from './access.contract.ts';
export { roles };
export type Role = (typeof roles)[number];

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash'),
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    active: boolean('active').notNull().default(true),
    lastLoginAt: instant('last_login_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('app_user_email_key').on(t.email)],
);

/** A user with rows here sees only these brands' data; no rows means every brand. */
export const userBrand = pgTable(
  'user_brand',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brand.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.brandId] })],
);

/** A user with rows here works the cases of these stores only (and reads the shared history). */
export const userStore = pgTable(
  'user_store',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => store.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);

export const authSession = pgTable(
  'auth_session',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Double-submit CSRF secret: cookie-authenticated writes must echo it in X-CSRF-Token. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    revokedAt: instant('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('auth_session_token_key').on(t.tokenHash), index('auth_session_user_idx').on(t.userId)],
);

export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, shown in lists so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at'),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_token_hash_key').on(t.tokenHash),
    index('api_token_user_idx').on(t.userId).where(sql`revoked_at IS NULL`),
  ],
);

// Channel accounts: each mailbox, chat widget, store counter, phone line or social account a
// business connects. Credentials are sealed (AES-256-GCM, platform/crypto/secrets.ts) and never
// leave the server; an account whose credentials fail is marked so, with the reason.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../platform/db/columns.ts';
import { brand, store, team } from '../../modules/org/org.schema.ts';

import { accountStates, type AccountState } from './accounts.contract.ts';
export { accountStates, type AccountState };

export const channelAccount = pgTable(
  'channel_account',
  {
    id: uuid('id').primaryKey(),
    /** The connector (src/channels/<channel>/): email, chat, phone, counter… */
    channel: text('channel').notNull(),
    name: text('name').notNull(),
    /** How the channel knows it: the mailbox address, the widget key, the phone number… */
    address: text('address').notNull(),
    /** Cases it opens belong to this brand (null: the only brand), this store, this team's queue. */
    brandId: uuid('brand_id').references(() => brand.id),
    storeId: uuid('store_id').references(() => store.id),
    teamId: uuid('team_id').references(() => team.id),
    /** What the connector needs that is not secret (IMAP host and port, folder, widget colours…). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** What is secret (passwords, tokens), as sealed JSON; null when the connector needs none. */
    secretsSealed: text('secrets_sealed'),
    state: text('state', { enum: accountStates }).notNull().default('active'),
    /** Why it is failing (the provider's answer), when it is. */
    stateDetail: text('state_detail'),
    stateChangedAt: instant('state_changed_at'),
    /** Where reading left off (an IMAP mailbox's UIDVALIDITY and last UID…): the connector's own. */
    cursor: jsonb('cursor').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [uniqueIndex('channel_account_address_key').on(t.channel, sql`lower(${t.address})`), index('channel_account_channel_idx').on(t.channel)],
);

// Finding the customer behind contact details (an e-mail, a phone number) or creating one.
// Used wherever a case is opened for someone who may already be known. Only exact identity
// matches count; a second identity is attached when nobody else owns it, and when someone
// else does, a merge is suggested to the agents (merge-suggestions.ts), never made.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { callValue, eachCall, preparedEach } from '../../platform/db/prepared.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { customer, customerIdentity } from './customers.schema.ts';
import { newCustomerRow, normaliseAll, refreshSearchText } from './customers.service.ts';
import { learnIdentities } from './merge-suggestions.ts';
import type { IdentityKind } from './customers.contract.ts';
import type { NormalisedIdentity } from './identities.ts';

export interface ContactDetails {
  firstName?: string | undefined;
  lastName?: string | undefined;
  displayName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  language?: 'fr' | 'en' | undefined;
  /** The channel these details came on, recorded on a merge suggestion they may cause. */
  seenOn?: string | undefined;
}

export interface ResolvedCustomer {
  id: string;
  displayName: string;
  language: 'fr' | 'en';
  created: boolean;
  /**
   * The customer's e-mail addresses and phone numbers as far as this lookup saw them, and the
   * networks the message that found them came on (their id there; whether they wrote privately).
   */
  contact: { emails: string[]; phones: string[]; social?: Partial<Record<string, { recipient: string; private: boolean }>> };
}

function contactOf(owned: string[], given: NormalisedIdentity[]): ResolvedCustomer['contact'] {
  const all = [...given.map((i) => `${i.kind}|${i.value}`), ...owned];
  const values = (kind: string) => [...new Set(all.filter((k) => k.startsWith(`${kind}|`)).map((k) => k.slice(kind.length + 1)))];
  return { emails: values('email'), phones: values('phone') };
}

interface OwnerRow {
  id: string;
  display_name: string;
  language: 'fr' | 'en';
  /** The owner's e-mail and phone identities, as `kind|value`. */
  owned: string[];
}

// Opening a case for someone runs these two on every creation: prepared statements
// (platform/db/prepared.ts), one round trip each, for any number of concurrent openings.
const ownerStatement = preparedEach<{ email: string | null; phone: string | null }, OwnerRow>(
  'comptoir_identity_owner',
  sql`SELECT a.call, o.*
      FROM ${eachCall}, LATERAL (
        SELECT c.id, c.display_name, c.language,
          ARRAY(SELECT kind || '|' || value FROM customer_identity
                WHERE customer_id = c.id AND kind IN ('email', 'phone')) AS owned
        FROM customer_identity i JOIN customer c ON c.id = i.customer_id
        WHERE i.system = '' AND ((i.kind = 'email' AND i.value = ${callValue('email')})
                              OR (i.kind = 'phone' AND i.value = ${callValue('phone')}))
        ORDER BY (i.kind = 'email') DESC
        LIMIT 1) o`,
);

/**
 * A new customer and its identities in one statement; returns the identities it could claim
 * (an identity two calls of one statement give is claimed by one of them only).
 */
const newCustomerStatement = preparedEach<{ customer: Record<string, unknown>; identities: Record<string, unknown>[] }, { kind: string; value: string }>(
  'comptoir_new_customer',
  sql`WITH given AS (SELECT a.call, a.p FROM ${eachCall}),
      c AS (
        INSERT INTO customer (id, display_name, first_name, last_name, language, company, notes, search_text, attributes, created_at, updated_at)
        SELECT x.id, x.display_name, x.first_name, x.last_name, x.language, x.company, x.notes, x.search_text, '{}'::jsonb, x.created_at, x.created_at
        FROM given, jsonb_to_record(given.p -> 'customer') AS x(id uuid, display_name text, first_name text, last_name text,
          language text, company text, notes text, search_text text, created_at timestamptz)
        RETURNING id, created_at
      ), claimed AS (
        INSERT INTO customer_identity (id, customer_id, kind, system, value, display_value, created_at)
        SELECT i.id, c.id, i.kind, i.system, i.value, i.display_value, c.created_at
        FROM given JOIN c ON c.id = (given.p -> 'customer' ->> 'id')::uuid,
          jsonb_to_recordset(given.p -> 'identities') AS i(id uuid, kind text, system text, value text, display_value text)
        ON CONFLICT DO NOTHING
        RETURNING customer_id, kind, value
      )
      SELECT given.call, claimed.kind, claimed.value
      FROM claimed JOIN given ON (given.p -> 'customer' ->> 'id')::uuid = claimed.customer_id`,
);

/** Call inside the transaction that will use the customer. */
export async function resolveCustomer(ctx: Ctx, contact: ContactDetails): Promise<ResolvedCustomer> {
  return settleCustomer(ctx, await lookUpCustomer(ctx, contact));
}

/** What `lookUpCustomer` read: the contact's identities, and who owns them already, if anyone. */
export interface CustomerLookup {
  contact: ContactDetails;
  identities: NormalisedIdentity[];
  known: OwnerRow | undefined;
}

/**
 * The read half of `resolveCustomer`, which writes nothing: a caller may run it alongside its
 * own reads (one round trip for both) and call `settleCustomer` once it knows it goes on.
 */
export async function lookUpCustomer(ctx: Ctx, contact: ContactDetails): Promise<CustomerLookup> {
  const identities = normaliseAll(ctx, [
    ...(contact.email ? [{ kind: 'email' as const, value: contact.email }] : []),
    ...(contact.phone ? [{ kind: 'phone' as const, value: contact.phone }] : []),
  ]);
  return { contact, identities, known: await findOwner(ctx, identities) };
}

/** The write half of `resolveCustomer`: the known customer learns the new identities, or a new one is made. */
export async function settleCustomer(ctx: Ctx, { contact, identities, known }: CustomerLookup): Promise<ResolvedCustomer> {
  if (known) {
    const missing = identities.filter((i) => !known.owned.includes(`${i.kind}|${i.value}`));
    if (missing.length) {
      await learnIdentities(ctx, known.id, missing, contact.seenOn ?? 'api');
      await refreshSearchText(ctx, known.id);
    }
    return { id: known.id, displayName: known.display_name, language: known.language, created: false, contact: contactOf(known.owned, identities) };
  }
  return createCustomerWith(ctx, contact, identities, () => findOwner(ctx, identities));
}

/**
 * A new customer with these identities, in one statement. Someone who created the same
 * customer at the same moment wins: ours is dropped and theirs returned (`findAgain`).
 */
async function createCustomerWith(
  ctx: Ctx,
  contact: ContactDetails,
  identities: NormalisedIdentity[],
  findAgain: () => Promise<OwnerRow | undefined>,
): Promise<ResolvedCustomer> {
  const row = newCustomerRow(ctx, contact, identities);
  const now = ctx.clock.now();
  const claimed = await newCustomerStatement.rows(ctx.db, {
    customer: {
      id: row.id,
      display_name: row.displayName,
      first_name: row.firstName,
      last_name: row.lastName,
      language: row.language,
      company: row.company,
      notes: row.notes,
      search_text: row.searchText,
      created_at: row.createdAt,
    },
    identities: identities.map((i) => ({ id: uuidv7(now.getTime()), ...i, display_value: i.displayValue })),
  });
  if (claimed.length < identities.length) {
    await ctx.db.delete(customerIdentity).where(eq(customerIdentity.customerId, row.id));
    await ctx.db.delete(customer).where(eq(customer.id, row.id));
    const winner = await findAgain();
    if (winner) return { id: winner.id, displayName: winner.display_name, language: winner.language, created: false, contact: contactOf(winner.owned, identities) };
  }
  return { id: row.id, displayName: row.displayName, language: row.language, created: true, contact: contactOf([], identities) };
}

/** Who wrote on a social network or a marketplace, as the network knows them. */
export interface NetworkAuthor {
  /** The network's id: an X user id, a page-scoped id, a WhatsApp number, `marketplace:buyer` for `external`. */
  identity: { kind: IdentityKind; value: string };
  /** How people know the account (`@handle`), shown and searchable; the id stays the key. */
  shownAs: string | null;
  displayName: string | null;
  /** The channel it came on, recorded on a merge suggestion it may cause. */
  seenOn: string;
}

/**
 * The customer behind a network's id, else a new one with it. A WhatsApp number is a phone
 * number too: the customer who has that phone is the one, and gets the WhatsApp identity.
 * Call inside the transaction that will use the customer.
 */
export async function resolveNetworkCustomer(ctx: Ctx, who: NetworkAuthor): Promise<ResolvedCustomer> {
  const { kind, value: raw } = who.identity;
  const [system, value] = kind === 'external' && raw.includes(':') ? [raw.slice(0, raw.indexOf(':')), raw.slice(raw.indexOf(':') + 1)] : [undefined, raw];
  const [own] = normaliseAll(ctx, [{ kind, value, system }]);
  const identity: NormalisedIdentity = { ...own!, displayValue: who.shownAs ?? own!.displayValue };
  const candidates = kind === 'whatsapp' ? [identity, { kind: 'phone' as const, system: '', value: identity.value, displayValue: identity.value }] : [identity];
  const find = async () => {
    const [owner] = await queryRows<OwnerRow & { matched: string }>(
      ctx.db,
      sql`SELECT c.id, c.display_name, c.language, i.kind AS matched,
            ARRAY(SELECT kind || '|' || value FROM customer_identity WHERE customer_id = c.id AND kind IN ('email', 'phone')) AS owned
          FROM customer_identity i JOIN customer c ON c.id = i.customer_id
          WHERE (i.kind, i.system, i.value) IN (${sql.join(
            candidates.map((i) => sql`(${i.kind}, ${i.system}, ${i.value})`),
            sql`, `,
          )})
          ORDER BY (i.kind = ${kind}) DESC LIMIT 1`,
    );
    return owner;
  };
  const known = await find();
  if (known) {
    if (known.matched !== kind) {
      await learnIdentities(ctx, known.id, [identity], who.seenOn);
      await refreshSearchText(ctx, known.id);
    }
    return { id: known.id, displayName: known.display_name, language: known.language, created: false, contact: contactOf(known.owned, []) };
  }
  const displayName = who.displayName?.trim() || who.shownAs || undefined;
  return createCustomerWith(ctx, { displayName, seenOn: who.seenOn }, candidates, find);
}

/** The customer owning the e-mail, else the one owning the phone number. */
async function findOwner(ctx: Ctx, identities: NormalisedIdentity[]): Promise<OwnerRow | undefined> {
  if (identities.length === 0) return undefined;
  const value = (kind: string) => identities.find((i) => i.kind === kind)?.value ?? null;
  const [owner] = await ownerStatement.rows(ctx.db, { email: value('email'), phone: value('phone') });
  return owner;
}

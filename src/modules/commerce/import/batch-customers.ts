// The customers of a batch of orders, found or created in two statements for the whole batch
// (never one round trip per line): whoever owns the order's e-mail, else its phone number, as
// customers.resolve.ts finds them one by one; nobody → a new customer with those identities.
// An identity the file adds to a known customer is attached when nobody owns it; when someone
// else does, it is left alone (an import suggests no merges: an agent would face thousands).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { param, prepared } from '../../../platform/db/prepared.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { newCustomerRow } from '../../customers/customers.service.ts';
import type { NormalisedIdentity } from '../../customers/identities.ts';
import { detachedText } from './detached-text.ts';
import type { PendingOrder } from './order-batches.ts';

type Kind = 'email' | 'phone';
const keyOf = (kind: Kind, value: string) => `${kind}|${value}`;

const ownersStatement = prepared<{ identities: string }, { kind: Kind; value: string; customer_id: string }>(
  'comptoir_import_identity_owners',
  sql`SELECT i.kind, i.value, coalesce(c.merged_into_id, c.id) AS customer_id
      FROM jsonb_to_recordset(${param('identities')}::jsonb) AS x(kind text, value text)
      JOIN customer_identity i ON i.kind = x.kind AND i.system = '' AND i.value = x.value
      JOIN customer c ON c.id = i.customer_id`,
);

/** New customers and every identity to attach (theirs, and known customers' new ones), in one statement. */
const createStatement = prepared<{ customers: string; identities: string; now: string }, { customer_id: string; kind: Kind; value: string }>(
  'comptoir_import_new_customers',
  sql`WITH created AS (
        INSERT INTO customer (id, display_name, language, search_text, attributes, created_at, updated_at)
        SELECT x.id, x.display_name, x.language, x.search_text, '{}'::jsonb, ${param('now')}::timestamptz, ${param('now')}::timestamptz
        FROM jsonb_to_recordset(${param('customers')}::jsonb) AS x(id uuid, display_name text, language text, search_text text)
        RETURNING id
      )
      INSERT INTO customer_identity (id, customer_id, kind, system, value, display_value, created_at)
      SELECT i.id, i.customer_id, i.kind, '', i.value, i.display_value, ${param('now')}::timestamptz
      FROM jsonb_to_recordset(${param('identities')}::jsonb) AS i(id uuid, customer_id uuid, kind text, value text, display_value text)
      ON CONFLICT DO NOTHING
      RETURNING customer_id, kind, value`,
);

export interface BatchCustomers {
  /** Order key → customer id (absent: the order names nobody). */
  byOrder: Map<string, string>;
  created: number;
}

interface Contact {
  email: string | null;
  phone: string | null;
  name: string | null;
}

function contactOf(order: PendingOrder): Contact | null {
  const email = order.lines.find((l) => l.email)?.email ?? null;
  const phone = order.lines.find((l) => l.phone)?.phone ?? null;
  if (!email && !phone) return null;
  return { email, phone, name: order.lines.find((l) => l.customerName)?.customerName ?? null };
}

/** Past this many identities remembered, the memory starts again. */
const MAX_KNOWN_IDENTITIES = 50_000;

export async function resolveBatchCustomers(
  ctx: Ctx,
  orders: PendingOrder[],
  /** Identities this run already resolved (`kind|value` → customer): loyal customers come back. */
  known: Map<string, string> = new Map(),
): Promise<BatchCustomers> {
  const contacts = new Map<string, Contact>();
  const owners = new Map<string, string>();
  const wanted = new Map<string, { kind: Kind; value: string }>();
  const want = (kind: Kind, value: string) => {
    const key = keyOf(kind, value);
    const id = known.get(key);
    if (id) owners.set(key, id);
    else wanted.set(key, { kind, value });
  };
  for (const order of orders) {
    const contact = contactOf(order);
    if (!contact) continue;
    contacts.set(order.key, contact);
    if (contact.email) want('email', contact.email);
    if (contact.phone) want('phone', contact.phone);
  }
  const byOrder = new Map<string, string>();
  if (contacts.size === 0) return { byOrder, created: 0 };

  if (wanted.size) {
    for (const row of await ownersStatement.rows(ctx.db, { identities: JSON.stringify([...wanted.values()]) })) owners.set(keyOf(row.kind, row.value), row.customer_id);
  }

  // Orders are resolved in the order of the file; identities claimed by a customer created a
  // few orders earlier in the batch count as owned, so one new person is created once.
  const newCustomers: ReturnType<typeof newCustomerRow>[] = [];
  const attach: { id: string; customer_id: string; kind: Kind; value: string; display_value: string }[] = [];
  const now = ctx.clock.now();
  for (const [orderKey, contact] of contacts) {
    const email = contact.email ? keyOf('email', contact.email) : null;
    const phone = contact.phone ? keyOf('phone', contact.phone) : null;
    let customerId = (email && owners.get(email)) || (phone && owners.get(phone)) || null;
    if (!customerId) {
      const identities: NormalisedIdentity[] = [];
      if (contact.email) identities.push({ kind: 'email', system: '', value: contact.email, displayValue: contact.email });
      if (contact.phone) identities.push({ kind: 'phone', system: '', value: contact.phone, displayValue: contact.phone });
      const row = newCustomerRow(ctx, { displayName: contact.name ?? undefined }, identities);
      newCustomers.push(row);
      customerId = row.id;
    }
    for (const [key, kind, value] of [[email, 'email', contact.email], [phone, 'phone', contact.phone]] as const) {
      if (!key || !value || owners.has(key)) continue;
      owners.set(key, customerId);
      attach.push({ id: uuidv7(now.getTime()), customer_id: customerId, kind, value, display_value: value });
    }
    byOrder.set(orderKey, customerId);
  }
  if (attach.length === 0) return remember(known, owners, { byOrder, created: 0 });

  const claimed = await createStatement.rows(ctx.db, {
    customers: JSON.stringify(newCustomers.map((c) => ({ id: c.id, display_name: c.displayName, language: c.language, search_text: c.searchText }))),
    identities: JSON.stringify(attach),
    now: now.toISOString(),
  });
  const claimedBy = new Set(claimed.map((c) => c.customer_id));
  const orphans = newCustomers.filter((c) => !claimedBy.has(c.id));
  if (orphans.length) {
    await adoptWinners(ctx, orphans.map((c) => c.id), byOrder, contacts);
    return { byOrder, created: newCustomers.length - orphans.length };
  }
  // An identity someone else owned after all (attached elsewhere meanwhile) is not remembered.
  const taken = new Set(attach.map((a) => keyOf(a.kind, a.value)));
  for (const c of claimed) taken.delete(keyOf(c.kind, c.value));
  for (const key of taken) owners.delete(key);
  return remember(known, owners, { byOrder, created: newCustomers.length });
}

function remember(known: Map<string, string>, owners: Map<string, string>, result: BatchCustomers): BatchCustomers {
  if (known.size + owners.size > MAX_KNOWN_IDENTITIES) known.clear();
  // Kept across batches: an address sliced from the file would keep its whole chunk of text.
  for (const [key, id] of owners) known.set(detachedText(key), id);
  return result;
}

/**
 * Someone else created these people between our lookup and our insert (an e-mail arriving at
 * that moment): our copies got none of their identities. They are removed and the orders go
 * to the customers who won.
 */
async function adoptWinners(ctx: Ctx, orphanIds: string[], byOrder: Map<string, string>, contacts: Map<string, Contact>): Promise<void> {
  const orphans = new Set(orphanIds);
  await ctx.db.execute(sql`DELETE FROM customer WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(orphanIds)}::jsonb))`);
  const lost = [...byOrder].filter(([, id]) => orphans.has(id)).map(([key]) => key);
  const identities = lost.flatMap((key) => {
    const c = contacts.get(key)!;
    return [...(c.email ? [{ kind: 'email', value: c.email }] : []), ...(c.phone ? [{ kind: 'phone', value: c.phone }] : [])];
  });
  const owners = new Map<string, string>();
  for (const row of await ownersStatement.rows(ctx.db, { identities: JSON.stringify(identities) })) owners.set(keyOf(row.kind, row.value), row.customer_id);
  for (const key of lost) {
    const c = contacts.get(key)!;
    const winner = (c.email && owners.get(keyOf('email', c.email))) || (c.phone && owners.get(keyOf('phone', c.phone)));
    if (winner) byOrder.set(key, winner);
    else byOrder.delete(key);
  }
}

// Customers and their identities: create, read, search, update. One identity (an e-mail, a
// phone number, a handle) belongs to exactly one customer.
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import type { CreateCustomerInput, CustomerDto, IdentityKind, updateCustomerBody } from './customers.contract.ts';
import { customer, customerIdentity } from './customers.schema.ts';
import { classifyQuery, IdentityError, nationalDigits, normaliseIdentity, searchable, type NormalisedIdentity } from './identities.ts';
import type { z } from 'zod';

type CustomerRow = typeof customer.$inferSelect;
type IdentityRow = typeof customerIdentity.$inferSelect;

export function presentCustomer(row: CustomerRow, identities: IdentityRow[]): CustomerDto {
  return {
    id: row.id,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    language: row.language,
    company: row.company,
    notes: row.notes,
    identities: identities.map((i) => ({
      id: i.id,
      kind: i.kind,
      system: i.system,
      value: i.value,
      displayValue: i.displayValue,
      verified: i.verified,
      createdAt: i.createdAt.toISOString(),
    })),
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function normaliseAll(ctx: Ctx, inputs: { kind: IdentityKind; value: string; system?: string | undefined }[]): NormalisedIdentity[] {
  const errors: { field: string; message: string }[] = [];
  const out: NormalisedIdentity[] = [];
  inputs.forEach((input, i) => {
    try {
      out.push(normaliseIdentity(input, ctx.config.defaults.country));
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      errors.push({ field: `identities.${i}.value`, message: error.message });
    }
  });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('; '), { errors });
  const seen = new Set<string>();
  return out.filter((i) => {
    const key = `${i.kind}|${i.system}|${i.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

async function identitiesOf(ctx: Ctx, customerIds: string[]): Promise<Map<string, IdentityRow[]>> {
  const map = new Map<string, IdentityRow[]>();
  if (customerIds.length === 0) return map;
  const rows = await ctx.db
    .select()
    .from(customerIdentity)
    .where(inArray(customerIdentity.customerId, customerIds))
    .orderBy(asc(customerIdentity.createdAt));
  for (const r of rows) map.set(r.customerId, [...(map.get(r.customerId) ?? []), r]);
  return map;
}

/** The customer, following merges: an old id leads to the customer it was merged into. */
export async function loadCustomer(ctx: Ctx, id: string): Promise<CustomerRow> {
  let current = id;
  for (let hops = 0; hops < 10; hops++) {
    const [row] = await ctx.db.select().from(customer).where(eq(customer.id, current));
    if (!row) throw notFound('customer', id);
    if (!row.mergedIntoId) return row;
    current = row.mergedIntoId;
  }
  throw new AppError('internal', `merge chain of customer ${id} is too long`);
}

export async function getCustomer(ctx: Ctx, actor: Actor, id: string): Promise<CustomerDto> {
  requirePermission(actor, 'customers.read');
  const row = await loadCustomer(ctx, id);
  return presentCustomer(row, (await identitiesOf(ctx, [row.id])).get(row.id) ?? []);
}

export async function listCustomers(ctx: Ctx, actor: Actor, q: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  requirePermission(actor, 'customers.read');
  let rows: CustomerRow[];
  let nextCursor: string | null = null;
  if (q.q) {
    rows = await searchCustomers(ctx, q.q, q.limit);
  } else {
    const where: SQL[] = [isNull(customer.mergedIntoId)];
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
      where.push(or(lt(customer.createdAt, new Date(at)), and(eq(customer.createdAt, new Date(at)), lt(customer.id, id)))!);
    }
    const page = paginate(
      await ctx.db.select().from(customer).where(and(...where)).orderBy(desc(customer.createdAt), desc(customer.id)).limit(q.limit + 1),
      q.limit,
      (r) => [r.createdAt.toISOString(), r.id],
    );
    rows = page.items;
    nextCursor = page.nextCursor;
  }
  const identities = await identitiesOf(ctx, rows.map((r) => r.id));
  return { items: rows.map((r) => presentCustomer(r, identities.get(r.id) ?? [])), nextCursor };
}

/**
 * An e-mail or phone number is looked up exactly; anything else goes to trigram search on
 * the accent-free search text (name, company, identities), best matches first.
 */
async function searchCustomers(ctx: Ctx, text: string, limit: number): Promise<CustomerRow[]> {
  const exact = classifyQuery(text, ctx.config.defaults.country);
  if (exact) {
    const kinds = exact.kind === 'phone' ? ['phone', 'whatsapp'] : ['email'];
    const owners = await ctx.db
      .select({ c: customer })
      .from(customerIdentity)
      .innerJoin(customer, eq(customer.id, customerIdentity.customerId))
      .where(and(inArray(customerIdentity.kind, kinds as IdentityKind[]), eq(customerIdentity.value, exact.value)))
      .limit(limit);
    if (owners.length) return owners.map((o) => o.c);
  }
  const needle = searchable(text.replace(/^@/, ''));
  if (!needle) return [];
  const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return ctx.db
    .select()
    .from(customer)
    .where(and(isNull(customer.mergedIntoId), sql`(${customer.searchText} LIKE ${like} OR ${needle} <% ${customer.searchText})`))
    .orderBy(sql`word_similarity(${needle}, ${customer.searchText}) DESC`, desc(customer.createdAt))
    .limit(limit);
}

function displayNameOf(input: { displayName?: string | undefined; firstName?: string | null | undefined; lastName?: string | null | undefined }, identities: NormalisedIdentity[]) {
  return input.displayName ?? ([input.firstName, input.lastName].filter(Boolean).join(' ') || identities[0]?.displayValue || 'Client');
}

/** Recomputes the search text from the name fields and every identity. */
export async function refreshSearchText(ctx: Ctx, customerId: string): Promise<void> {
  const [row] = await ctx.db.select().from(customer).where(eq(customer.id, customerId));
  if (!row) return;
  const identities = await ctx.db.select().from(customerIdentity).where(eq(customerIdentity.customerId, customerId));
  await ctx.db.update(customer).set({ searchText: searchTextOf(row, identities) }).where(eq(customer.id, customerId));
}

const socialKinds = new Set(['x', 'facebook', 'instagram', 'external']);

function searchTextOf(
  c: { displayName: string; firstName?: string | null | undefined; lastName?: string | null | undefined; company?: string | null | undefined },
  identities: (Pick<NormalisedIdentity, 'kind' | 'value'> & { displayValue?: string | null })[],
): string {
  // A social account is kept by the network's id and found by its handle (the display value).
  const shown = (i: { kind: string; value: string; displayValue?: string | null }) =>
    i.displayValue && i.displayValue !== i.value && socialKinds.has(i.kind) ? [i.displayValue] : [];
  return searchable(c.displayName, c.firstName, c.lastName, c.company, ...identities.flatMap((i) => [i.value, nationalDigits(i), ...shown(i)]));
}

/** Inserts identities for a customer; returns those already owned by someone else. */
export async function claimIdentities(ctx: Ctx, customerId: string, identities: NormalisedIdentity[]) {
  const taken: { identity: NormalisedIdentity; ownerId: string }[] = [];
  const now = ctx.clock.now();
  for (const identity of identities) {
    const inserted = await ctx.db
      .insert(customerIdentity)
      .values({ id: uuidv7(now.getTime()), customerId, ...identity, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: customerIdentity.id });
    if (inserted.length) continue;
    const [owner] = await ctx.db
      .select({ customerId: customerIdentity.customerId })
      .from(customerIdentity)
      .where(and(eq(customerIdentity.kind, identity.kind), eq(customerIdentity.system, identity.system), eq(customerIdentity.value, identity.value)));
    if (owner && owner.customerId !== customerId) taken.push({ identity, ownerId: owner.customerId });
  }
  return taken;
}

/** The row of a new customer (not yet written): display name and search text derived. */
export function newCustomerRow(ctx: Ctx, input: Omit<CreateCustomerInput, 'identities'>, identities: NormalisedIdentity[]): CustomerRow {
  const now = ctx.clock.now();
  const displayName = displayNameOf(input, identities);
  return {
    id: uuidv7(now.getTime()),
    displayName,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    language: input.language ?? ctx.config.defaults.language,
    company: input.company ?? null,
    notes: input.notes ?? null,
    searchText: searchTextOf({ ...input, displayName }, identities),
    mergedIntoId: null,
    mergedAt: null,
    attributes: {},
    createdAt: now,
    updatedAt: now,
  };
}

export async function insertCustomer(ctx: Ctx, input: Omit<CreateCustomerInput, 'identities'>, identities: NormalisedIdentity[]): Promise<CustomerRow> {
  const row = newCustomerRow(ctx, input, identities);
  await ctx.db.insert(customer).values(row);
  return row;
}

export async function createCustomer(ctx: Ctx, actor: Actor, input: CreateCustomerInput): Promise<CustomerDto> {
  requirePermission(actor, 'customers.write');
  const identities = normaliseAll(ctx, input.identities);
  const id = await inTransaction(ctx, async (tx) => {
    const row = await insertCustomer(tx, input, identities);
    const taken = await claimIdentities(tx, row.id, identities);
    if (taken.length) {
      throw conflict(`${taken[0]!.identity.kind} ${taken[0]!.identity.displayValue} already belongs to customer ${taken[0]!.ownerId}`, {
        existingCustomerId: taken[0]!.ownerId,
      });
    }
    return row.id;
  });
  return getCustomer(ctx, actor, id);
}

export async function updateCustomer(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateCustomerBody>): Promise<CustomerDto> {
  requirePermission(actor, 'customers.write');
  const current = await loadCustomer(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(customer).set({ ...input, updatedAt: ctx.clock.now() }).where(eq(customer.id, current.id));
    await refreshSearchText(tx, current.id);
  });
  return getCustomer(ctx, actor, current.id);
}

export async function addIdentity(ctx: Ctx, actor: Actor, customerId: string, input: { kind: IdentityKind; value: string; system?: string | undefined }) {
  requirePermission(actor, 'customers.write');
  const current = await loadCustomer(ctx, customerId);
  const [identity] = normaliseAll(ctx, [input]);
  await inTransaction(ctx, async (tx) => {
    const taken = await claimIdentities(tx, current.id, [identity!]);
    if (taken.length) {
      throw conflict(`${identity!.kind} ${identity!.displayValue} belongs to another customer; merge the two customers instead`, {
        existingCustomerId: taken[0]!.ownerId,
      });
    }
    await tx.db.update(customer).set({ updatedAt: ctx.clock.now() }).where(eq(customer.id, current.id));
    await refreshSearchText(tx, current.id);
  });
  return getCustomer(ctx, actor, current.id);
}

export async function removeIdentity(ctx: Ctx, actor: Actor, customerId: string, identityId: string) {
  requirePermission(actor, 'customers.write');
  const current = await loadCustomer(ctx, customerId);
  await inTransaction(ctx, async (tx) => {
    const gone = await tx.db
      .delete(customerIdentity)
      .where(and(eq(customerIdentity.id, identityId), eq(customerIdentity.customerId, current.id)))
      .returning({ id: customerIdentity.id });
    if (!gone.length) throw notFound('identity', identityId);
    await refreshSearchText(tx, current.id);
  });
  return getCustomer(ctx, actor, current.id);
}

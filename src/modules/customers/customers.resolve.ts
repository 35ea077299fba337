// Finding the customer behind contact details (an e-mail, a phone number) or creating one.
// Used wherever a case is opened for someone who may already be known. Only exact identity
// matches count; a second identity is attached when nobody else owns it, never merged.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { customer, customerIdentity } from './customers.schema.ts';
import { claimIdentities, insertCustomer, normaliseAll, refreshSearchText } from './customers.service.ts';
import type { NormalisedIdentity } from './identities.ts';

export interface ContactDetails {
  firstName?: string | undefined;
  lastName?: string | undefined;
  displayName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  language?: 'fr' | 'en' | undefined;
}

export interface ResolvedCustomer {
  id: string;
  displayName: string;
  language: 'fr' | 'en';
  created: boolean;
}

/** Call inside the transaction that will use the customer. */
export async function resolveCustomer(ctx: Ctx, contact: ContactDetails): Promise<ResolvedCustomer> {
  const identities = normaliseAll(ctx, [
    ...(contact.email ? [{ kind: 'email' as const, value: contact.email }] : []),
    ...(contact.phone ? [{ kind: 'phone' as const, value: contact.phone }] : []),
  ]);
  const known = await findOwner(ctx, identities);
  if (known) {
    const missing = identities.filter((i) => !known.owned.has(`${i.kind}|${i.value}`));
    if (missing.length) {
      await claimIdentities(ctx, known.row.id, missing);
      await refreshSearchText(ctx, known.row.id);
    }
    return { id: known.row.id, displayName: known.row.displayName, language: known.row.language, created: false };
  }
  const row = await insertCustomer(ctx, contact, identities);
  const taken = await claimIdentities(ctx, row.id, identities);
  if (taken.length) {
    // Someone created the same customer concurrently: use theirs, drop ours.
    await ctx.db.delete(customerIdentity).where(eq(customerIdentity.customerId, row.id));
    await ctx.db.delete(customer).where(eq(customer.id, row.id));
    const winner = await findOwner(ctx, identities);
    if (winner) return { id: winner.row.id, displayName: winner.row.displayName, language: winner.row.language, created: false };
  }
  return { id: row.id, displayName: row.displayName, language: row.language, created: true };
}

/** The customer owning the e-mail, else the one owning the phone number. */
async function findOwner(ctx: Ctx, identities: NormalisedIdentity[]) {
  if (identities.length === 0) return undefined;
  const rows = await ctx.db
    .select({ identity: customerIdentity, row: customer })
    .from(customerIdentity)
    .innerJoin(customer, eq(customer.id, customerIdentity.customerId))
    .where(or(...identities.map((i) => and(eq(customerIdentity.kind, i.kind), eq(customerIdentity.system, ''), eq(customerIdentity.value, i.value)))));
  const best = rows.find((r) => r.identity.kind === 'email') ?? rows[0];
  if (!best) return undefined;
  const owned = await ctx.db
    .select({ kind: customerIdentity.kind, value: customerIdentity.value })
    .from(customerIdentity)
    .where(and(eq(customerIdentity.customerId, best.row.id), inArray(customerIdentity.kind, ['email', 'phone'])));
  return { row: best.row, owned: new Set(owned.map((o) => `${o.kind}|${o.value}`)) };
}

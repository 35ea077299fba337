// Merge suggestions: when a message brings an identity another customer already owns (the
// e-mail a chat visitor gives, the phone number given at the counter), the two records may be
// one person, or two people sharing a family address. An exact identity match is evidence,
// not proof, so nothing is merged here: the pair waits for an agent, who accepts (the usual
// merge, previewable) or dismisses it. A merge, however it was started, settles the pair's
// suggestions and carries the absorbed customer's other suggestions over to the survivor.
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { MergeSuggestionDto, MergeSuggestionQuery } from './customers.contract.ts';
import { customer, mergeSuggestion } from './customers.schema.ts';
import { claimIdentities } from './customers.service.ts';
import type { NormalisedIdentity } from './identities.ts';

type SuggestionRow = typeof mergeSuggestion.$inferSelect;

/**
 * Attaches the identities nobody owns to the customer; for each one another customer owns,
 * records a suggestion (once per pair while it is open). Call inside the message's transaction.
 */
export async function learnIdentities(ctx: Ctx, customerId: string, identities: NormalisedIdentity[], source: string): Promise<{ suggested: string[] }> {
  const taken = await claimIdentities(ctx, customerId, identities);
  const suggested: string[] = [];
  for (const { identity, ownerId } of taken) {
    const id = await suggestMerge(ctx, { customerId, otherCustomerId: ownerId, identity, source });
    if (id) suggested.push(id);
  }
  return { suggested };
}

async function suggestMerge(
  ctx: Ctx,
  s: { customerId: string; otherCustomerId: string; identity: Pick<NormalisedIdentity, 'kind' | 'value'>; source: string },
): Promise<string | null> {
  // An agent who said "two people" is not asked again about the same pair.
  const [dismissed] = await ctx.db
    .select({ id: mergeSuggestion.id })
    .from(mergeSuggestion)
    .where(
      and(
        eq(mergeSuggestion.status, 'dismissed'),
        or(
          and(eq(mergeSuggestion.customerId, s.customerId), eq(mergeSuggestion.otherCustomerId, s.otherCustomerId)),
          and(eq(mergeSuggestion.customerId, s.otherCustomerId), eq(mergeSuggestion.otherCustomerId, s.customerId)),
        ),
      ),
    )
    .limit(1);
  if (dismissed) return null;
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const inserted = await ctx.db
    .insert(mergeSuggestion)
    .values({
      id,
      customerId: s.customerId,
      otherCustomerId: s.otherCustomerId,
      identityKind: s.identity.kind,
      identityValue: s.identity.value,
      source: s.source,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: mergeSuggestion.id });
  if (!inserted.length) return null;
  await ctx.events.emit(ctx.db, { type: 'customer.merge_suggested', suggestionId: id, customerIds: [s.customerId, s.otherCustomerId], at: now.toISOString() });
  return id;
}

export async function listMergeSuggestions(ctx: Ctx, actor: Actor, q: MergeSuggestionQuery): Promise<MergeSuggestionDto[]> {
  requirePermission(actor, 'customers.read');
  return findSuggestions(ctx, q);
}

/** Open suggestions naming this customer, for the customer panel. */
export function openSuggestionsFor(ctx: Ctx, customerId: string): Promise<MergeSuggestionDto[]> {
  return findSuggestions(ctx, { status: 'open', customerId, limit: 20 });
}

async function findSuggestions(ctx: Ctx, q: MergeSuggestionQuery): Promise<MergeSuggestionDto[]> {
  const conditions = [eq(mergeSuggestion.status, q.status)];
  if (q.customerId) conditions.push(or(eq(mergeSuggestion.customerId, q.customerId), eq(mergeSuggestion.otherCustomerId, q.customerId))!);
  const rows = await ctx.db
    .select()
    .from(mergeSuggestion)
    .where(and(...conditions))
    .orderBy(desc(mergeSuggestion.createdAt), desc(mergeSuggestion.id))
    .limit(q.limit);
  return present(ctx, rows);
}

async function present(ctx: Ctx, rows: SuggestionRow[]): Promise<MergeSuggestionDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.customerId, r.otherCustomerId]))];
  const people = ids.length
    ? await ctx.db.select({ id: customer.id, displayName: customer.displayName }).from(customer).where(inArray(customer.id, ids))
    : [];
  const who = (id: string) => ({ id, displayName: people.find((p) => p.id === id)?.displayName ?? '' });
  return rows.map((r) => ({
    id: r.id,
    customer: who(r.customerId),
    otherCustomer: who(r.otherCustomerId),
    identity: { kind: r.identityKind, value: r.identityValue },
    source: r.source,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

async function openSuggestion(ctx: Ctx, id: string): Promise<SuggestionRow> {
  const [row] = await ctx.db.select().from(mergeSuggestion).where(eq(mergeSuggestion.id, id));
  if (!row) throw new AppError('not_found', `Merge suggestion ${id} not found`);
  if (row.status !== 'open') throw conflict(`Merge suggestion ${id} is already ${row.status}`);
  return row;
}

/** The agent says these are two people: the suggestion is closed and not made again while closed. */
export async function dismissMergeSuggestion(ctx: Ctx, actor: Actor, id: string): Promise<MergeSuggestionDto> {
  requirePermission(actor, 'customers.merge');
  return inTransaction(ctx, async (tx) => {
    const row = await openSuggestion(tx, id);
    const now = tx.clock.now();
    const [done] = await tx.db
      .update(mergeSuggestion)
      .set({ status: 'dismissed', resolvedBy: actor.userId ?? null, resolvedAt: now })
      .where(eq(mergeSuggestion.id, row.id))
      .returning();
    await recordAudit(tx, actor, { action: 'customer.merge_dismissed', targetType: 'customer', targetId: row.customerId, details: { suggestionId: id, otherCustomerId: row.otherCustomerId } });
    return (await present(tx, [done!]))[0]!;
  });
}

/** The pair an accepted suggestion merges: the survivor the agent chose, else the older customer. */
export async function acceptancePair(ctx: Ctx, id: string, survivorId: string | undefined): Promise<{ survivorId: string; sourceId: string }> {
  const row = await openSuggestion(ctx, id);
  const pair = [row.customerId, row.otherCustomerId];
  if (survivorId && !pair.includes(survivorId)) throw new AppError('validation_failed', 'survivorId: must be one of the two customers of the suggestion');
  // uuidv7 ids sort by creation: the older record usually holds the longer history.
  const survivor = survivorId ?? [...pair].sort()[0]!;
  return { survivorId: survivor, sourceId: pair.find((c) => c !== survivor)! };
}

/**
 * Inside a merge's transaction: the pair's open suggestions are accepted, and the absorbed
 * customer's suggestions with others now speak of the survivor (or close, when the survivor
 * already has one open with that person).
 */
export async function settleSuggestionsOnMerge(ctx: Ctx, actor: Actor, survivorId: string, sourceId: string): Promise<void> {
  const now = ctx.clock.now();
  const involved = await ctx.db
    .select()
    .from(mergeSuggestion)
    .where(and(eq(mergeSuggestion.status, 'open'), or(inArray(mergeSuggestion.customerId, [survivorId, sourceId]), inArray(mergeSuggestion.otherCustomerId, [survivorId, sourceId]))))
    .for('update');
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');
  const open = new Set(involved.filter((r) => r.customerId !== sourceId && r.otherCustomerId !== sourceId).map((r) => pairKey(r.customerId, r.otherCustomerId)));
  const resolved = { resolvedBy: actor.userId ?? null, resolvedAt: now };
  for (const r of involved) {
    const isPair = pairKey(r.customerId, r.otherCustomerId) === pairKey(survivorId, sourceId);
    if (isPair) {
      await ctx.db.update(mergeSuggestion).set({ status: 'accepted', ...resolved }).where(eq(mergeSuggestion.id, r.id));
      continue;
    }
    if (r.customerId !== sourceId && r.otherCustomerId !== sourceId) continue;
    const moved = { customerId: r.customerId === sourceId ? survivorId : r.customerId, otherCustomerId: r.otherCustomerId === sourceId ? survivorId : r.otherCustomerId };
    const key = pairKey(moved.customerId, moved.otherCustomerId);
    if (open.has(key)) {
      await ctx.db.update(mergeSuggestion).set({ status: 'dismissed', ...resolved }).where(eq(mergeSuggestion.id, r.id));
    } else {
      open.add(key);
      await ctx.db.update(mergeSuggestion).set(moved).where(eq(mergeSuggestion.id, r.id));
    }
  }
}

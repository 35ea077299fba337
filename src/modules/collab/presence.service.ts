// Who else is on a case: every open case page sends a heartbeat (viewing, or typing while its
// composer holds unsent text, or left when it closes). The rows live in the database with
// their last heartbeat, so any app node can say who is there, and an entry nobody refreshes
// is forgotten after PRESENCE_TTL_MS — a closed laptop does not stay "viewing" for ever. A
// heartbeat that changes what others should see (someone arrives, starts or stops typing,
// leaves) is also published as a realtime signal, so their screens change at once.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { forbidden } from '../../platform/errors.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor, type Principal } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import type { ComposingKind, PresenceDto, PresenceInput, PresenceList, PresenceState } from './collab.contract.ts';
import { casePresence } from './collab.schema.ts';
import { publishPresence } from './presence.signals.ts';

/** The page beats every 15 s; an entry lasts 40 s, so two beats may be lost before it goes. */
export const PRESENCE_TTL_MS = 40_000;

interface UserPresence {
  name: string;
  state: PresenceState;
  kind: ComposingKind | null;
  seenAt: Date;
}

async function presenceRows(ctx: Ctx, caseId: string, since: Date, only?: { userId: string }) {
  return ctx.db
    .select({ userId: casePresence.userId, name: appUser.name, state: casePresence.state, kind: casePresence.composing, seenAt: casePresence.seenAt })
    .from(casePresence)
    .innerJoin(appUser, eq(appUser.id, casePresence.userId))
    .where(and(eq(casePresence.caseId, caseId), gt(casePresence.seenAt, since), only ? eq(casePresence.userId, only.userId) : undefined))
    .orderBy(asc(casePresence.seenAt));
}

/**
 * One entry per user whatever their tabs: typing if any tab is (with the kind of the latest
 * one to say so), and there until their latest heartbeat expires.
 */
export function byUser(rows: ({ userId: string } & UserPresence)[]): Map<string, UserPresence> {
  const users = new Map<string, UserPresence>();
  for (const r of rows) {
    const known = users.get(r.userId);
    const typing = r.state === 'typing' ? r : known?.state === 'typing' ? known : null;
    const latest = !known || r.seenAt > known.seenAt ? r.seenAt : known.seenAt;
    users.set(r.userId, { name: r.name, state: typing ? 'typing' : 'viewing', kind: typing?.kind ?? null, seenAt: latest });
  }
  return users;
}

const present = (userId: string, p: UserPresence): PresenceDto => ({
  user: { id: userId, name: p.name },
  state: p.state,
  kind: p.kind,
  expiresAt: new Date(p.seenAt.getTime() + PRESENCE_TTL_MS).toISOString(),
});

async function othersOn(ctx: Ctx, caseId: string, userId: string): Promise<PresenceList> {
  const now = ctx.clock.now();
  const users = byUser(await presenceRows(ctx, caseId, new Date(now.getTime() - PRESENCE_TTL_MS)));
  users.delete(userId);
  return {
    present: [...users].map(([id, p]) => present(id, p)).sort((a, b) => a.user.name.localeCompare(b.user.name)),
    ttlSeconds: PRESENCE_TTL_MS / 1000,
    at: now.toISOString(),
  };
}

export async function listPresence(ctx: Ctx, actor: Actor & { userId: string }, caseId: string): Promise<PresenceList> {
  requirePermission(actor, 'cases.read');
  await loadVisibleCase(ctx, actor, caseId);
  return othersOn(ctx, caseId, actor.userId);
}

/** A case page's heartbeat; answers who else is there. */
export async function recordPresence(ctx: Ctx, actor: Principal, caseId: string, input: PresenceInput): Promise<PresenceList> {
  requirePermission(actor, 'cases.read');
  const { row, access } = await loadVisibleCase(ctx, actor, caseId);
  if (input.state === 'typing') {
    requirePermission(actor, 'cases.write');
    if (access !== 'full') throw forbidden('This case belongs to another store: you can read it, not write on it');
  }
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - PRESENCE_TTL_MS);
  const tab = and(eq(casePresence.caseId, caseId), eq(casePresence.userId, actor.userId), eq(casePresence.tabId, input.tabId ?? ''));
  await inTransaction(ctx, async (tx) => {
    const mine = { userId: actor.userId };
    const before = byUser(await presenceRows(tx, caseId, since, mine)).get(actor.userId) ?? null;
    // Entries of this case nobody refreshed are gone anyway; the hourly clean-up takes the rest.
    await tx.db.delete(casePresence).where(and(eq(casePresence.caseId, caseId), lt(casePresence.seenAt, since)));
    if (input.state === 'left') await tx.db.delete(casePresence).where(tab);
    else {
      const values = { state: input.state, composing: input.state === 'typing' ? (input.kind ?? 'reply') : null, seenAt: now };
      await tx.db
        .insert(casePresence)
        .values({ caseId, userId: actor.userId, tabId: input.tabId ?? '', ...values })
        .onConflictDoUpdate({ target: [casePresence.caseId, casePresence.userId, casePresence.tabId], set: values });
    }
    const after = byUser(await presenceRows(tx, caseId, since, mine)).get(actor.userId) ?? null;
    if (before?.state === after?.state && before?.kind === after?.kind) return;
    publishPresence(tx, {
      caseId,
      brandId: row.c.brandId,
      storeId: row.c.storeId,
      user: { id: actor.userId, name: actor.name },
      state: after?.state ?? 'left',
      kind: after?.kind ?? null,
      expiresAt: after ? new Date(after.seenAt.getTime() + PRESENCE_TTL_MS).toISOString() : null,
      at: now.toISOString(),
    });
  });
  return othersOn(ctx, caseId, actor.userId);
}

/** The hourly clean-up: rows of pages closed without a word. */
export async function purgeExpiredPresence(ctx: Pick<Ctx, 'db'>, before: Date): Promise<void> {
  await ctx.db.delete(casePresence).where(lt(casePresence.seenAt, before));
}


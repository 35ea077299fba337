// API tokens for integrations: shown once at creation, stored as a digest, revocable,
// optionally expiring. A token acts with its owner's role and scope.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { digest, newSecretToken } from '../../platform/crypto/tokens.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { can } from './access.policy.ts';
import { apiToken, appUser } from './access.schema.ts';
import { requirePermission, type Actor } from './actor.ts';
import { API_TOKEN_PREFIX } from './sessions.service.ts';

type TokenRow = typeof apiToken.$inferSelect;

export function presentToken(row: TokenRow) {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function ownerOf(actor: Actor, userId: string | undefined): string {
  const owner = userId ?? actor.userId;
  if (!owner) throw forbidden('A token belongs to a user: name one with userId');
  if (owner !== actor.userId && !can(actor.role, 'users.manage')) throw forbidden('Only administrators manage other users’ tokens');
  return owner;
}

export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; expiresInDays?: number | undefined; userId?: string | undefined },
) {
  requirePermission(actor, 'tokens.own');
  const userId = ownerOf(actor, input.userId);
  const [owner] = await ctx.db.select({ id: appUser.id, active: appUser.active }).from(appUser).where(eq(appUser.id, userId));
  if (!owner) throw notFound('user', userId);
  const now = ctx.clock.now();
  const token = newSecretToken(API_TOKEN_PREFIX);
  const row: TokenRow = {
    id: uuidv7(now.getTime()),
    userId,
    name: input.name,
    tokenHash: digest(token),
    prefix: token.slice(0, 10),
    createdAt: now,
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(apiToken).values(row);
    await recordAudit(tx, actor, { action: 'token.created', targetType: 'api_token', targetId: row.id, details: { userId, name: input.name } });
  });
  return { ...presentToken(row), token };
}

export async function listApiTokens(ctx: Ctx, actor: Actor, userId?: string) {
  requirePermission(actor, 'tokens.own');
  const owner = ownerOf(actor, userId);
  const rows = await ctx.db.select().from(apiToken).where(eq(apiToken.userId, owner)).orderBy(desc(apiToken.createdAt));
  return rows.map(presentToken);
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'tokens.own');
  const [row] = await ctx.db.select().from(apiToken).where(eq(apiToken.id, id));
  if (!row) throw notFound('API token', id);
  ownerOf(actor, row.userId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(apiToken).set({ revokedAt: ctx.clock.now() }).where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)));
    await recordAudit(tx, actor, { action: 'token.revoked', targetType: 'api_token', targetId: id, details: { userId: row.userId } });
  });
}

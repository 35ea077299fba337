// Signing in and out, and turning a presented credential (session token or API token) into
// a Principal. Session tokens and API tokens are both random 256-bit secrets stored as
// SHA-256 digests; the prefix says which table to look in.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { decoyHash, verifyPassword, hashPassword, type Argon2Params } from '../../platform/crypto/password.ts';
import { digest, newSecretToken } from '../../platform/crypto/tokens.ts';
import { queryRows } from '../../platform/db/database.ts';
import { callValue, eachCall, preparedEach } from '../../platform/db/prepared.ts';
import { AppError } from '../../platform/errors.ts';
import { hit, peek, reset, tooMany } from '../../platform/http/rate-limit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { anonymousActor, type Principal } from './actor.ts';
import { appUser, authSession } from './access.schema.ts';
import type { Role } from './access.schema.ts';

export const SESSION_PREFIX = 'cps';
export const API_TOKEN_PREFIX = 'cpt';

/** Session activity is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export function argon2Params(ctx: Ctx): Argon2Params {
  return { memoryKiB: ctx.config.argon2MemoryKiB, passes: 2, parallelism: 1 };
}

let decoy: Promise<string> | undefined;

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Principal;
}

export async function login(ctx: Ctx, input: LoginInput): Promise<LoginResult> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const windowMs = ctx.config.login.windowMinutes * 60_000;
  const byEmail = { key: `login:email:${email}`, max: ctx.config.login.maxAttempts, windowMs };
  const byIp = { key: `login:ip:${input.ip}`, max: ctx.config.login.maxAttempts * 5, windowMs };
  // Only failures are counted; a locked-out account stays locked even with the right password.
  if ((await peek(ctx.db, byEmail, now)) >= byEmail.max || (await peek(ctx.db, byIp, now)) >= byIp.max) {
    throw tooMany('Too many failed sign-in attempts; try again later', new Date(Math.ceil((now.getTime() + 1) / windowMs) * windowMs), now);
  }

  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.email, email));
  const params = argon2Params(ctx);
  const hash = user?.passwordHash ?? (await (decoy ??= decoyHash(params)));
  const verdict = await verifyPassword(input.password, hash, params);
  const actor = { ...anonymousActor(email, input.ip), userId: user?.id ?? null };

  if (!user || !user.passwordHash || !verdict.ok || !user.active) {
    await hit(ctx.db, byEmail, now);
    await hit(ctx.db, byIp, now);
    await recordAudit(ctx, actor, {
      action: 'auth.login_failed',
      targetType: 'user',
      ...(user ? { targetId: user.id } : {}),
      details: { reason: !user ? 'unknown_email' : !user.active ? 'inactive' : 'bad_password' },
    });
    throw new AppError('unauthenticated', 'Wrong e-mail or password');
  }

  const token = newSecretToken(SESSION_PREFIX);
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const sessionId = uuidv7(now.getTime());
  await inTransaction(ctx, async ({ db: tx }) => {
    await tx.insert(authSession).values({
      id: sessionId,
      userId: user.id,
      tokenHash: digest(token),
      csrfToken,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    const rehash = verdict.needsRehash ? { passwordHash: await hashPassword(input.password, params) } : {};
    await tx.update(appUser).set({ lastLoginAt: now, ...rehash }).where(eq(appUser.id, user.id));
    await recordAudit({ ...ctx, db: tx }, { ...actor, userId: user.id }, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      details: { sessionId },
    });
  });
  await reset(ctx.db, byEmail.key);
  const principal = await resolveCredential(ctx, token);
  if (!principal) throw new AppError('internal', 'session vanished right after creation');
  return { token, csrfToken, expiresAt, principal };
}

export async function logout(ctx: Ctx, principal: Principal): Promise<void> {
  if (principal.via !== 'session') return;
  await ctx.db
    .update(authSession)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(authSession.id, principal.credentialId), isNull(authSession.revokedAt)));
}

/** Revokes every session of a user (password change, deactivation). */
export async function revokeSessions(ctx: Ctx, userId: string): Promise<void> {
  await ctx.db
    .update(authSession)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(authSession.userId, userId), isNull(authSession.revokedAt)));
}

interface CredentialRow {
  credential_id: string;
  csrf_token: string | null;
  last_seen_at: Date | string | null;
  id: string;
  email: string;
  name: string;
  role: Role;
  language: 'fr' | 'en';
  brand_ids: string[] | null;
  store_ids: string[] | null;
}

// The credential and its user in one round trip, one statement per kind of credential.
const principalColumns = sql`c.credential_id, c.csrf_token, c.last_seen_at, u.id, u.email, u.name, u.role, u.language,
  (SELECT array_agg(brand_id) FROM user_brand WHERE user_id = u.id) AS brand_ids,
  (SELECT array_agg(store_id) FROM user_store WHERE user_id = u.id) AS store_ids`;
// For any number of concurrent requests at once (platform/db/coalescing.ts).
const credentialBy = {
  session: preparedEach<{ hash: string; now: string }, CredentialRow>(
    'comptoir_session_principal',
    sql`SELECT a.call, ${principalColumns}
        FROM ${eachCall} JOIN LATERAL (
          SELECT id AS credential_id, user_id, csrf_token, last_seen_at FROM auth_session
          WHERE token_hash = ${callValue('hash')} AND revoked_at IS NULL AND expires_at > ${callValue('now')}::timestamptz OFFSET 0) c ON true
        JOIN app_user u ON u.id = c.user_id
        WHERE u.active`,
  ),
  token: preparedEach<{ hash: string; now: string }, CredentialRow>(
    'comptoir_token_principal',
    sql`SELECT a.call, ${principalColumns}
        FROM ${eachCall} JOIN LATERAL (
          SELECT id AS credential_id, user_id, NULL::text AS csrf_token, last_used_at AS last_seen_at FROM api_token
          WHERE token_hash = ${callValue('hash')} AND revoked_at IS NULL
            AND (expires_at IS NULL OR expires_at > ${callValue('now')}::timestamptz) OFFSET 0) c ON true
        JOIN app_user u ON u.id = c.user_id
        WHERE u.active`,
  ),
};

/** The principal a token stands for, or null when it is unknown, expired or revoked. */
export async function resolveCredential(ctx: Ctx, token: string): Promise<Principal | null> {
  const via = token.startsWith(`${SESSION_PREFIX}_`) ? 'session' : token.startsWith(`${API_TOKEN_PREFIX}_`) ? 'token' : null;
  if (!via || token.length > 200) return null;
  const [row] = await credentialBy[via].rows(ctx.db, { hash: digest(token), now: ctx.clock.now().toISOString() });
  if (!row) return null;
  await touch(ctx, via, row);
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    name: row.name,
    label: row.email,
    role: row.role,
    language: row.language,
    scope: { brandIds: row.brand_ids, storeIds: row.store_ids },
    via,
    credentialId: row.credential_id,
    csrfToken: row.csrf_token,
  };
}

/** Whether a principal's session or token is still valid (not revoked, not expired, user active). */
export async function isCredentialActive(ctx: Ctx, principal: Principal): Promise<boolean> {
  const now = ctx.clock.now().toISOString();
  const table = principal.via === 'session' ? sql`auth_session` : sql`api_token`;
  const [row] = await queryRows<{ ok: boolean }>(
    ctx.db,
    sql`SELECT true AS ok FROM ${table} c JOIN app_user u ON u.id = c.user_id
        WHERE c.id = ${principal.credentialId} AND c.revoked_at IS NULL
          AND (c.expires_at IS NULL OR c.expires_at > ${now}) AND u.active`,
  );
  return !!row;
}

async function touch(ctx: Ctx, via: 'session' | 'token', row: CredentialRow): Promise<void> {
  const now = ctx.clock.now();
  const last = row.last_seen_at ? new Date(row.last_seen_at).getTime() : 0;
  if (now.getTime() - last < TOUCH_INTERVAL_MS) return;
  if (via === 'session') {
    await ctx.db.update(authSession).set({ lastSeenAt: now }).where(eq(authSession.id, row.credential_id));
  } else {
    await ctx.db.execute(sql`UPDATE api_token SET last_used_at = ${now.toISOString()} WHERE id = ${row.credential_id}`);
  }
}

export async function purgeExpiredSessions(ctx: Ctx, before: Date): Promise<void> {
  await ctx.db.delete(authSession).where(gt(sql`${before.toISOString()}::timestamptz`, authSession.expiresAt));
}

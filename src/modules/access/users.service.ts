// Users: create, read, update (role, scope, password, activation). Role and scope changes
// are audited; deactivating a user or changing their password ends their sessions.
import { and, asc, eq, gt, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { hashPassword } from '../../platform/crypto/password.ts';
import { AppError, conflict, forbidden, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { brand, store } from '../org/org.schema.ts';
import { canAssignRole } from './access.policy.ts';
import type { CreateUserInput, UpdateUserInput, User } from './access.contract.ts';
import { appUser, userBrand, userStore, type Role } from './access.schema.ts';
import { requirePermission, type Actor } from './actor.ts';
import { argon2Params, revokeSessions } from './sessions.service.ts';

type UserRow = typeof appUser.$inferSelect;

export function presentUser(row: UserRow, brandIds: string[], storeIds: string[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    active: row.active,
    brandIds,
    storeIds,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function scopesOf(ctx: Ctx, userIds: string[]) {
  const brands = new Map<string, string[]>();
  const stores = new Map<string, string[]>();
  if (userIds.length === 0) return { brands, stores };
  for (const r of await ctx.db.select().from(userBrand).where(inArray(userBrand.userId, userIds))) {
    brands.set(r.userId, [...(brands.get(r.userId) ?? []), r.brandId]);
  }
  for (const r of await ctx.db.select().from(userStore).where(inArray(userStore.userId, userIds))) {
    stores.set(r.userId, [...(stores.get(r.userId) ?? []), r.storeId]);
  }
  return { brands, stores };
}

export async function getUser(ctx: Ctx, actor: Actor, id: string): Promise<User> {
  requirePermission(actor, 'users.read');
  const [row] = await ctx.db.select().from(appUser).where(eq(appUser.id, id));
  if (!row) throw notFound('user', id);
  const { brands, stores } = await scopesOf(ctx, [id]);
  return presentUser(row, brands.get(id) ?? [], stores.get(id) ?? []);
}

export interface UserListQuery {
  q?: string | undefined;
  role?: Role | undefined;
  active?: 'true' | 'false' | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listUsers(ctx: Ctx, actor: Actor, query: UserListQuery) {
  requirePermission(actor, 'users.read');
  const where: SQL[] = [];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(appUser.name, like), ilike(appUser.email, like))!);
  }
  if (query.role) where.push(eq(appUser.role, query.role));
  if (query.active) where.push(eq(appUser.active, query.active === 'true'));
  if (query.cursor) where.push(gt(appUser.email, String(decodeCursor(query.cursor, 1)[0])));
  const rows = await ctx.db
    .select()
    .from(appUser)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(appUser.email))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (r) => [r.email]);
  const { brands, stores } = await scopesOf(ctx, page.items.map((r) => r.id));
  return { items: page.items.map((r) => presentUser(r, brands.get(r.id) ?? [], stores.get(r.id) ?? [])), nextCursor: page.nextCursor };
}

export async function createUser(ctx: Ctx, actor: Actor, input: CreateUserInput): Promise<User> {
  requirePermission(actor, 'users.manage');
  if (actor.kind === 'user' && !canAssignRole({ role: actor.role, userId: actor.userId! }, {})) {
    throw forbidden('Only administrators create users');
  }
  checkPassword(input.password);
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const passwordHash = await hashPassword(input.password, argon2Params(ctx));
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(appUser).values({
        id,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash,
        language: input.language,
        active: input.active,
        createdAt: now,
        updatedAt: now,
      });
      await writeScopes(tx, id, input.brandIds, input.storeIds);
      await recordAudit(tx, actor, {
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        details: { email: input.email.toLowerCase(), role: input.role, brandIds: input.brandIds, storeIds: input.storeIds },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'app_user_email_key')) throw conflict(`A user with e-mail ${input.email} already exists`);
    throw error;
  }
  return getUser(ctx, actor, id);
}

export async function updateUser(ctx: Ctx, actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
  const self = actor.userId === id;
  const touchesAccess = input.role !== undefined || input.brandIds !== undefined || input.storeIds !== undefined || input.active !== undefined;
  // Anyone may change their own name, language and password; the rest is for admins.
  if (!self || touchesAccess) requirePermission(actor, 'users.manage');
  if (touchesAccess && self) throw forbidden('You cannot change your own role, scope or activation');
  const before = await getUser(ctx, actor, id);
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    const set: Partial<typeof appUser.$inferInsert> = { updatedAt: now };
    if (input.name !== undefined) set.name = input.name;
    if (input.language !== undefined) set.language = input.language;
    if (input.role !== undefined) set.role = input.role;
    if (input.active !== undefined) set.active = input.active;
    if (input.password !== undefined) set.passwordHash = await hashPassword(checkPassword(input.password), argon2Params(ctx));
    await tx.db.update(appUser).set(set).where(eq(appUser.id, id));
    if (input.brandIds !== undefined || input.storeIds !== undefined) {
      await writeScopes(tx, id, input.brandIds ?? before.brandIds, input.storeIds ?? before.storeIds, true);
    }
    if (input.password !== undefined || input.active === false) await revokeSessions(tx, id);
    const changes: Record<string, unknown> = {};
    if (input.role !== undefined && input.role !== before.role) changes.role = { from: before.role, to: input.role };
    if (input.active !== undefined && input.active !== before.active) changes.active = { from: before.active, to: input.active };
    if (input.brandIds !== undefined) changes.brandIds = { from: before.brandIds, to: input.brandIds };
    if (input.storeIds !== undefined) changes.storeIds = { from: before.storeIds, to: input.storeIds };
    if (input.password !== undefined) changes.password = 'changed';
    if (Object.keys(changes).length) {
      await recordAudit(tx, actor, { action: 'user.access_changed', targetType: 'user', targetId: id, details: changes });
    }
  });
  return getUser(ctx, actor, id);
}

/** The same rule for every way in (API, CLI, bootstrap, demo): at least 12 characters. */
function checkPassword(password: string): string {
  if (password.length < 12) throw invalid('password', 'at least 12 characters');
  return password;
}

async function writeScopes(ctx: Ctx, userId: string, brandIds: string[], storeIds: string[], replace = false) {
  const brands = [...new Set(brandIds)];
  const stores = [...new Set(storeIds)];
  if (brands.length) {
    const found = await ctx.db.select({ id: brand.id }).from(brand).where(inArray(brand.id, brands));
    if (found.length !== brands.length) throw new AppError('validation_failed', 'brandIds: unknown brand', { errors: [{ field: 'brandIds', message: 'unknown brand' }] });
  }
  if (stores.length) {
    const found = await ctx.db.select({ id: store.id }).from(store).where(inArray(store.id, stores));
    if (found.length !== stores.length) throw new AppError('validation_failed', 'storeIds: unknown store', { errors: [{ field: 'storeIds', message: 'unknown store' }] });
  }
  if (replace) {
    await ctx.db.delete(userBrand).where(eq(userBrand.userId, userId));
    await ctx.db.delete(userStore).where(eq(userStore.userId, userId));
  }
  if (brands.length) await ctx.db.insert(userBrand).values(brands.map((brandId) => ({ userId, brandId })));
  if (stores.length) await ctx.db.insert(userStore).values(stores.map((storeId) => ({ userId, storeId })));
}

export async function findUserByEmail(ctx: Ctx, email: string): Promise<UserRow | undefined> {
  const [row] = await ctx.db.select().from(appUser).where(eq(appUser.email, email.trim().toLowerCase()));
  return row;
}

// First start on an empty database: create the first administrator, from
// COMPTOIR_ADMIN_EMAIL / COMPTOIR_ADMIN_PASSWORD or with a generated password that is
// printed once (to the terminal, never to the log).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { systemActor } from './actor.ts';
import { createUser } from './users.service.ts';

export interface BootstrapResult {
  email: string;
  /** Set only when the password was generated here. */
  generatedPassword: string | null;
}

export async function ensureFirstAdmin(ctx: Ctx): Promise<BootstrapResult | null> {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM app_user`);
  if (Number(n) > 0) return null;
  const email = ctx.config.bootstrapAdmin.email ?? 'admin@comptoir.local';
  const generated = ctx.config.bootstrapAdmin.password ? null : randomBytes(15).toString('base64url');
  try {
    await createUser(ctx, systemActor('bootstrap'), {
    email,
    name: 'Administrateur',
    role: 'admin',
    password: ctx.config.bootstrapAdmin.password ?? generated!,
    language: ctx.config.defaults.language,
    active: true,
    brandIds: [],
    storeIds: [],
    });
  } catch (error) {
    // Another node bootstrapped the same empty database at the same moment.
    if (error instanceof AppError && error.code === 'conflict') return null;
    throw error;
  }
  return { email, generatedPassword: generated };
}

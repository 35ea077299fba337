// Channel accounts, managed by admins: each connector checks its settings and secrets; secrets
// are sealed at rest and never returned (only which ones are set); every change is audited.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid, isForeignKeyViolation, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { connectorFor, connectors } from '../registry.ts';
import type { AccountRow } from '../connector.ts';
import type { ChannelAccountDto, createAccountBody, updateAccountBody } from './accounts.contract.ts';
import { accountFailingJob } from './account-alerts.ts';
import { channelAccount } from './accounts.schema.ts';

function secretsOf(ctx: Pick<Ctx, 'secrets'>, row: Pick<AccountRow, 'secretsSealed'>): Record<string, string> {
  return row.secretsSealed ? (JSON.parse(ctx.secrets.open(row.secretsSealed)) as Record<string, string>) : {};
}

/** The account's secrets in clear, for its connector only. */
export function accountSecrets(ctx: Pick<Ctx, 'secrets'>, row: Pick<AccountRow, 'secretsSealed'>): Record<string, string> {
  return secretsOf(ctx, row);
}

export function presentAccount(ctx: Pick<Ctx, 'secrets'>, row: AccountRow, lastInboundAt: Date | null = null): ChannelAccountDto {
  return {
    id: row.id,
    channel: row.channel,
    name: row.name,
    address: row.address,
    brandId: row.brandId,
    storeId: row.storeId,
    teamId: row.teamId,
    settings: row.settings,
    secretsSet: Object.keys(secretsOf(ctx, row)).sort(),
    state: row.state,
    stateDetail: row.stateDetail,
    stateChangedAt: row.stateChangedAt?.toISOString() ?? null,
    lastInboundAt: lastInboundAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Settings and secrets as the account's connector accepts them, or a 422 naming the field. */
function checked(channel: string, settings: Record<string, unknown>, secrets: Record<string, string>) {
  const connector = connectorFor(channel);
  if (!connector) throw invalid('channel', `no connector for "${channel}" (one of: ${connectors.map((c) => c.channel).join(', ')})`);
  const s = connector.settings.safeParse(settings);
  const k = connector.secrets.safeParse(secrets);
  const errors = [
    ...(s.success ? [] : s.error.issues.map((i) => ({ field: ['settings', ...i.path].join('.'), message: i.message }))),
    ...(k.success ? [] : k.error.issues.map((i) => ({ field: ['secrets', ...i.path].join('.'), message: i.message }))),
  ];
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return { settings: s.data as Record<string, unknown>, secrets: k.data as Record<string, string> };
}

async function write<T>(ctx: Ctx, actor: Actor, audit: { action: string; targetId: string; details?: Record<string, unknown> }, work: (tx: Ctx) => Promise<T>): Promise<T> {
  requirePermission(actor, 'org.manage');
  try {
    return await inTransaction(ctx, async (tx) => {
      const result = await work(tx);
      tx.accounts.changed(tx.db);
      await recordAudit(tx, actor, { ...audit, targetType: 'channel_account' });
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another account of this channel already has this address');
    if (isForeignKeyViolation(error)) throw invalid('brandId', 'the brand, store or team does not exist');
    throw error;
  }
}

export async function listAccounts(ctx: Ctx, actor: Actor): Promise<ChannelAccountDto[]> {
  requirePermission(actor, 'org.read');
  const rows = await ctx.db.select().from(channelAccount).orderBy(asc(channelAccount.channel), asc(channelAccount.name));
  return rows.map((r) => presentAccount(ctx, r));
}

export async function loadAccount(ctx: Ctx, id: string): Promise<AccountRow> {
  const [row] = await ctx.db.select().from(channelAccount).where(eq(channelAccount.id, id));
  if (!row) throw notFound('channel account', id);
  return row;
}

export async function createAccount(ctx: Ctx, actor: Actor, input: z.infer<typeof createAccountBody>): Promise<ChannelAccountDto> {
  const { settings, secrets } = checked(input.channel, input.settings, input.secrets);
  const now = ctx.clock.now();
  const row: AccountRow = {
    id: uuidv7(now.getTime()),
    channel: input.channel,
    name: input.name,
    address: input.address,
    brandId: input.brandId,
    storeId: input.storeId,
    teamId: input.teamId,
    settings,
    secretsSealed: Object.keys(secrets).length ? ctx.secrets.seal(JSON.stringify(secrets)) : null,
    state: 'active',
    stateDetail: null,
    stateChangedAt: null,
    cursor: {},
    createdAt: now,
    updatedAt: now,
  };
  await write(ctx, actor, { action: 'channel_account.created', targetId: row.id, details: { channel: row.channel, address: row.address } }, (tx) => tx.db.insert(channelAccount).values(row));
  return presentAccount(ctx, row);
}

export async function updateAccount(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateAccountBody>): Promise<ChannelAccountDto> {
  return write(ctx, actor, { action: 'channel_account.updated', targetId: id, details: { ...input, secrets: input.secrets ? Object.keys(input.secrets) : undefined } }, async (tx) => {
    const before = await loadAccount(tx, id);
    const { settings, secrets } = checked(before.channel, input.settings ?? before.settings, { ...secretsOf(tx, before), ...input.secrets });
    const now = tx.clock.now();
    const { secrets: _, settings: __, state, ...fields } = input;
    const [after] = await tx.db
      .update(channelAccount)
      .set({
        ...fields,
        settings,
        secretsSealed: Object.keys(secrets).length ? tx.secrets.seal(JSON.stringify(secrets)) : null,
        ...(state ? { state, stateDetail: null, stateChangedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(channelAccount.id, id))
      .returning();
    return presentAccount(tx, after!);
  });
}

export async function deleteAccount(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await write(ctx, actor, { action: 'channel_account.deleted', targetId: id }, async (tx) => {
    await loadAccount(tx, id);
    await tx.db.delete(channelAccount).where(eq(channelAccount.id, id));
  });
}

/** Marks an account failing (its credentials or provider refuse us), with the reason; the admins are told once. */
export async function markFailing(ctx: Ctx, id: string, detail: string): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    const changed = await tx.db
      .update(channelAccount)
      .set({ state: 'failing', stateDetail: detail.slice(0, 1000), stateChangedAt: now })
      .where(and(eq(channelAccount.id, id), ne(channelAccount.state, 'failing')))
      .returning({ id: channelAccount.id });
    if (changed.length) {
      tx.accounts.changed(tx.db);
      await tx.jobs.enqueue(tx.db, accountFailingJob, { accountId: id, at: now.toISOString() });
    }
  });
}

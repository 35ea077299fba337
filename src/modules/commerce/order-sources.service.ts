// Order sources, managed by admins: a connected shop with its settings and secrets, checked by
// its kind; secrets sealed at rest the way channel accounts' are (and opened with the same
// function), never returned — only which ones are set; every change audited.
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, invalid, isForeignKeyViolation, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { accountSecrets } from '../../channels/accounts/accounts.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orderSource } from './commerce.schema.ts';
import type { CreateOrderSourceInput, OrderSourceDto, UpdateOrderSourceInput } from './order-sources.contract.ts';
import { sourceKinds, type ConnectedKind } from './order-sources.kinds.ts';
import type { OrderSourceRow } from './orders.ingest.ts';

/** The source's secrets in clear, for its own client only. */
export function sourceSecrets(ctx: Pick<Ctx, 'secrets'>, row: Pick<OrderSourceRow, 'secretsSealed'>): Record<string, string> {
  return accountSecrets(ctx, row);
}

/** The webhook address a shop is given for this source (Shopify, WooCommerce), or null (PrestaShop is polled). */
export function webhookPath(row: Pick<OrderSourceRow, 'id' | 'kind'>): string | null {
  return row.kind === 'shopify' || row.kind === 'woocommerce' ? `/api/v1/order-sources/${row.id}/${row.kind}` : null;
}

export function presentSource(ctx: Pick<Ctx, 'secrets' | 'config'>, row: OrderSourceRow): OrderSourceDto {
  const path = webhookPath(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    brandId: row.brandId,
    storeId: row.storeId,
    salesChannel: row.salesChannel,
    settings: row.settings,
    secretsSet: Object.keys(sourceSecrets(ctx, row)).sort(),
    state: row.state,
    stateDetail: row.stateDetail,
    webhookUrl: path ? `${ctx.config.http.publicUrl}${path}` : null,
    cursor: row.cursor,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Settings and secrets as the kind accepts them, or a 422 naming each field. */
function checked(kind: string, settings: Record<string, unknown>, secrets: Record<string, string>) {
  const rules = sourceKinds[kind as ConnectedKind];
  if (!rules) throw invalid('kind', `"${kind}" sources are not managed here`);
  const parsed = z.object({ settings: rules.settings, secrets: rules.secrets }).safeParse({ settings, secrets });
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

const seal = (ctx: Pick<Ctx, 'secrets'>, secrets: Record<string, string>) => (Object.keys(secrets).length ? ctx.secrets.seal(JSON.stringify(secrets)) : null);

async function write<T>(ctx: Ctx, actor: Actor, audit: { action: string; targetId: string; details?: Record<string, unknown> }, work: (tx: Ctx) => Promise<T>): Promise<T> {
  requirePermission(actor, 'org.manage');
  try {
    return await inTransaction(ctx, async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, actor, { ...audit, targetType: 'order_source' });
      return result;
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw invalid('brandId', 'the brand or store does not exist');
    throw error;
  }
}

export async function loadSource(ctx: Ctx, id: string): Promise<OrderSourceRow> {
  const [row] = await ctx.db.select().from(orderSource).where(eq(orderSource.id, id));
  if (!row) throw notFound('order source', id);
  return row;
}

export async function listSources(ctx: Ctx, actor: Actor): Promise<OrderSourceDto[]> {
  requirePermission(actor, 'org.manage');
  const rows = await ctx.db.select().from(orderSource).orderBy(asc(orderSource.kind), asc(orderSource.name));
  return rows.map((r) => presentSource(ctx, r));
}

export async function getSource(ctx: Ctx, actor: Actor, id: string): Promise<OrderSourceDto> {
  requirePermission(actor, 'org.manage');
  return presentSource(ctx, await loadSource(ctx, id));
}

export async function createSource(ctx: Ctx, actor: Actor, input: CreateOrderSourceInput): Promise<OrderSourceDto> {
  const { settings, secrets } = checked(input.kind, input.settings, input.secrets);
  const now = ctx.clock.now();
  const row: OrderSourceRow = {
    id: uuidv7(now.getTime()),
    kind: input.kind,
    name: input.name,
    brandId: input.brandId,
    storeId: input.storeId,
    salesChannel: input.salesChannel,
    settings,
    secretsSealed: seal(ctx, secrets),
    state: 'active',
    stateDetail: null,
    cursor: {},
    createdAt: now,
    updatedAt: now,
  };
  await write(ctx, actor, { action: 'order_source.created', targetId: row.id, details: { kind: row.kind, name: row.name } }, (tx) => tx.db.insert(orderSource).values(row));
  return presentSource(ctx, row);
}

export async function updateSource(ctx: Ctx, actor: Actor, id: string, input: UpdateOrderSourceInput): Promise<OrderSourceDto> {
  const details = { ...input, secrets: input.secrets ? Object.keys(input.secrets) : undefined };
  return write(ctx, actor, { action: 'order_source.updated', targetId: id, details }, async (tx) => {
    const before = await loadSource(tx, id);
    const { settings, secrets } = checked(before.kind, input.settings ?? before.settings, { ...sourceSecrets(tx, before), ...input.secrets });
    const { secrets: _, settings: __, state, ...fields } = input;
    const [after] = await tx.db
      .update(orderSource)
      .set({ ...fields, settings, secretsSealed: seal(tx, secrets), ...(state ? { state, stateDetail: null } : {}), updatedAt: tx.clock.now() })
      .where(eq(orderSource.id, id))
      .returning();
    return presentSource(tx, after!);
  });
}

/** Marks a source failing (the shop refuses our key), with the shop's reason; reading stops until an admin reactivates it. */
export async function markSourceFailing(ctx: Ctx, id: string, detail: string): Promise<void> {
  await ctx.db
    .update(orderSource)
    .set({ state: 'failing', stateDetail: detail.slice(0, 1000), updatedAt: ctx.clock.now() })
    .where(and(eq(orderSource.id, id), ne(orderSource.state, 'failing')));
}

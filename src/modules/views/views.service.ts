// Saved views: a user names the filters and sort order they work with, keeps them private or
// (managers and admins) shares them with everyone, renames, reorders and deletes them.
// Rules: a private view is its owner's alone (others get 404); a shared view is read by
// everyone and changed by its owner or any manager or admin. Views are ordered within their
// group (the owner's private views, or all shared views) and renumbered on every move.
import { and, asc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { appUser, type Role } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { viewFilters, type CreateViewInput, type UpdateViewInput, type ViewDto, type ViewFilters } from './views.contract.ts';
import { savedView } from './views.schema.ts';

/** A user keeps at most this many views of their own: each one is a count in every sidebar refresh. */
export const MAX_VIEWS_PER_USER = 50;

type Row = typeof savedView.$inferSelect & { ownerName: string };

const sharers: ReadonlySet<Role> = new Set(['admin', 'manager']);
const canShare = (actor: Actor) => sharers.has(actor.role);
const canEdit = (actor: Actor, row: Pick<Row, 'ownerId' | 'shared'>) => row.ownerId === actor.userId || (row.shared && canShare(actor));

/** Stored filters read back leniently: an item a later version no longer accepts is dropped, not fatal. */
export function readFilters(raw: unknown): ViewFilters {
  const whole = viewFilters.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      const field = viewFilters.shape[key as keyof ViewFilters];
      const parsed = field?.safeParse(value);
      if (parsed?.success && parsed.data !== undefined) kept[key] = parsed.data;
    }
  }
  return kept as ViewFilters;
}

function present(actor: Actor, r: Row): ViewDto {
  return {
    id: r.id,
    name: r.name,
    filters: readFilters(r.filters),
    sort: r.sort,
    shared: r.shared,
    owner: { id: r.ownerId, name: r.ownerName },
    position: r.position,
    editable: canEdit(actor, r),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const columns = { ...getTableColumns(savedView), ownerName: appUser.name };

const visibleTo = (actor: Actor) => (actor.userId ? or(eq(savedView.ownerId, actor.userId), eq(savedView.shared, true))! : eq(savedView.shared, true));

/** The views a user sees: their own private ones first, then the shared ones, each group in order. */
export async function visibleViewRows(ctx: Ctx, actor: Actor): Promise<Row[]> {
  return ctx.db
    .select(columns)
    .from(savedView)
    .innerJoin(appUser, eq(appUser.id, savedView.ownerId))
    .where(visibleTo(actor))
    .orderBy(asc(savedView.shared), asc(savedView.position), asc(savedView.createdAt));
}

export async function listViews(ctx: Ctx, actor: Actor): Promise<ViewDto[]> {
  requirePermission(actor, 'cases.read');
  return (await visibleViewRows(ctx, actor)).map((r) => present(actor, r));
}

async function loadVisible(ctx: Ctx, actor: Actor, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select(columns)
    .from(savedView)
    .innerJoin(appUser, eq(appUser.id, savedView.ownerId))
    .where(and(eq(savedView.id, id), visibleTo(actor)));
  if (!row) throw notFound('view', id);
  return row;
}

async function getView(ctx: Ctx, actor: Actor, id: string): Promise<ViewDto> {
  return present(actor, await loadVisible(ctx, actor, id));
}

const groupOf = (row: Pick<Row, 'ownerId' | 'shared'>) => (row.shared ? eq(savedView.shared, true) : and(eq(savedView.ownerId, row.ownerId), eq(savedView.shared, false))!);

/**
 * Numbers a group 0, 1, 2… in its order, with `move.id` put at `move.to` (at the end when
 * `to` is past it). The group's rows are locked first, so two moves never interleave.
 */
async function arrange(ctx: Ctx, group: Pick<Row, 'ownerId' | 'shared'>, move?: { id: string; to: number | undefined }): Promise<void> {
  const rows = await ctx.db
    .select({ id: savedView.id, position: savedView.position })
    .from(savedView)
    .where(groupOf(group))
    .orderBy(asc(savedView.position), asc(savedView.createdAt))
    .for('update');
  const order = rows.map((r) => r.id).filter((id) => id !== move?.id);
  if (move) order.splice(Math.min(move.to ?? order.length, order.length), 0, move.id);
  const current = new Map(rows.map((r) => [r.id, r.position]));
  for (const [position, viewId] of order.entries()) {
    if (current.get(viewId) !== position) await ctx.db.update(savedView).set({ position }).where(eq(savedView.id, viewId));
  }
}

function requireUser(actor: Actor): string {
  if (!actor.userId) throw forbidden('Only a signed-in user has views of their own');
  return actor.userId;
}

const duplicateName = (name: string) => conflict(`Its owner already has a view named “${name}”`, { field: 'name' });

export async function createView(ctx: Ctx, actor: Actor, input: CreateViewInput): Promise<ViewDto> {
  requirePermission(actor, 'cases.read');
  const ownerId = requireUser(actor);
  if (input.shared && !canShare(actor)) throw forbidden('Only managers and admins share views with everyone');
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  try {
    await inTransaction(ctx, async (tx) => {
      const [own] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(savedView).where(eq(savedView.ownerId, ownerId));
      if ((own?.n ?? 0) >= MAX_VIEWS_PER_USER) throw conflict(`You have ${MAX_VIEWS_PER_USER} views already: delete one first`);
      await tx.db.insert(savedView).values({ id, ownerId, name: input.name, filters: input.filters, sort: input.sort, shared: input.shared, position: 1_000_000, createdAt: now, updatedAt: now });
      await arrange(tx, { ownerId, shared: input.shared }, { id, to: undefined });
      await recordAudit(tx, actor, { action: 'view.created', targetType: 'saved_view', targetId: id, details: { name: input.name, shared: input.shared } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name);
    throw error;
  }
  return getView(ctx, actor, id);
}

export async function updateView(ctx: Ctx, actor: Actor, id: string, input: UpdateViewInput): Promise<ViewDto> {
  requirePermission(actor, 'cases.read');
  try {
    await inTransaction(ctx, async (tx) => {
      const row = await loadVisible(tx, actor, id);
      if (!canEdit(actor, row)) throw forbidden('This view is shared by someone else: only its owner, managers and admins change it');
      if (input.shared !== undefined && input.shared !== row.shared && !canShare(actor)) throw forbidden('Only managers and admins share views with everyone');
      const { position, ...fields } = input;
      await tx.db.update(savedView).set({ ...fields, updatedAt: ctx.clock.now() }).where(eq(savedView.id, id));
      const moved = input.shared !== undefined && input.shared !== row.shared;
      if (moved) await arrange(tx, row); // closes the gap it leaves
      if (moved || position !== undefined) await arrange(tx, { ownerId: row.ownerId, shared: input.shared ?? row.shared }, { id, to: position });
      await recordAudit(tx, actor, { action: 'view.updated', targetType: 'saved_view', targetId: id, details: input });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(input.name ?? '');
    throw error;
  }
  return getView(ctx, actor, id);
}

export async function deleteView(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'cases.read');
  await inTransaction(ctx, async (tx) => {
    const row = await loadVisible(tx, actor, id);
    if (!canEdit(actor, row)) throw forbidden('This view is shared by someone else: only its owner, managers and admins delete it');
    await tx.db.delete(savedView).where(eq(savedView.id, id));
    await arrange(tx, row);
    await recordAudit(tx, actor, { action: 'view.deleted', targetType: 'saved_view', targetId: id, details: { name: row.name, shared: row.shared } });
  });
}

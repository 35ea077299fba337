// The configurable lists cases refer to: contact reasons and SAV steps. Keys are stable
// identifiers used by the API and integrations; labels exist in French and English.
import { patchBodyOf } from '../../platform/patch-body.ts';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { orgWrite } from '../org/org.write.ts';
import { caseStep, contactReason } from './cases.schema.ts';

export const referenceKinds = { reasons: contactReason, steps: caseStep } as const;
export type ReferenceKind = keyof typeof referenceKinds;

export const createReferenceBody = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'lower-case letters, digits and _'),
  labelFr: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  final: z.boolean().optional().describe('Steps only: the last step shown on the tracking page'),
});
export const updateReferenceBody = patchBodyOf(createReferenceBody.omit({ key: true }));

type Row = { id: string; key: string; labelFr: string; labelEn: string; position: number; active: boolean; final?: boolean };
const present = (r: Row) => ({ id: r.id, key: r.key, labelFr: r.labelFr, labelEn: r.labelEn, position: r.position, active: r.active, ...(r.final !== undefined ? { final: r.final } : {}) });

export async function listReference(ctx: Ctx, actor: Actor, kind: ReferenceKind) {
  requirePermission(actor, 'cases.read');
  const table = referenceKinds[kind];
  const rows = (await ctx.db.select().from(table).orderBy(asc(table.position), asc(table.key))) as Row[];
  return rows.map(present);
}

export async function createReference(ctx: Ctx, actor: Actor, kind: ReferenceKind, input: z.infer<typeof createReferenceBody>) {
  const table = referenceKinds[kind];
  const now = ctx.clock.now();
  const { final, ...rest } = input;
  const row = { id: uuidv7(now.getTime()), ...rest, ...(kind === 'steps' ? { final: final ?? false } : {}), createdAt: now, updatedAt: now };
  await orgWrite(ctx, actor, { action: `${kind}.created`, targetType: kind, targetId: row.id, details: input }, `The key ${input.key} is already used`, (tx) =>
    tx.db.insert(table).values(row),
  );
  return present(row);
}

export async function updateReference(ctx: Ctx, actor: Actor, kind: ReferenceKind, id: string, input: z.infer<typeof updateReferenceBody>) {
  const table = referenceKinds[kind];
  const { final, ...rest } = input;
  const set = { ...rest, ...(kind === 'steps' && final !== undefined ? { final } : {}), updatedAt: ctx.clock.now() };
  const rows = (await orgWrite(ctx, actor, { action: `${kind}.updated`, targetType: kind, targetId: id, details: input }, 'conflict', (tx) =>
    tx.db.update(table).set(set).where(eq(table.id, id)).returning(),
  )) as Row[];
  if (!rows[0]) throw notFound(kind === 'steps' ? 'step' : 'contact reason', id);
  return present(rows[0]);
}

// The configurable lists cases refer to: contact reasons and SAV steps. Keys are stable
// identifiers used by the API and integrations; labels exist in French and English.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { orgWrite } from '../org/org.write.ts';
import { caseStep, contactReason } from './cases.schema.ts';
import { createReferenceBody, updateReferenceBody } from './reference.contract.ts';

export { createReferenceBody, updateReferenceBody };

export const referenceKinds = { reasons: contactReason, steps: caseStep } as const;
export type ReferenceKind = keyof typeof referenceKinds;

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

// Checking the ids and keys a case refers to (brand, store, team, assignee, reason, step)
// in one round trip, and turning bad ones into field errors.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { callValue, eachCall, preparedEach } from '../../platform/db/prepared.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Holder } from './cases.contract.ts';

export interface Labelled {
  id: string;
  key: string;
  label_fr: string;
  label_en: string;
  /** Steps only: who usually holds a case at this step. */
  holder?: Holder;
}

export interface ResolvedRefs {
  brandId: string | null;
  /** The name of the brand the case goes to (given, else the store's, else the only one). */
  brandName: string | null;
  storeName: string | null;
  storeBrandId: string | null;
  onlyBrandId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  reason: Labelled | null;
  step: Labelled | null;
  initialStep: Labelled | null;
}

export interface RefQuery {
  brandId?: string | null | undefined;
  storeId?: string | null | undefined;
  teamId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  reason?: string | null | undefined;
  step?: string | null | undefined;
}

interface RefsRow {
  brand_id: string | null;
  brand_name: string | null;
  store_name: string | null;
  store_brand_id: string | null;
  only_brand_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  reason: Labelled | null;
  step: Labelled | null;
  initial_step: Labelled | null;
}

// Every case creation and change runs this: a prepared statement (see platform/db/prepared.ts),
// written for any number of callers so concurrent openings check theirs in one round trip.
const refsStatement = preparedEach<Record<'brandId' | 'storeId' | 'teamId' | 'assigneeId' | 'reason' | 'step', string | null>, RefsRow>(
  'comptoir_case_refs',
  sql`SELECT a.call,
      (SELECT id FROM brand WHERE id = ${callValue('brandId')}::uuid) AS brand_id,
      (SELECT brand_id FROM store WHERE id = ${callValue('storeId')}::uuid) AS store_brand_id,
      (SELECT name FROM brand WHERE id = coalesce(${callValue('brandId')}::uuid, (SELECT brand_id FROM store WHERE id = ${callValue('storeId')}::uuid),
        o.only_brand_id)) AS brand_name,
      (SELECT name FROM store WHERE id = ${callValue('storeId')}::uuid) AS store_name,
      o.only_brand_id,
      (SELECT id FROM team WHERE id = ${callValue('teamId')}::uuid) AS team_id,
      (SELECT id FROM app_user WHERE id = ${callValue('assigneeId')}::uuid AND active) AS assignee_id,
      (SELECT row_to_json(r) FROM (SELECT id, key, label_fr, label_en FROM contact_reason WHERE key = ${callValue('reason')} AND active) r) AS reason,
      (SELECT row_to_json(s) FROM (SELECT id, key, label_fr, label_en, holder FROM case_step WHERE key = ${callValue('step')} AND active) s) AS step,
      i.initial_step
    FROM ${eachCall},
      (SELECT CASE WHEN count(*) = 1 THEN min(id::text)::uuid END AS only_brand_id FROM brand WHERE active) o,
      (SELECT (SELECT row_to_json(s) FROM (SELECT id, key, label_fr, label_en, holder FROM case_step WHERE active ORDER BY position LIMIT 1) s) AS initial_step) i`,
);

export async function resolveRefs(ctx: Ctx, q: RefQuery): Promise<ResolvedRefs> {
  const [row] = await refsStatement.rows(ctx.db, {
    brandId: q.brandId ?? null,
    storeId: q.storeId ?? null,
    teamId: q.teamId ?? null,
    assigneeId: q.assigneeId ?? null,
    reason: q.reason ?? null,
    step: q.step ?? null,
  });
  const refs: ResolvedRefs = {
    brandId: row?.brand_id ?? null,
    brandName: row?.brand_name ?? null,
    storeName: row?.store_name ?? null,
    storeBrandId: row?.store_brand_id ?? null,
    onlyBrandId: row?.only_brand_id ?? null,
    teamId: row?.team_id ?? null,
    assigneeId: row?.assignee_id ?? null,
    reason: row?.reason ?? null,
    step: row?.step ?? null,
    initialStep: row?.initial_step ?? null,
  };
  const errors: FieldError[] = [];
  if (q.brandId && !refs.brandId) errors.push({ field: 'brandId', message: 'unknown brand' });
  if (q.storeId && !refs.storeBrandId) errors.push({ field: 'storeId', message: 'unknown store' });
  if (q.teamId && !refs.teamId) errors.push({ field: 'teamId', message: 'unknown team' });
  if (q.assigneeId && !refs.assigneeId) errors.push({ field: 'assigneeId', message: 'unknown or inactive user' });
  if (q.reason && !refs.reason) errors.push({ field: 'reason', message: `unknown contact reason "${q.reason}"` });
  if (q.step && !refs.step) errors.push({ field: 'step', message: `unknown step "${q.step}"` });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  return refs;
}

// The rulebook's versions: read the active one (the latest), list the history, save a new one
// (validated by the contract, audited), and evaluate a request against the active version.
// Versions are never edited: saving always adds one, so every verdict's policyVersion keeps
// meaning what it meant.
import { desc, eq, getTableColumns, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { decodeCursor, paginate } from '../../platform/http/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { builtInDocument } from './default-document.ts';
import { evaluatePolicy, PolicyRequestError, type PolicyRequest, type PolicyVerdict } from './evaluate.ts';
import { LegalCalendar } from './law/calendar.ts';
import type { PolicyVersionDto, saveDocumentBody } from './policies.contract.ts';
import { policyVersion } from './policies.schema.ts';
import { compilePolicy, type CompiledPolicy } from './policy-compile.ts';

type Row = typeof policyVersion.$inferSelect;

/** Holidays are worked out once per year and country, for every request of this process. */
export const legalCalendar = new LegalCalendar();

const builtIn: PolicyVersionDto = { version: 0, document: builtInDocument, comment: null, createdAt: null, createdBy: null };

function summaryOf(row: Omit<Row, 'document'>): Omit<PolicyVersionDto, 'document'> {
  return { version: row.version, comment: row.comment, createdAt: row.createdAt.toISOString(), createdBy: { id: row.createdBy, label: row.createdByLabel } };
}

const present = (row: Row): PolicyVersionDto => ({ ...summaryOf(row), document: row.document });

async function latestRow(ctx: Ctx): Promise<Row | undefined> {
  const [row] = await ctx.db.select().from(policyVersion).orderBy(desc(policyVersion.version)).limit(1);
  return row;
}

export async function getCurrentPolicy(ctx: Ctx, actor: Actor): Promise<PolicyVersionDto> {
  requirePermission(actor, 'org.read');
  const row = await latestRow(ctx);
  return row ? present(row) : builtIn;
}

export async function getPolicyVersion(ctx: Ctx, actor: Actor, version: number): Promise<PolicyVersionDto> {
  requirePermission(actor, 'org.read');
  if (version === 0) return builtIn;
  const [row] = await ctx.db.select().from(policyVersion).where(eq(policyVersion.version, version));
  if (!row) throw notFound('policy version', String(version));
  return present(row);
}

/** Newest first, without their documents (GET /api/v1/policies/versions/{n} has each). */
export async function listPolicyVersions(ctx: Ctx, actor: Actor, q: { limit: number; cursor?: string | undefined }) {
  requirePermission(actor, 'org.read');
  const before = q.cursor ? Number(decodeCursor(q.cursor, 1)[0]) : undefined;
  const { document: _document, ...summary } = getTableColumns(policyVersion);
  const rows = await ctx.db
    .select(summary)
    .from(policyVersion)
    .where(before === undefined ? undefined : lt(policyVersion.version, before))
    .orderBy(desc(policyVersion.version))
    .limit(q.limit + 1);
  const page = paginate(rows, q.limit, (r) => [r.version]);
  return {
    items: page.items.map(summaryOf),
    nextCursor: page.nextCursor,
  };
}

export async function saveCurrentPolicy(ctx: Ctx, actor: Actor, input: z.infer<typeof saveDocumentBody>): Promise<PolicyVersionDto> {
  requirePermission(actor, 'org.manage');
  try {
    return await inTransaction(ctx, async (tx) => {
      const latest = (await latestRow(tx))?.version ?? 0;
      if (input.basedOnVersion !== undefined && input.basedOnVersion !== latest) {
        throw new AppError('precondition_failed', `Version ${latest} was saved after the version ${input.basedOnVersion} you edited; reload it`, {
          details: { currentVersion: latest },
        });
      }
      const row: Row = {
        version: latest + 1,
        document: input.document,
        comment: input.comment,
        createdBy: actor.userId,
        createdByLabel: actor.label,
        createdAt: tx.clock.now(),
      };
      await tx.db.insert(policyVersion).values(row);
      await recordAudit(tx, actor, { action: 'policy.saved', targetType: 'policy_version', targetId: String(row.version), details: { comment: row.comment, previousVersion: latest } });
      return present(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another version was saved at the same moment; reload it and save again');
    throw error;
  }
}

// A version never changes once written, so its compiled form is kept by version and time of
// writing (which also tells apart two databases in one process, as in tests).
let compiled: { key: string; policy: CompiledPolicy } | undefined;

/** The active version, ready for evaluatePolicy. */
export async function activePolicy(ctx: Ctx): Promise<CompiledPolicy> {
  const row = await latestRow(ctx);
  const key = row ? `${row.version}@${row.createdAt.getTime()}` : '0';
  if (compiled?.key !== key) compiled = { key, policy: compilePolicy(row?.version ?? 0, row?.document ?? builtInDocument) };
  return compiled.policy;
}

/** evaluatePolicy with the active version, for the API and every screen that shows a verdict. */
export async function evaluateRequest(ctx: Ctx, actor: Actor, request: PolicyRequest): Promise<PolicyVerdict> {
  requirePermission(actor, 'cases.read');
  return verdictOf(await activePolicy(ctx), request);
}

export function verdictOf(policy: CompiledPolicy, request: PolicyRequest): PolicyVerdict {
  try {
    return evaluatePolicy(policy, request, legalCalendar);
  } catch (error) {
    if (error instanceof PolicyRequestError) throw invalid(error.field, error.message);
    throw error;
  }
}

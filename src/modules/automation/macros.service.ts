// Macros as managers keep them (create, change, switch off, delete: audited) and as agents
// use them (listed, rendered for a case in its language). A macro is checked when it is
// saved — known {{variables}} only, a real step — so a mistake shows on the manager's
// screen, never in a customer's reply.
import { and, asc, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, notFound, type FieldError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { can } from '../access/access.policy.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import { resolveRefs } from '../cases/references.ts';
import { caseVariables, loadCaseFacts } from '../notifications/case-facts.ts';
import { renderText, templateProblems } from '../notifications/render.ts';
import { samplePromise, sampleVariables } from '../notifications/preview-samples.ts';
import { macroValues, type MacroFacts } from './macro-variables.ts';
import { macroVariables, type CreateMacroInput, type MacroDto, type RenderedMacroDto, type UpdateMacroInput } from './macros.contract.ts';
import { loadVisibleMacro, presentMacro, visibleTo, type MacroRow } from './macros.read.ts';
import { macro } from './macros.schema.ts';

/** Writing macros: managers and admins. */
const MANAGE = 'macros.manage' as const;

/** What is wrong with a macro's texts and actions, as field errors (empty: fine). */
async function macroProblems(ctx: Ctx, input: { bodyFr?: string | undefined; bodyEn?: string | undefined; actions?: CreateMacroInput['actions'] | undefined }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const field of ['bodyFr', 'bodyEn'] as const) {
    const text = input[field];
    if (text !== undefined) errors.push(...templateProblems(text, macroVariables).map((message) => ({ field, message })));
  }
  const step = input.actions?.step;
  if (step) {
    try {
      await resolveRefs(ctx, { step });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ field: 'actions.step', message: `unknown step "${step}"` });
    }
  }
  return errors;
}

async function assertValid(ctx: Ctx, input: Parameters<typeof macroProblems>[1]): Promise<void> {
  const errors = await macroProblems(ctx, input);
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

export async function listMacros(ctx: Ctx, actor: Actor, q: { active?: 'true' | 'false' | undefined }): Promise<MacroDto[]> {
  requirePermission(actor, 'cases.read');
  const where = [visibleTo(actor)];
  // Agents see the macros they can use; managers also the ones switched off.
  const managing = actor.kind !== 'anonymous' && can(actor.role, MANAGE);
  const active = q.active ?? (managing ? undefined : 'true');
  if (active !== undefined) where.push(eq(macro.active, active === 'true'));
  const rows = await ctx.db.select().from(macro).where(and(...where)).orderBy(asc(macro.name), asc(macro.id));
  return rows.map(presentMacro);
}

export async function createMacro(ctx: Ctx, actor: Actor, input: CreateMacroInput): Promise<MacroDto> {
  requirePermission(actor, MANAGE);
  await assertValid(ctx, input);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(macro)
      .values({
        id: uuidv7(now.getTime()),
        name: input.name,
        bodyFr: input.bodyFr,
        bodyEn: input.bodyEn,
        actions: input.actions,
        active: input.active,
        ownerId: input.scope === 'personal' ? actor.userId : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'macro.created', targetType: 'macro', targetId: row!.id, details: { name: input.name, scope: input.scope } });
    return presentMacro(row!);
  });
}

export async function updateMacro(ctx: Ctx, actor: Actor, id: string, input: UpdateMacroInput): Promise<MacroDto> {
  requirePermission(actor, MANAGE);
  await loadVisibleMacro(ctx, actor, id);
  await assertValid(ctx, input);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.update(macro).set({ ...input, updatedAt: now }).where(eq(macro.id, id)).returning();
    await recordAudit(tx, actor, { action: 'macro.updated', targetType: 'macro', targetId: id, details: { changed: Object.keys(input) } });
    return presentMacro(row!);
  });
}

export async function deleteMacro(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, MANAGE);
  const row = await loadVisibleMacro(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(macro).where(eq(macro.id, id));
    await recordAudit(tx, actor, { action: 'macro.deleted', targetType: 'macro', targetId: id, details: { name: row.name } });
  });
}

const bodyIn = (row: Pick<MacroRow, 'bodyFr' | 'bodyEn'>, language: Language) => (language === 'en' ? row.bodyEn : row.bodyFr);

async function userName(ctx: Ctx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await ctx.db.select({ name: appUser.name }).from(appUser).where(eq(appUser.id, userId));
  return u?.name ?? null;
}

/** The facts a macro is filled from, for a case the actor works on (full access). */
async function factsOfCase(ctx: Ctx, actor: Actor, caseId: string): Promise<{ facts: MacroFacts; language: Language }> {
  await loadForWrite(ctx, actor, caseId, undefined);
  const f = await loadCaseFacts(ctx, caseId, { nextStep: false });
  if (!f) throw notFound('case', caseId);
  const language = f.c.language;
  return {
    language,
    facts: { caseValues: caseVariables(ctx, f, language), customerFirstName: f.customer.firstName, clocks: f.clocks, agentName: await userName(ctx, actor.userId) },
  };
}

/** A macro's text for a case, in the case's language, its variables filled. */
export async function renderMacroForCase(ctx: Ctx, actor: Actor, caseId: string, macroId: string): Promise<RenderedMacroDto> {
  requirePermission(actor, 'cases.write');
  const row = await loadVisibleMacro(ctx, actor, macroId);
  if (!row.active) throw new AppError('conflict', 'This macro is switched off');
  const { facts, language } = await factsOfCase(ctx, actor, caseId);
  return { macroId: row.id, language, text: renderText(bodyIn(row, language), macroValues(facts, language)), actions: row.actions };
}

/** Unsaved texts rendered in both languages, with a case's facts or believable samples. */
export async function previewMacro(ctx: Ctx, actor: Actor, input: { bodyFr: string; bodyEn: string; caseId?: string | undefined }): Promise<{ fr: string; en: string }> {
  requirePermission(actor, MANAGE);
  await assertValid(ctx, input);
  const agentName = await userName(ctx, actor.userId);
  const fromCase = input.caseId ? (await factsOfCase(ctx, actor, input.caseId)).facts : null;
  const rendered = (language: Language) => {
    if (fromCase) return renderText(bodyIn(input, language), macroValues(fromCase, language));
    const sample = sampleVariables(ctx.config, language);
    const values = macroValues({ caseValues: sample, customerFirstName: sample['customer.name']!.split(' ')[0]!, clocks: [], agentName }, language);
    return renderText(bodyIn(input, language), { ...values, 'case.promise': samplePromise(language) });
  };
  return { fr: rendered('fr'), en: rendered('en') };
}

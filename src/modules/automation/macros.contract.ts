// The macros API's shapes, shared with the web app. A macro is a solution-oriented answer
// an agent inserts into a reply: a text in French and in English with {{variables}} filled
// from the case, and optional actions (status, step, tags) applied when the reply is sent.
import { z } from 'zod';
import { caseStatuses, tag } from '../cases/cases.contract.ts';

/** The {{variables}} a macro may use; any other is refused (422) when it is saved. */
export const macroVariables = [
  'customer.firstName',
  'customer.name',
  'case.number',
  'case.subject',
  'case.product',
  'case.promise',
  'agent.firstName',
  'store.name',
  'brand.name',
  'tracking.url',
] as const;
export type MacroVariable = (typeof macroVariables)[number];

/** shared: every agent sees it; personal: only the manager or admin who wrote it. */
export const macroScopes = ['shared', 'personal'] as const;

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const body = z.string().trim().min(1).max(20_000);

export const macroActionsSchema = z
  .strictObject({
    status: z.enum(caseStatuses).optional().describe('Set this status when the reply is sent, e.g. waiting_customer'),
    step: z.string().max(60).optional().describe('Move the case to this SAV step (key)'),
    addTags: z.array(tag).max(10).optional().describe('Tags added to the case'),
  })
  .meta({ id: 'MacroActions' });
export type MacroActions = z.infer<typeof macroActionsSchema>;

export const macroSchema = z
  .object({
    id,
    name: z.string(),
    bodyFr: z.string(),
    bodyEn: z.string(),
    actions: macroActionsSchema,
    active: z.boolean(),
    scope: z.enum(macroScopes),
    ownerId: id.nullable().describe('Personal macros: their author'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Macro' });
export type MacroDto = z.infer<typeof macroSchema>;

export const createMacroBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  bodyFr: body.describe('The French text, with {{variables}}'),
  bodyEn: body.describe('The English text, with {{variables}}'),
  actions: macroActionsSchema.default({}),
  active: z.boolean().default(true),
  scope: z.enum(macroScopes).default('shared'),
});
export type CreateMacroInput = z.infer<typeof createMacroBody>;

export const updateMacroBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    bodyFr: body.optional(),
    bodyEn: body.optional(),
    actions: macroActionsSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateMacroInput = z.infer<typeof updateMacroBody>;

export const macroListQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional().describe('Only active (true) or inactive (false) macros'),
});

export const macroCaseParams = z.strictObject({ id, macroId: id });

export const renderedMacroSchema = z
  .object({
    macroId: id,
    language: z.enum(['fr', 'en']).describe('The case’s language'),
    text: z.string().describe('The text with its variables filled from the case'),
    actions: macroActionsSchema.describe('Applied when the reply is sent with this macroId'),
  })
  .meta({ id: 'RenderedMacro' });
export type RenderedMacroDto = z.infer<typeof renderedMacroSchema>;

export const previewMacroBody = z.strictObject({
  bodyFr: body,
  bodyEn: body,
  caseId: id.optional().describe('Fill the variables from this case; default: believable sample data'),
});

export const macroPreviewSchema = z.object({ fr: z.string(), en: z.string() }).meta({ id: 'MacroPreview' });

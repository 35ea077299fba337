// Message templates as admins see and change them: the built-in text of every template, an
// admin's own version stored in message_template, and back to the built-in by deleting it.
// A template is checked when it is saved (known variables only, a subject for e-mail), so a
// mistake shows up on the admin's screen, never in a customer's inbox.
import { SharedCopy } from '../../platform/cache/shared-copy.ts';
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, notFound, type FieldError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  templateLanguages,
  templateSlots,
  templateVariables,
  type SaveTemplateInput,
  type TemplateChannel,
  type TemplateDto,
  type TemplateKey,
} from './notifications.contract.ts';
import { messageTemplate } from './notifications.schema.ts';
import { templateProblems } from './render.ts';
import { builtinTemplate, type TemplateText } from './templates.builtin.ts';

export interface TemplateAddress {
  key: TemplateKey;
  channel: TemplateChannel;
  language: Language;
}

type Row = typeof messageTemplate.$inferSelect;

/** Templates are admin settings: the same permission as the organisation's. */
const PERMISSION = 'org.manage';

export function requireSlot(key: TemplateKey, channel: TemplateChannel): void {
  if (!templateSlots[key].includes(channel)) {
    throw notFound(`template ${key} on ${channel} (it exists on ${templateSlots[key].join(', ')})`);
  }
}

/** What is wrong with a template an admin wrote, as field errors (empty: fine). */
export function checkTemplate(key: TemplateKey, channel: TemplateChannel, input: { subject?: string | null | undefined; body: string }): FieldError[] {
  const allowed = templateVariables[key];
  const errors: FieldError[] = templateProblems(input.body, allowed).map((message) => ({ field: 'body', message }));
  if (channel === 'email') {
    if (!input.subject) errors.push({ field: 'subject', message: 'an e-mail needs a subject' });
    else errors.push(...templateProblems(input.subject, allowed).map((message) => ({ field: 'subject', message })));
  } else if (input.subject) {
    errors.push({ field: 'subject', message: `only e-mail has a subject, not ${channel}` });
  }
  return errors;
}

export function assertValidTemplate(key: TemplateKey, channel: TemplateChannel, input: { subject?: string | null | undefined; body: string }): void {
  const errors = checkTemplate(key, channel, input);
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

function builtin(a: TemplateAddress): TemplateText {
  requireSlot(a.key, a.channel);
  return builtinTemplate(a.key, a.channel, a.language)!;
}

function present(a: TemplateAddress, row: Row | undefined): TemplateDto {
  const text = row ? { subject: row.subject, body: row.body } : builtin(a);
  return {
    ...a,
    subject: text.subject,
    body: text.body,
    customised: !!row,
    variables: [...templateVariables[a.key]],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

const addressKey = (a: TemplateAddress) => `${a.key}/${a.channel}/${a.language}`;

/** Admins' versions, kept in memory: every message (every new case's acknowledgment) reads them. */
export class TemplateBook extends SharedCopy<Map<string, Row>> {
  constructor(ttlMs = 10_000) {
    super(async (db) => new Map((await db.select().from(messageTemplate)).map((r) => [addressKey(r), r])), ttlMs);
  }
}

async function overrideOf(ctx: Ctx, a: TemplateAddress): Promise<Row | undefined> {
  return (await ctx.templates.get(ctx.db)).get(addressKey(a));
}

/** The text a message is made from: the admin's version if any, else the built-in one. */
export async function effectiveTemplate(ctx: Ctx, a: TemplateAddress): Promise<TemplateText> {
  const row = await overrideOf(ctx, a);
  return row ? { subject: row.subject, body: row.body } : builtin(a);
}

export async function listTemplates(ctx: Ctx, actor: Actor): Promise<TemplateDto[]> {
  requirePermission(actor, PERMISSION);
  const rows = await ctx.db.select().from(messageTemplate);
  const byAddress = new Map(rows.map((r) => [addressKey(r), r]));
  return (Object.keys(templateSlots) as TemplateKey[]).flatMap((key) =>
    templateSlots[key].flatMap((channel) => templateLanguages.map((language) => present({ key, channel, language }, byAddress.get(addressKey({ key, channel, language }))))),
  );
}

export async function saveTemplate(ctx: Ctx, actor: Actor, a: TemplateAddress, input: SaveTemplateInput): Promise<TemplateDto> {
  requirePermission(actor, PERMISSION);
  requireSlot(a.key, a.channel);
  assertValidTemplate(a.key, a.channel, input);
  const now = ctx.clock.now();
  const subject = input.subject ?? null;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(messageTemplate)
      .values({ id: uuidv7(now.getTime()), ...a, subject, body: input.body, updatedBy: actor.userId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [messageTemplate.key, messageTemplate.channel, messageTemplate.language],
        set: { subject, body: input.body, updatedBy: actor.userId, updatedAt: now },
      })
      .returning();
    tx.templates.changed(tx.db);
    await recordAudit(tx, actor, { action: 'template.updated', targetType: 'template', targetId: `${a.key}/${a.channel}/${a.language}`, details: { subject, body: input.body } });
    return present(a, row);
  });
}

/** Back to the built-in text. */
export async function resetTemplate(ctx: Ctx, actor: Actor, a: TemplateAddress): Promise<TemplateDto> {
  requirePermission(actor, PERMISSION);
  requireSlot(a.key, a.channel);
  return inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(messageTemplate)
      .where(and(eq(messageTemplate.key, a.key), eq(messageTemplate.channel, a.channel), eq(messageTemplate.language, a.language)))
      .returning({ subject: messageTemplate.subject, body: messageTemplate.body });
    tx.templates.changed(tx.db);
    if (removed[0]) {
      await recordAudit(tx, actor, { action: 'template.reset', targetType: 'template', targetId: `${a.key}/${a.channel}/${a.language}`, details: { previous: removed[0] } });
    }
    return present(a, undefined);
  });
}

// The web form channel: a customer opens a case from the brand's site. Spam is kept out
// without a third-party captcha (a field robots fill, a signed token with a minimum fill
// time, limits per IP and per e-mail); the case, its first message, its photos and the
// form token's single use are written in one transaction, so a submission is either
// stored whole or not at all, and sending the same form twice opens one case.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { Signer } from '../../platform/crypto/signer.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { runIdempotent } from '../../platform/http/idempotency.ts';
import { limitPublicRead, limitPublicWrite, limitSubjectWrites } from '../../platform/http/public-limits.ts';
import { parseFields } from '../../platform/http/validate.ts';
import { negotiateLanguage, type Language } from '../../platform/i18n/i18n.ts';
import { systemActor } from '../../modules/access/actor.ts';
import { acceptAttribute } from '../../modules/cases/attachment-types.ts';
import { discardUploads, linkAttachments, type Upload } from '../../modules/cases/attachments.service.ts';
import { openCase } from '../../modules/cases/cases.service.ts';
import { contactReason } from '../../modules/cases/cases.schema.ts';
import { IdentityError, normaliseIdentity } from '../../modules/customers/identities.ts';
import { brand } from '../../modules/org/org.schema.ts';
import { findTrackedCase } from '../../modules/tracking/tracking.read.ts';
import { FORM_TOKEN_PURPOSE, issueFormToken, verifyFormToken } from './form-token.ts';
import { acknowledge } from './webform.acknowledgment.ts';
import { webformSubmission, type Acknowledgment } from './webform.contract.ts';

/** Who stores the form tokens already used (the idempotency table's principal for this channel). */
const WEBFORM_PRINCIPAL = '00000000-0000-4000-8000-00000000f0a1';

export interface Visitor {
  ip: string;
  acceptLanguage?: string | undefined;
}

const signerOf = (ctx: Ctx) => new Signer(ctx.config.secretKey, FORM_TOKEN_PURPOSE);

const invalid = (errors: FieldError[]) => new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

/** The brand whose form this is: by slug, or the only brand. A plain 404 otherwise. */
export async function webformBrand(ctx: Ctx, slug: string | undefined) {
  const rows = await ctx.db
    .select({ id: brand.id, slug: brand.slug, name: brand.name })
    .from(brand)
    .where(slug ? and(eq(brand.slug, slug), eq(brand.active, true)) : eq(brand.active, true))
    .limit(2);
  if (rows.length !== 1) throw new AppError('not_found', slug ? 'There is no web form for this brand' : 'Name the brand: ?brand=<slug>');
  return rows[0]!;
}

export async function activeReasons(ctx: Ctx, lang: Language) {
  const rows = await ctx.db.select().from(contactReason).where(eq(contactReason.active, true)).orderBy(asc(contactReason.position), asc(contactReason.key));
  return rows.map((r) => ({ key: r.key, label: lang === 'en' ? r.labelEn : r.labelFr }));
}

export function pickLanguage(asked: Language | undefined, visitor: Visitor): Language {
  return asked ?? negotiateLanguage(visitor.acceptLanguage);
}

/** What a form needs to be shown: the brand, the reasons in the page's language, a fresh token. */
export async function webformSetup(ctx: Ctx, q: { brand?: string | undefined; lang?: Language | undefined }, visitor: Visitor) {
  await limitPublicRead(ctx, visitor.ip);
  const found = await webformBrand(ctx, q.brand);
  const language = pickLanguage(q.lang, visitor);
  return {
    brand: { slug: found.slug, name: found.name },
    language,
    reasons: await activeReasons(ctx, language),
    formToken: issueFormToken(signerOf(ctx), found.id, ctx.clock.now()),
    minFillSeconds: ctx.config.webform.minFillSeconds,
    uploads: { maxFiles: ctx.config.uploads.maxFiles, maxBytes: ctx.config.uploads.maxBytes, accept: acceptAttribute },
  };
}

/** Counts the visitor's attempt before the body is read (files are large, robots are many). */
export async function admitWebformVisitor(ctx: Ctx, visitor: Visitor): Promise<void> {
  await limitPublicWrite(ctx, visitor.ip);
}

export interface SubmissionResult extends Acknowledgment {
  /** The same form token came back: no second case, the first one's acknowledgment. */
  replayed: boolean;
  /** The tracking token (the page sends the customer on to its acknowledgment and tracking pages). */
  trackingToken: string;
}

/** Opens the case a web form asks for; the files, already stored, go with it or are forgotten. */
export async function submitWebform(ctx: Ctx, input: { fields: unknown; uploads: Upload[] }, visitor: Visitor): Promise<SubmissionResult> {
  try {
    const form = parseFields(webformSubmission, input.fields);
    if (form.website) throw invalid([{ field: 'website', message: 'must stay empty' }]);
    const found = await webformBrand(ctx, form.brand);
    const now = ctx.clock.now();
    const verdict = verifyFormToken(signerOf(ctx), form.formToken, { brandId: found.id, now, minFillSeconds: ctx.config.webform.minFillSeconds });
    if (!verdict.ok) throw invalid([{ field: 'formToken', message: verdict.reason.replace('_', ' ') }]);

    const lang = form.lang ?? negotiateLanguage(visitor.acceptLanguage);
    const errors: FieldError[] = [];
    const contact = (kind: 'email' | 'phone', value: string | undefined) => {
      if (!value) return undefined;
      try {
        return normaliseIdentity({ kind, value }, ctx.config.defaults.country).displayValue;
      } catch (error) {
        if (!(error instanceof IdentityError)) throw error;
        errors.push({ field: kind, message: 'invalid' });
        return undefined;
      }
    };
    const email = contact('email', form.email);
    const phone = contact('phone', form.phone);
    const reason = (await activeReasons(ctx, lang)).find((r) => r.key === form.reason);
    if (!reason) errors.push({ field: 'reason', message: 'invalid' });
    if (errors.length) throw invalid(errors);
    await limitSubjectWrites(ctx, `webform:contact:${(email ?? phone)!.toLowerCase()}`);

    const stored = await runIdempotent(ctx.db, WEBFORM_PRINCIPAL, `webform:${verdict.facts.nonce}`, 'webform', now, async (db) => {
      const tx = { ...ctx, db };
      const opened = await openCase(tx, { ...systemActor('webform'), ip: visitor.ip }, {
        customer: { firstName: form.firstName, lastName: form.lastName, email, phone, language: lang },
        subject: form.product ? `${reason!.label} — ${form.product}` : reason!.label,
        message: form.message,
        channel: 'webform',
        brandId: found.id,
        reason: form.reason,
        priority: 'normal',
        tags: [],
        language: lang,
        orderRef: form.orderRef,
        product: form.product,
      });
      await linkAttachments(tx, { caseId: opened.case.id, eventId: opened.messageEventId!, visibility: 'public' }, input.uploads);
      return { statusCode: 201, body: { caseId: opened.case.id } };
    });
    // A form sent twice: the first copy's case stands; this copy's files are not needed.
    if (stored.replayed) await discardUploads(ctx, input.uploads);
    const { caseId } = stored.body as { caseId: string };
    return { ...(await acknowledge(ctx, caseId, lang)), replayed: stored.replayed };
  } catch (error) {
    await discardUploads(ctx, input.uploads);
    throw error;
  }
}

/** The acknowledgment again, from the tracking link (the page the form lands on). */
export async function acknowledgmentByLink(ctx: Ctx, token: string, visitor: Visitor, lang?: Language) {
  await limitPublicRead(ctx, visitor.ip, `track:${token}`);
  const row = await findTrackedCase(ctx, token);
  return acknowledge(ctx, row.c.id, lang ?? row.c.language);
}

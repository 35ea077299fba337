// Filling the return label and the credit note from a workflow: the RMA or credit note row, the
// case (number, customer, language), the brand, and where the parcel goes — the brand's
// warehouse, else its first store, else the brand alone. A voided label or a cancelled credit
// note is not printed again (a 409 says why).
import { and, asc, desc, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Ctx } from '../../context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { limitPublicRead } from '../../platform/http/public-limits.ts';
import { requirePermission, systemActor, type Actor } from '../access/actor.ts';
import { findTrackedCase } from '../tracking/tracking.read.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { brand, store } from '../org/org.schema.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import { renderDocumentPdf, type DocumentBlock } from './workflow.pdf.ts';
import { refund, returnAuthorisation, workflow } from './workflows.schema.ts';

registerCatalog({
  fr: {
    'workflow.label.title': 'Étiquette de retour prépayée',
    'workflow.label.from': 'Expéditeur',
    'workflow.label.to': 'Destinataire',
    'workflow.label.case': 'Dossier SAV {number}',
    'workflow.label.instructions': 'Collez cette étiquette sur le colis, bien visible. Indiquez le numéro {rma} sur tout échange avec nous.',
    'workflow.label.qr': 'Numéro de retour {rma}',
    'workflow.creditNote.title': 'Avoir',
    'workflow.creditNote.customer': 'Client',
    'workflow.creditNote.amount': 'Montant de l’avoir',
    'workflow.creditNote.case': 'Dossier SAV {number}',
    'workflow.creditNote.use': 'Cet avoir est utilisable dans nos magasins et sur notre site, sur présentation de son numéro.',
    'workflow.document.issued': 'Émis le {at}',
  },
  en: {
    'workflow.label.title': 'Prepaid return label',
    'workflow.label.from': 'From',
    'workflow.label.to': 'To',
    'workflow.label.case': 'After-sales case {number}',
    'workflow.label.instructions': 'Stick this label on the parcel where it can be seen. Quote {rma} whenever you contact us.',
    'workflow.label.qr': 'Return number {rma}',
    'workflow.creditNote.title': 'Credit note',
    'workflow.creditNote.customer': 'Customer',
    'workflow.creditNote.amount': 'Credit note amount',
    'workflow.creditNote.case': 'After-sales case {number}',
    'workflow.creditNote.use': 'This credit note can be used in our stores and on our website by quoting its number.',
    'workflow.document.issued': 'Issued on {at}',
  },
});

export function formatMoney(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(amount / 100);
}

async function caseOfWorkflow(ctx: Ctx, actor: Actor, workflowId: string) {
  requirePermission(actor, 'cases.read');
  const [wf] = await ctx.db.select().from(workflow).where(eq(workflow.id, workflowId));
  if (!wf) throw notFound('workflow', workflowId);
  const { row } = await loadVisibleCase(ctx, actor, wf.caseId).catch(() => {
    throw notFound('workflow', workflowId);
  });
  const [b] = await ctx.db.select().from(brand).where(eq(brand.id, row.c.brandId));
  return { wf, row, brandName: b?.name ?? '' };
}

const addressOf = (s: typeof store.$inferSelect) => [s.name, s.addressLine1, s.addressLine2, [s.postalCode, s.city].filter(Boolean).join(' '), s.country].filter((x): x is string => !!x);

export async function renderReturnLabel(ctx: Ctx, actor: Actor, workflowId: string, lang?: Language): Promise<{ pdf: Buffer; filename: string }> {
  const { row, brandName } = await caseOfWorkflow(ctx, actor, workflowId);
  const [rma] = await ctx.db.select().from(returnAuthorisation).where(eq(returnAuthorisation.workflowId, workflowId));
  if (!rma || rma.mode !== 'label' || !rma.labelIssuedAt) throw notFound('return label');
  if (rma.labelVoidedAt || rma.state === 'cancelled') throw conflict(`The return label of ${rma.number} was voided`);
  const language = lang ?? row.c.language;
  const stores = await ctx.db.select().from(store).where(and(eq(store.brandId, row.c.brandId), eq(store.active, true))).orderBy(asc(store.code));
  const destination = stores.find((s) => s.kind === 'warehouse') ?? stores.find((s) => s.id === row.c.storeId) ?? stores[0];
  const blocks: DocumentBlock[] = [
    { heading: t(language, 'workflow.label.from'), lines: [row.customerName] },
    { heading: t(language, 'workflow.label.to'), lines: [brandName, ...(destination ? addressOf(destination) : [])], size: 14, bold: true },
    { lines: [t(language, 'workflow.label.case', { number: row.c.number }), t(language, 'workflow.label.instructions', { rma: rma.number })], size: 10 },
  ];
  const png = await QRCode.toBuffer(rma.number, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  const pdf = await renderDocumentPdf({
    title: t(language, 'workflow.label.title'),
    author: brandName,
    language,
    headline: rma.number,
    blocks,
    qr: { png, caption: t(language, 'workflow.label.qr', { rma: rma.number }) },
    footer: t(language, 'workflow.document.issued', { at: formatDateTime(rma.labelIssuedAt.getTime(), ctx.config.defaults.timezone, language) }),
  });
  return { pdf, filename: `${rma.number}.pdf` };
}

export async function renderCreditNote(ctx: Ctx, actor: Actor, workflowId: string, lang?: Language): Promise<{ pdf: Buffer; filename: string }> {
  const { row, brandName } = await caseOfWorkflow(ctx, actor, workflowId);
  const [note] = await ctx.db.select().from(refund).where(and(eq(refund.workflowId, workflowId), eq(refund.kind, 'credit_note')));
  if (!note?.number) throw notFound('credit note');
  if (note.state === 'cancelled') throw conflict(`The credit note ${note.number} was cancelled`);
  const language = lang ?? row.c.language;
  const pdf = await renderDocumentPdf({
    title: t(language, 'workflow.creditNote.title'),
    author: brandName,
    language,
    headline: note.number,
    blocks: [
      { heading: t(language, 'workflow.creditNote.customer'), lines: [row.customerName] },
      { heading: t(language, 'workflow.creditNote.amount'), lines: [formatMoney(note.amount, note.currency, language)], size: 18, bold: true },
      { lines: [t(language, 'workflow.creditNote.case', { number: row.c.number }), t(language, 'workflow.creditNote.use')], size: 10 },
    ],
    footer: t(language, 'workflow.document.issued', { at: formatDateTime(note.createdAt.getTime(), ctx.config.defaults.timezone, language) }),
  });
  return { pdf, filename: `${note.number}.pdf` };
}

/** The return label the customer prints from the tracking page: the tracking token is the credential. */
export async function renderTrackedReturnLabel(ctx: Ctx, token: string, visitor: { ip: string }, lang?: Language): Promise<{ pdf: Buffer; filename: string }> {
  await limitPublicRead(ctx, visitor.ip, `track:${token}`);
  const row = await findTrackedCase(ctx, token);
  const [rma] = await ctx.db
    .select({ workflowId: returnAuthorisation.workflowId })
    .from(returnAuthorisation)
    .where(and(eq(returnAuthorisation.caseId, row.c.id), eq(returnAuthorisation.mode, 'label'), eq(returnAuthorisation.state, 'issued')))
    .orderBy(desc(returnAuthorisation.createdAt))
    .limit(1);
  if (!rma) throw notFound('return label');
  return renderReturnLabel(ctx, systemActor('tracking'), rma.workflowId, lang);
}

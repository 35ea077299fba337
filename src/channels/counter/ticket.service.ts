// The ticket printed at the counter for a case (one opened there, or online): its text is the
// `acknowledgment/ticket` template (admins may rewrite it) filled from the case, with the
// promise the case's SLA clocks keep now; the QR code is its tracking page's address, the
// token the case already has (the link the customer may have had by e-mail stays the same).
import QRCode from 'qrcode';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { inArray } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { loadVisibleCase } from '../../modules/cases/cases.read.ts';
import { trackingUrlOf } from '../../modules/cases/tracking-link.ts';
import { acknowledgmentVariables, deadlineText, loadCaseFacts, type CaseFacts } from '../../modules/notifications/case-facts.ts';
import { composeMessage } from '../../modules/notifications/compose.ts';
import { promiseSentence } from '../../modules/notifications/notifications.catalog.ts';
import { effectiveTemplate } from '../../modules/notifications/templates.service.ts';
import { store } from '../../modules/org/org.schema.ts';
import { formatDateTime } from '../../modules/sla/deadline-text.ts';
import type { TicketFormat } from './counter.contract.ts';
import { renderTicketPdf } from './ticket.pdf.ts';

registerCatalog({
  fr: { 'ticket.title': 'Ticket SAV {number}', 'ticket.qr': 'Scannez pour suivre votre dossier', 'ticket.printed': 'Imprimé le {at}' },
  en: { 'ticket.title': 'After-sales ticket {number}', 'ticket.qr': 'Scan to follow your case', 'ticket.printed': 'Printed on {at}' },
});

/**
 * The promise as it stands when the ticket is printed: the first answer while it is awaited,
 * else the earliest running deadline (a case opened online and answered since), else none.
 */
function promiseNow(f: CaseFacts, language: Language): Record<string, string> {
  const running = f.clocks.filter((k) => k.state === 'active').sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
  const clock = running.find((k) => k.metric === 'first_reply') ?? running[0];
  if (!clock) return { 'promise.text': '', 'promise.deadline': '' };
  const kind = clock.metric === 'first_reply' ? 'first_reply' : clock.metric === 'resolution' ? 'resolution' : 'update';
  return { 'promise.text': promiseSentence(language, kind, clock.promise[language]), 'promise.deadline': deadlineText(clock.deadline, language) };
}

/** The store printing: the case's, else the one the staff work at (a case opened online). */
async function printingStore(ctx: Ctx, actor: Actor, f: CaseFacts): Promise<string | null> {
  if (f.storeName) return f.storeName;
  const ids = actor.scope.storeIds;
  if (ids?.length !== 1) return null;
  const [row] = await ctx.db.select({ name: store.name }).from(store).where(inArray(store.id, [...ids]));
  return row?.name ?? null;
}

export async function renderTicket(ctx: Ctx, actor: Actor, caseId: string, q: { format: TicketFormat; lang?: Language | undefined }): Promise<{ pdf: Buffer; filename: string }> {
  requirePermission(actor, 'cases.read');
  await loadVisibleCase(ctx, actor, caseId);
  const facts = await loadCaseFacts(ctx, caseId);
  if (!facts) throw notFound('case', caseId);
  const language = q.lang ?? facts.c.language;
  const storeName = await printingStore(ctx, actor, facts);
  const values = { ...acknowledgmentVariables(ctx, { ...facts, storeName }, language), ...promiseNow(facts, language) };
  const template = await effectiveTemplate(ctx, { key: 'acknowledgment', channel: 'ticket', language });
  const text = composeMessage(template, 'ticket', values).text;
  const url = trackingUrlOf(ctx, facts.c);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  const pdf = await renderTicketPdf(q.format, {
    brandName: facts.brandName,
    storeName,
    body: text,
    qr,
    qrCaption: t(language, 'ticket.qr'),
    footer: t(language, 'ticket.printed', { at: formatDateTime(ctx.clock.now().getTime(), ctx.config.defaults.timezone, language) }),
    title: t(language, 'ticket.title', { number: facts.c.number }),
    language,
  });
  return { pdf, filename: `${facts.c.number}-${q.format}.pdf` };
}

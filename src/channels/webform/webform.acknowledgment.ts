// The acknowledgment the customer reads on screen the moment the form is sent: the case
// number, the precise promise the SLA clock keeps ("au plus tard le mardi 14 avril 2026 à
// 12:00", never "dans les meilleurs délais"), what happens next, and the tracking link.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { loadCaseRow } from '../../modules/cases/cases.read.ts';
import { savCase } from '../../modules/cases/cases.schema.ts';
import { trackingTokenOf, trackingUrl } from '../../modules/cases/tracking-link.ts';
import { brand } from '../../modules/org/org.schema.ts';
import { clocksOf } from '../../modules/sla/clocks.read.ts';
import { defaultNotifyChannel, nextPromiseOf, notifyOptions, reachableIdentities } from '../../modules/tracking/tracking.read.ts';
import type { Acknowledgment } from './webform.contract.ts';

registerCatalog({
  fr: {
    'ack.next.promise': 'Un conseiller lit votre demande et vous répond {promise}.',
    'ack.next.now': 'Un conseiller lit votre demande et revient vers vous.',
    'ack.next.notify': 'Nous vous tiendrons au courant {channel} à chaque étape.',
    'ack.next.tracking': 'Sur la page de suivi, vous voyez où en est votre dossier, vous pouvez nous écrire et ajouter des photos.',
  },
  en: {
    'ack.next.promise': 'An adviser reads your request and answers you {promise}.',
    'ack.next.now': 'An adviser reads your request and gets back to you.',
    'ack.next.notify': 'We will keep you posted {channel} at every step.',
    'ack.next.tracking': 'On the tracking page you can see where your case stands, write to us and add photos.',
  },
});

export async function acknowledge(ctx: Ctx, caseId: string, lang: Language): Promise<Acknowledgment & { trackingToken: string }> {
  const row = await loadCaseRow(ctx, eq(savCase.id, caseId));
  if (!row) throw new AppError('not_found', 'The case of this form no longer exists');
  const c = row.c;
  const promise = nextPromiseOf((await clocksOf(ctx, [c.id])).get(c.id) ?? []);
  const options = notifyOptions(await reachableIdentities(ctx, c.customerId), lang);
  const channel = c.notifyVia ?? defaultNotifyChannel(c.channel, options.map((o) => o.channel));
  const channelWords = options.find((o) => o.channel === channel)?.label;
  const nextSteps = [
    promise ? t(lang, 'ack.next.promise', { promise: promise.promise[lang] }) : t(lang, 'ack.next.now'),
    channelWords ? t(lang, 'ack.next.notify', { channel: channelWords }) : null,
    t(lang, 'ack.next.tracking'),
  ].filter(Boolean);
  const token = trackingTokenOf(ctx, c);
  const [owner] = await ctx.db.select({ name: brand.name }).from(brand).where(eq(brand.id, c.brandId));
  return {
    brand: owner?.name ?? '',
    number: c.number,
    language: lang,
    promise: promise ? { metric: promise.metric, deadline: promise.deadline, text: promise.promise[lang] } : null,
    nextSteps: nextSteps.join(' '),
    trackingUrl: trackingUrl(ctx, token),
    trackingToken: token,
  };
}

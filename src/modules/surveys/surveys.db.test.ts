// Closing that builds loyalty, end to end: an agent solves a case and the customer receives
// the closing message (thanks, what was done, the product's help, the survey link, until when
// an answer reopens the case); the survey page records the answer once, on the timeline and in
// the API (the case's survey, the report's CSAT and NPS); the follow-up check a week later goes
// only to those who neither answered nor came back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL, startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { buildBrand, buildStore } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordCustomerMessage } from '../cases/customer-messages.ts';
import { caseOrderLine, order, orderLine, orderSource, product } from '../commerce/commerce.schema.ts';
import { sendFollowUp } from './follow-up.ts';

// Tuesday 7 April 2026, 17:00 in Paris.
const clock = new ManualClock('2026-04-07T15:00:00Z');
const DAY = 86_400_000;
let out: OutboundHarness;
let h: Harness;
let admin: Client;
let agent: Client;
let brandId: string;

beforeAll(async () => {
  // Sessions outlive the weeks the clock is moved by.
  out = await startOutboundHarness(clock, { COMPTOIR_SESSION_TTL_HOURS: '2160' });
  h = out.h;
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Durand' });
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
});
afterAll(() => out?.close());

async function openCase(email: string, over: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const res = await admin.post('/api/v1/cases', {
    brandId,
    channel: 'email',
    subject: 'Programmateur d’arrosage qui fuit',
    message: 'Il a inondé la pelouse.',
    customer: { email, firstName: 'Jérôme', lastName: 'Martin' },
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The case is about a Gardena Flex bought online, whose product page has help links. */
async function linkProduct(caseId: string) {
  const now = clock.now();
  const [source] = await h.ctx.db.insert(orderSource).values({ id: uuidv7(), kind: 'api', name: 'Boutique en ligne', brandId, salesChannel: 'online' }).returning();
  const [p] = await h.ctx.db
    .insert(product)
    .values({
      id: uuidv7(),
      brandId,
      sku: `GARDENA-FLEX-${caseId.slice(-6)}`,
      name: 'Gardena Flex',
      helpLinks: [
        { label: 'Programmer l’arrosage', url: 'https://aide.jardin-maison.fr/flex/programmer', language: 'fr' },
        { label: 'Programming the timer', url: 'https://help.jardin-maison.fr/flex/programming', language: 'en' },
      ],
    })
    .returning();
  const [o] = await h.ctx.db
    .insert(order)
    .values({ id: uuidv7(), sourceId: source!.id, externalId: caseId, number: '#1001', brandId, salesChannel: 'online', purchasedAt: new Date(now.getTime() - 40 * DAY), currency: 'EUR', totalAmount: 4990 })
    .returning();
  const [line] = await h.ctx.db.insert(orderLine).values({ id: uuidv7(), orderId: o!.id, position: 1, productId: p!.id, name: 'Gardena Flex', quantity: 1, unitPriceAmount: 4990, totalAmount: 4990 }).returning();
  await h.ctx.db.insert(caseOrderLine).values({ caseId, orderLineId: line!.id, linkedAt: now });
}

const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events?limit=200`)).json().items;
const solve = async (caseId: string) => expect((await agent.patch(`/api/v1/cases/${caseId}`, { status: 'solved' })).statusCode).toBe(200);
const surveyLinkIn = (text: string) => {
  const m = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/s/([\\w-]+\\.[\\w-]{43})`).exec(text);
  expect(m, text).not.toBeNull();
  return { url: m![0], token: m![1]! };
};
const page = (token: string, query = '') => h.app.inject({ method: 'GET', url: `/s/${token}${query}` });
const answer = (token: string, form: Record<string, string>, lang = 'fr') =>
  h.app.inject({ method: 'POST', url: `/s/${token}?lang=${lang}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

describe('the closing of a solved case', () => {
  let caseId = '';
  let token = '';

  it('sends the closing message: thanks, what was done, the product’s help, the survey and the reopening date', async () => {
    const c = await openCase('jerome.martin@exemple.fr');
    caseId = c.id;
    await linkProduct(c.id);
    await agent.patch(`/api/v1/cases/${c.id}`, { step: 'repair' });
    await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour Jérôme,\n\nNotre atelier a remplacé la vanne de votre programmateur : il est prêt, au magasin de Lyon Vaise.\n\nCamille' });
    await h.worker.drain();
    await solve(c.id);
    await h.worker.drain();

    const mails = out.mailsTo('jerome.martin@exemple.fr');
    const closing = mails.find((m) => m.mail.subject === `[${c.number}] Votre demande est résolue : merci !`);
    expect(closing, mails.map((m) => m.mail.subject).join(' | ')).toBeDefined();
    const text = closing!.mail.text!;
    expect(text).toContain('Bonjour Jérôme Martin,');
    expect(text).toContain(`Votre dossier ${c.number} (« Programmateur d’arrosage qui fuit ») est résolu. Merci de nous avoir signalé ce problème`);
    expect(text).toContain('Dernière étape de votre dossier : Réparation.');
    expect(text).toContain('Notre dernière réponse : « Bonjour Jérôme, Notre atelier a remplacé la vanne de votre programmateur : il est prêt, au magasin de Lyon Vaise. Camille »');
    expect(text).toContain('Pour bien profiter de votre Gardena Flex :\n- Programmer l’arrosage : https://aide.jardin-maison.fr/flex/programmer');
    expect(text).not.toContain('help.jardin-maison.fr');
    expect(text).toContain('Le problème revient ? Répondez simplement à ce message d’ici le jeudi 7 mai 2026 à 17:00 : nous rouvrirons votre dossier.');
    ({ token } = surveyLinkIn(text));
    expect(closing!.mail.html).toContain(`<a href="${PUBLIC_URL}/s/${token}">`);

    const sent = (await eventsOf(c.id)).filter((e) => e.data.kind === 'closing');
    expect(sent).toEqual([expect.objectContaining({ type: 'message_out', visibility: 'public', actor: expect.objectContaining({ type: 'system' }), data: expect.objectContaining({ template: 'closing', solvedAt: '2026-04-07T15:00:00.000Z' }) })]);
    expect(sent[0]!.delivery).toMatchObject({ status: 'sent', recipient: 'jerome.martin@exemple.fr' });
  });

  it('shows the survey page, in the customer’s language, with until when an answer reopens the case', async () => {
    const res = await page(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body;
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain('<legend>Êtes-vous satisfait de la façon dont nous avons traité votre demande ?</legend>');
    expect(body).toContain('<legend>Recommanderiez-vous Jardin &amp; Maison à un proche ?</legend>');
    expect(body.match(/name="csat"/g)).toHaveLength(5);
    expect(body.match(/name="nps"/g)).toHaveLength(11);
    expect(body).toContain('Jusqu’au jeudi 7 mai 2026 à 17:00, répondez simplement à notre dernier message');
    expect((await page(token, '?lang=en')).body).toContain('How satisfied are you with the way we handled your request?');
    // A score in the link is chosen in advance, never recorded by opening it.
    expect((await page(token, '?csat=4')).body).toContain('value="4" checked');
    expect((await admin.get(`/api/v1/cases/${caseId}/survey`)).json().items[0].answer).toBeNull();
  });

  it('refuses an answer with no score, keeping what was typed', async () => {
    const res = await answer(token, { comment: 'Très bien' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Choisissez une note, au moins pour l’une des deux questions.');
    expect(res.body).toContain('>Très bien</textarea>');
  });

  it('records the answer once, on the timeline and in the API', async () => {
    clock.advance(3_600_000);
    const res = await answer(token, { csat: '5', nps: '9', comment: 'Rapide et aimable, merci Camille.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/s/${token}?lang=fr&sent=1`);
    const thanks = await page(token, '?lang=fr&sent=1');
    expect(thanks.body).toContain('Merci pour votre avis !');
    expect(thanks.body).toContain('Satisfaction : 5 sur 5');
    expect(thanks.body).toContain('Recommandation : 9 sur 10');

    // A second send (a double click, the back button) changes nothing.
    expect((await answer(token, { csat: '1' })).statusCode).toBe(303);
    expect((await page(token)).body).toContain('Vous nous avez déjà donné votre avis sur ce dossier');

    const answered = (await eventsOf(caseId)).filter((e) => e.type === 'survey_answered');
    expect(answered).toEqual([
      expect.objectContaining({
        visibility: 'internal',
        actor: expect.objectContaining({ type: 'customer' }),
        body: 'Rapide et aimable, merci Camille.',
        data: expect.objectContaining({ csat: 5, nps: 9, solvedAt: '2026-04-07T15:00:00.000Z', language: 'fr' }),
      }),
    ]);
    expect((await admin.get(`/api/v1/cases/${caseId}/survey`)).json()).toEqual({
      items: [
        {
          solvedAt: '2026-04-07T15:00:00.000Z',
          closingSentAt: '2026-04-07T15:00:00.000Z',
          followUpSentAt: null,
          answer: { csat: 5, nps: 9, comment: 'Rapide et aimable, merci Camille.', language: 'fr', answeredAt: '2026-04-07T16:00:00.000Z' },
        },
      ],
    });
    // Answered: no follow-up a week later.
    expect(await sendFollowUp(h.ctx, caseId, '2026-04-07T15:00:00.000Z')).toBe('answered');
  });

  it('keeps the answers for the case’s own team: another store’s staff reads its history, not its survey', async () => {
    const store = await buildStore(h.ctx, brandId);
    const staff = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [store.id] });
    expect((await staff.get(`/api/v1/cases/${caseId}/events`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/cases/${caseId}/survey`)).statusCode).toBe(403);
    expect((await staff.get('/api/v1/surveys?from=2026-04-01&to=2026-04-30')).json()).toMatchObject({ answers: 0, items: [] });
  });

  it('speaks English to an English-speaking customer, and the link of another survey opens nothing', async () => {
    const c = await openCase('sam.lee@example.com', { customer: { email: 'sam.lee@example.com', firstName: 'Sam', language: 'en' }, subject: 'Leaking timer' });
    await solve(c.id);
    await h.worker.drain();
    const mail = out.mailsTo('sam.lee@example.com').find((m) => m.mail.subject === `[${c.number}] Your request is solved: thank you!`)!;
    expect(mail.mail.text).toContain('Thank you for telling us about this problem');
    expect(mail.mail.text).toContain('Is the problem back? Simply reply to this message by');
    const { token: english } = surveyLinkIn(mail.mail.text!);
    expect((await page(english)).body).toContain('<html lang="en">');
    const forged = `${english.slice(0, 10)}${english[10] === 'A' ? 'B' : 'A'}${english.slice(11)}`;
    expect((await page(forged)).statusCode).toBe(404);
    expect((await answer(forged, { csat: '1' })).statusCode).toBe(404);
  });
});

describe('the follow-up check', () => {
  it('asks, a week later, whoever neither answered nor wrote, and only them', async () => {
    clock.set('2026-04-08T08:00:00Z');
    const quiet = await openCase('quiet@exemple.fr');
    const reopened = await openCase('reopened@exemple.fr');
    const thanked = await openCase('thanked@exemple.fr');
    for (const c of [quiet, reopened, thanked]) await solve(c.id);
    await h.worker.drain();
    clock.advance(3_600_000);
    await recordCustomerMessage(h.ctx, reopened.id, { body: 'Il fuit de nouveau.', channel: 'email' });
    await recordCustomerMessage(h.ctx, thanked.id, { body: 'Merci beaucoup !', channel: 'email', keepSolved: true });
    await h.worker.drain();
    expect(out.mailsTo('quiet@exemple.fr').filter((m) => m.mail.subject?.includes('Tout va bien depuis'))).toEqual([]);

    clock.set('2026-04-15T08:00:01Z');
    await h.worker.drain();
    const [followUp] = out.mailsTo('quiet@exemple.fr').filter((m) => m.mail.subject === `[${quiet.number}] Tout va bien depuis ?`);
    expect(followUp).toBeDefined();
    expect(followUp!.mail.text).toContain('Tout fonctionne toujours comme il faut ?');
    expect(followUp!.mail.text).toContain('d’ici le vendredi 8 mai 2026 à 10:00');
    surveyLinkIn(followUp!.mail.text!);
    for (const email of ['reopened@exemple.fr', 'thanked@exemple.fr']) {
      expect(out.mailsTo(email).filter((m) => m.mail.subject?.includes('Tout va bien depuis'))).toEqual([]);
    }
    expect((await eventsOf(quiet.id)).filter((e) => e.data.kind === 'follow_up')).toHaveLength(1);
    expect((await admin.get(`/api/v1/cases/${quiet.id}/survey`)).json().items[0]).toMatchObject({ followUpSentAt: '2026-04-15T08:00:01.000Z', answer: null });
    // Run again (a retry): nothing more.
    expect(await sendFollowUp(h.ctx, quiet.id, '2026-04-08T08:00:00.000Z')).toBe('already_sent');
    expect(await sendFollowUp(h.ctx, reopened.id, '2026-04-08T08:00:00.000Z')).toBe('reopened');
  });
});

describe('the survey report', () => {
  it('gives the CSAT average and the NPS of the answers in the period, and the answers', async () => {
    clock.set('2026-04-20T08:00:00Z');
    const scores: [string, string][] = [['4', '10'], ['2', '6'], ['5', '8']];
    for (const [n, [csat, nps]] of scores.entries()) {
      const c = await openCase(`report${n}@exemple.fr`);
      await solve(c.id);
      await h.worker.drain();
      const mail = out.mailsTo(`report${n}@exemple.fr`).find((m) => m.mail.subject?.includes('Votre demande est résolue'))!;
      expect((await answer(surveyLinkIn(mail.mail.text!).token, { csat, nps })).statusCode).toBe(303);
    }
    const report = (await admin.get('/api/v1/surveys?from=2026-04-20&to=2026-04-20')).json();
    expect(report).toMatchObject({
      from: '2026-04-20',
      to: '2026-04-20',
      answers: 3,
      csat: { answers: 3, average: 3.67, satisfied: 66.7, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 } },
      nps: { answers: 3, score: 0, promoters: 1, passives: 1, detractors: 1 },
      nextCursor: null,
    });
    expect(report.items.map((i: { csat: number }) => i.csat)).toEqual([5, 2, 4]);
    // The whole month: the first answer (5, 9) too.
    expect((await admin.get('/api/v1/surveys?from=2026-04-01&to=2026-04-30')).json()).toMatchObject({ answers: 4, csat: { average: 4 }, nps: { score: 25 } });
    const firstPage = (await admin.get('/api/v1/surveys?from=2026-04-01&to=2026-04-30&limit=3')).json();
    expect(firstPage.items).toHaveLength(3);
    const next = (await admin.get(`/api/v1/surveys?from=2026-04-01&to=2026-04-30&limit=3&cursor=${firstPage.nextCursor}`)).json();
    expect(next.items.map((i: { csat: number }) => i.csat)).toEqual([5]);
    expect((await admin.get('/api/v1/surveys?from=2026-04-30&to=2026-04-01')).statusCode).toBe(422);
  });
});

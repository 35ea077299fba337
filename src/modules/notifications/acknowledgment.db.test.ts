// The acknowledgment, end to end: a case opened through the API, the worker drained, and what
// the customer really receives — by SMTP at a real relay, by SMS at the fake Twilio — with the
// exact date and time of the promised first answer (Friday 3 April 2026, 17:00 in Paris, on
// the seeded "Standard" policy: two business days of the default calendar, Saturday morning
// counted, Easter Monday not: Tuesday 7 April 2026 at 17:00).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTwilio } from '../../../test/fakes/twilio.ts';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { digest } from '../../platform/crypto/tokens.ts';
import { queryRows } from '../../platform/db/database.ts';
import { recordCustomerMessage } from '../cases/customer-messages.ts';
import { acknowledgeCase, acknowledgeJob } from './acknowledgment.ts';

const FRIDAY_17H_PARIS = '2026-04-03T15:00:00Z';
const clock = new ManualClock(FRIDAY_17H_PARIS);
let out: OutboundHarness;
let h: Harness;
let twilio: FakeTwilio;
let admin: Client;
let brandId: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock);
  ({ h, twilio } = out);
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
});
afterAll(() => out?.close());

async function openCase(body: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const res = await admin.post('/api/v1/cases', { subject: 'Programmateur d’arrosage qui fuit', message: 'Il a inondé la pelouse, deux fois.', brandId, ...body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
const acknowledgments = async (caseId: string) => (await eventsOf(caseId)).filter((e) => e.type === 'message_out' && e.data.kind === 'acknowledgment');
const mailsTo = (address: string) => out.mailsTo(address);

describe('the acknowledgment of a new case', () => {
  it('goes out by e-mail in French with the case number, the exact deadline, what happens next and the tracking link', async () => {
    const c = await openCase({ customer: { email: 'jerome.martin@exemple.fr', firstName: 'Jérôme', lastName: 'Martin' }, channel: 'email' });
    await h.worker.drain();

    const [mail] = mailsTo('jerome.martin@exemple.fr');
    expect(mail).toBeDefined();
    expect(mail!.mail.subject).toBe(`[${c.number}] Nous avons bien reçu votre demande`);
    const text = mail!.mail.text!;
    expect(text).toContain('Bonjour Jérôme Martin,');
    expect(text).toContain(`Elle porte le numéro ${c.number}.`);
    expect(text).toContain('Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00.');
    expect(text).toContain('Et ensuite ? Un conseiller lit votre demande');
    expect(text).not.toContain('meilleurs délais');
    const link = /https:\/\/sav\.jardin-maison\.fr\/t\/([\w-]{43})/.exec(text);
    expect(link).not.toBeNull();
    const [row] = await queryRows<{ hash: string }>(h.ctx.db, sql`SELECT tracking_token_hash AS hash FROM sav_case WHERE id = ${c.id}`);
    expect(row!.hash, 'the link opens this case').toBe(digest(link![1]!));
    expect(mail!.mail.html).toContain(`<a href="${link![0]}">`);
    expect(mail!.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail!.mail.messageId).toMatch(/^<[0-9a-f-]{36}@jardin-maison\.fr>$/);

    const [ack] = await acknowledgments(c.id);
    expect(ack).toMatchObject({ channel: 'email', visibility: 'public', actor: { type: 'system' }, data: { kind: 'acknowledgment', template: 'acknowledgment', language: 'fr' } });
    expect(ack!.body).toBe(text.trim());
    expect(ack!.delivery).toMatchObject({ channel: 'email', recipient: 'jerome.martin@exemple.fr', status: 'sent', attempts: 1, detail: null, sentAt: '2026-04-03T15:00:00.000Z' });
  });

  it('speaks English to an English-speaking customer', async () => {
    const c = await openCase({ customer: { email: 'sam.lee@example.com', firstName: 'Sam', lastName: 'Lee', language: 'en' }, channel: 'webform', subject: 'Leaking watering timer' });
    await h.worker.drain();
    const [mail] = mailsTo('sam.lee@example.com');
    expect(mail!.mail.subject).toBe(`[${c.number}] We have received your request`);
    expect(mail!.mail.text).toContain('Hello Sam Lee,');
    expect(mail!.mail.text).toContain('We will answer you by Tuesday 7 April 2026 at 17:00.');
    expect(mail!.mail.text).toContain('What happens next?');
  });

  it('is sent once, however often or concurrently its job runs, and never again for a follow-up', async () => {
    const c = await openCase({ customer: { email: 'double@exemple.fr', firstName: 'Anne' }, channel: 'email' });
    await h.services.jobs.enqueue(h.ctx.db, acknowledgeJob, { caseId: c.id });
    const outcomes = await Promise.all([acknowledgeCase(h.ctx, c.id), acknowledgeCase(h.ctx, c.id), h.worker.drain()]);
    expect(outcomes.slice(0, 2).every((o) => o === 'sent' || o === 'already_sent')).toBe(true);
    await h.worker.drain();
    expect(await acknowledgments(c.id)).toHaveLength(1);
    expect(mailsTo('double@exemple.fr')).toHaveLength(1);

    await recordCustomerMessage(h.ctx, c.id, { body: 'Je précise : le modèle est un Gardena Flex.', channel: 'email' });
    await h.worker.drain();
    expect(await acknowledgments(c.id)).toHaveLength(1);
    expect(mailsTo('double@exemple.fr')).toHaveLength(1);
  });

  it('answers an SMS case by SMS, in two GSM segments, and follows Twilio’s status callbacks', async () => {
    const c = await openCase({ customer: { phone: '06 12 34 56 78', firstName: 'Léa', lastName: 'Bernard' }, channel: 'sms' });
    await h.worker.drain();
    const sms = twilio.messages.find((m) => m.to === '+33612345678');
    expect(sms).toBeDefined();
    expect(sms!.from).toBe('+33757001122');
    expect(sms!.body).toMatch(new RegExp(`^Jardin & Maison : demande ${c.number} bien enregistrée\\. Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00\\. Suivi : https://sav\\.jardin-maison\\.fr/t/[\\w-]{43}$`));
    expect(sms!.body.length).toBeLessThanOrEqual(306);
    const [ack] = await acknowledgments(c.id);
    expect(ack!.delivery).toMatchObject({ channel: 'sms', recipient: '+33612345678', status: 'sent' });
    expect(sms!.statusCallback).toMatch(/^https:\/\/sav\.jardin-maison\.fr\/api\/v1\/channels\/sms\/status\?delivery=[0-9a-f-]{36}$/);

    const post = (cb: ReturnType<FakeTwilio['statusCallback']>, headers: Record<string, string> = {}) => {
      const u = new URL(cb.url);
      return h.app.inject({ method: 'POST', url: u.pathname + u.search, headers: { ...cb.headers, ...headers }, payload: cb.body });
    };
    const forged = await post(twilio.statusCallback(sms!.sid, 'delivered'), { 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect((await acknowledgments(c.id))[0]!.delivery!.status).toBe('sent');

    expect((await post(twilio.statusCallback(sms!.sid, 'delivered'))).statusCode).toBe(204);
    expect((await acknowledgments(c.id))[0]!.delivery!.status).toBe('delivered');
    // Callbacks arrive out of order: a late "sent" never undoes "delivered".
    expect((await post(twilio.statusCallback(sms!.sid, 'sent'))).statusCode).toBe(204);
    expect((await acknowledgments(c.id))[0]!.delivery!.status).toBe('delivered');
  });

  it('records a carrier’s refusal reported by callback as a failure with its code', async () => {
    const c = await openCase({ customer: { phone: '07 98 76 54 32' }, channel: 'sms' });
    await h.worker.drain();
    const sms = twilio.messages.find((m) => m.to === '+33798765432')!;
    const cb = twilio.statusCallback(sms.sid, 'undelivered', '30003');
    const u = new URL(cb.url);
    expect((await h.app.inject({ method: 'POST', url: u.pathname + u.search, headers: cb.headers, payload: cb.body })).statusCode).toBe(204);
    expect((await acknowledgments(c.id))[0]!.delivery).toMatchObject({ status: 'failed', detail: 'rejected (30003): the carrier reported the SMS undelivered' });
  });

  it('holds an SMS during quiet hours (22:00 → 08:00) but never an e-mail', async () => {
    clock.set('2026-04-03T20:00:00Z'); // 22:00 in Paris
    try {
      const before = twilio.messages.length;
      const bySms = await openCase({ customer: { phone: '06 55 44 33 22' }, channel: 'sms' });
      const byMail = await openCase({ customer: { email: 'nuit@exemple.fr' }, channel: 'email' });
      await h.worker.drain();
      expect(twilio.messages.length).toBe(before);
      expect(mailsTo('nuit@exemple.fr')).toHaveLength(1);
      expect((await acknowledgments(bySms.id))[0]!.delivery).toMatchObject({ status: 'queued', attempts: 0, detail: 'quiet hours: held until 2026-04-04T08:00:00+02:00' });
      expect((await acknowledgments(byMail.id))[0]!.delivery).toMatchObject({ status: 'sent' });

      clock.set('2026-04-04T05:59:00Z');
      await h.worker.drain();
      expect(twilio.messages.length).toBe(before);
      clock.set('2026-04-04T06:00:00Z'); // 08:00 in Paris
      await h.worker.drain();
      expect(twilio.messages.length).toBe(before + 1);
      expect((await acknowledgments(bySms.id))[0]!.delivery).toMatchObject({ status: 'sent', attempts: 1, detail: null, sentAt: '2026-04-04T06:00:00.000Z' });
    } finally {
      clock.set(FRIDAY_17H_PARIS);
    }
  });

  it('is recorded as suppressed, with the reason, when there is nowhere to send it', async () => {
    const c = await openCase({ customer: { displayName: 'Madame Petit' }, channel: 'counter' });
    await h.worker.drain();
    const [ack] = await acknowledgments(c.id);
    expect(ack!.delivery).toMatchObject({ channel: 'email', recipient: '', status: 'suppressed', detail: 'no e-mail address or mobile number known for this customer' });
    const [jobs] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM job WHERE name = 'notifications.deliver' AND payload ->> 'text' LIKE ${`%${c.number}%`}`);
    expect(jobs!.n).toBe(0);
  });
});

describe('GET /api/v1/cases/{id}/acknowledgment', () => {
  it('renders the printed counter ticket, and the e-mail or SMS, in either language', async () => {
    const c = await openCase({ customer: { email: 'comptoir@exemple.fr', firstName: 'Paul', lastName: 'Roux' }, channel: 'counter', product: 'Gardena Flex' });
    const ticket = await admin.get(`/api/v1/cases/${c.id}/acknowledgment?channel=ticket`);
    expect(ticket.statusCode).toBe(200);
    const t = ticket.json();
    expect(t).toMatchObject({ key: 'acknowledgment', channel: 'ticket', language: 'fr', subject: null, sms: null });
    expect(t.text).toContain('SERVICE APRÈS-VENTE');
    expect(t.text).toContain(`Dossier n° ${c.number}`);
    expect(t.text).toContain('Ouvert le vendredi 3 avril 2026 à 17:00');
    expect(t.text).toContain('Produit : Gardena Flex');
    expect(t.text).toContain('Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00.');
    expect(t.text).toMatch(/https:\/\/sav\.jardin-maison\.fr\/t\/[\w-]{43}/);
    expect(t.html).toContain('width:72mm');

    const email = (await admin.get(`/api/v1/cases/${c.id}/acknowledgment`)).json();
    expect(email).toMatchObject({ channel: 'email', subject: `[${c.number}] Nous avons bien reçu votre demande` });
    const sms = (await admin.get(`/api/v1/cases/${c.id}/acknowledgment?channel=sms&language=en`)).json();
    expect(sms).toMatchObject({ channel: 'sms', language: 'en', sms: { encoding: 'GSM-7', segments: 2 } });
    expect(sms.text).toContain('We will answer you by Tuesday 7 April 2026 at 17:00.');

    expect((await admin.get(`/api/v1/cases/${c.id}/acknowledgment?channel=fax`)).statusCode).toBe(400);
    expect((await admin.get('/api/v1/cases/0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90/acknowledgment')).statusCode).toBe(404);
    const viewer = await h.userClient('viewer');
    expect((await viewer.get(`/api/v1/cases/${c.id}/acknowledgment?channel=ticket`)).statusCode).toBe(200);
  });
});

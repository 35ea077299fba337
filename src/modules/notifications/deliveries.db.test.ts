// Deliveries after the acknowledgment: retries and failures as the timeline shows them, step
// news, agents' replies delivered to the customer, and the SLA mails to agents and leads.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SmtpRelay } from '../../../test/fakes/smtp-relay.ts';
import type { FakeTwilio } from '../../../test/fakes/twilio.ts';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { runSlaSweep } from '../sla/sla.sweep.ts';
import { timelineNoticeJob } from './timeline-notices.ts';

const FRIDAY_17H_PARIS = '2026-04-03T15:00:00Z';
const clock = new ManualClock(FRIDAY_17H_PARIS);
const HOUR = 3_600_000;
let out: OutboundHarness;
let h: Harness;
let relay: SmtpRelay;
let twilio: FakeTwilio;
let admin: Client;
let brandId: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock, { COMPTOIR_QUIET_HOURS: 'off' });
  ({ h, relay, twilio } = out);
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
});
afterAll(() => out?.close());

let n = 0;
async function openCase(body: Record<string, unknown> = {}): Promise<{ id: string; number: string; email: string }> {
  const email = `client${++n}@exemple.fr`;
  const res = await admin.post('/api/v1/cases', { customer: { email, firstName: 'Jérôme', lastName: 'Martin' }, subject: 'Programmateur d’arrosage qui fuit', message: 'Il fuit.', channel: 'email', brandId, ...body });
  expect(res.statusCode).toBe(201);
  return { ...res.json(), email };
}
const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
const outgoing = async (caseId: string) => (await eventsOf(caseId)).filter((e) => e.type === 'message_out');
const mailsTo = (address: string) => out.mailsTo(address);
const later = async (ms: number) => {
  clock.advance(ms);
  await h.worker.drain();
};

describe('a delivery that fails', () => {
  it('is retried with backoff, then marked failed with the reason, on the event itself', async () => {
    relay.refuseNext({ code: 451, message: 'Greylisted, please try again later' });
    const c = await openCase();
    await h.worker.drain();
    let [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({ status: 'queued', attempts: 1, detail: 'temporary (451): Can\'t send mail - all recipients were rejected: 451 Greylisted, please try again later (attempt 1 of 8, retrying)' });

    relay.refuseNext({ code: 550, message: 'No such user here' });
    await later(HOUR);
    [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({ status: 'failed', attempts: 2 });
    expect(ack!.delivery!.detail).toMatch(/^rejected \(550\): .*No such user here$/);
    expect(mailsTo(c.email)).toHaveLength(0);
    const [job] = await queryRows<{ state: string; last_error: string }>(h.ctx.db, sql`SELECT state, last_error FROM job WHERE name = 'notifications.deliver' AND payload ->> 'text' LIKE ${`%${c.number}%`}`);
    expect(job).toMatchObject({ state: 'failed' });
    expect(job!.last_error).toContain('No such user here');
  });

  it('gives up after its last attempt when the relay keeps answering "try later"', async () => {
    // More refusals than attempts: the pooled transport may try a message again on a fresh
    // connection when the relay closes one, within one of our attempts.
    relay.refuseNext(...Array.from({ length: 20 }, () => ({ code: 421, message: 'Service not available, closing channel' })));
    const c = await openCase();
    await h.worker.drain();
    for (let i = 0; i < 7; i++) await later(HOUR);
    const [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({ status: 'failed', attempts: 8 });
    expect(ack!.delivery!.detail).toMatch(/^temporary \(421\): .*\(gave up after 8 attempts\)$/);
    relay.clearRefusals();
  });

  it('waits for Twilio’s rate limit to reset, then sends', async () => {
    twilio.failNext('too_many_requests');
    const c = await openCase({ customer: { phone: '06 10 20 30 40' }, channel: 'sms' });
    await h.worker.drain();
    let [ack] = await outgoing(c.id);
    // Waiting for the reset Twilio named spends no attempt.
    expect(ack!.delivery).toMatchObject({ channel: 'sms', status: 'queued', attempts: 0 });
    expect(ack!.delivery!.detail).toMatch(/^temporary \(20429\): Too Many Requests \(retrying at /);
    await later(31_000);
    [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({ status: 'sent', attempts: 1, detail: null });
  });

  it('fails at once, with Twilio’s code, for a number Twilio refuses', async () => {
    twilio.failNext('invalid_number');
    const c = await openCase({ customer: { phone: '06 11 11 11 11' }, channel: 'sms' });
    await h.worker.drain();
    const [ack] = await outgoing(c.id);
    expect(ack!.delivery).toMatchObject({ status: 'failed', attempts: 1, detail: "rejected (21211): The 'To' number +33611111111 is not a valid phone number." });
  });
});

describe('news of a case', () => {
  beforeEach(() => clock.set(FRIDAY_17H_PARIS));

  it('tells the customer of a new SAV step, what comes next and by when', async () => {
    const c = await openCase();
    await h.worker.drain();
    expect((await admin.patch(`/api/v1/cases/${c.id}`, { step: 'awaiting_part' })).statusCode).toBe(200);
    await h.worker.drain();
    const news = (await outgoing(c.id)).filter((e) => e.data.kind === 'step_update');
    expect(news).toHaveLength(1);
    const stepEvent = (await eventsOf(c.id)).find((e) => e.type === 'step_changed')!;
    expect(news[0]).toMatchObject({ actor: { type: 'system' }, channel: 'email', data: { template: 'step_update', announces: stepEvent.id, step: 'awaiting_part' }, delivery: { status: 'sent' } });
    const mail = mailsTo(c.email).find((m) => m.mail.subject?.includes('Votre dossier avance'))!;
    expect(mail.mail.subject).toBe(`[${c.number}] Votre dossier avance : En attente de pièce`);
    expect(mail.mail.text).toContain('passe à l’étape : En attente de pièce.');
    expect(mail.mail.text).toContain('Nous avons commandé la pièce nécessaire ; la réparation commencera dès sa réception.');
    expect(mail.mail.text).toContain('Prochaine étape : Réparation, prévue au plus tard le mardi 7 avril 2026 à 17:00.');
    expect(mail.mail.headers.get('auto-submitted')).toBe('auto-replied');

    // The same job again announces nothing twice.
    await h.services.jobs.enqueue(h.ctx.db, timelineNoticeJob, { caseId: c.id, eventId: stepEvent.id });
    await h.worker.drain();
    expect((await outgoing(c.id)).filter((e) => e.data.kind === 'step_update')).toHaveLength(1);
  });

  it('announces only the latest of steps changed in quick succession', async () => {
    const c = await openCase();
    await h.worker.drain();
    await admin.patch(`/api/v1/cases/${c.id}`, { step: 'diagnosis' });
    await admin.patch(`/api/v1/cases/${c.id}`, { step: 'repair' });
    await h.worker.drain();
    const news = (await outgoing(c.id)).filter((e) => e.data.kind === 'step_update');
    expect(news.map((e) => e.data.step)).toEqual(['repair']);
  });

  it('delivers an agent’s public reply itself, with the tracking link, and never a note', async () => {
    const c = await openCase();
    await h.worker.drain();
    const body = 'Bonjour Jérôme,\n\nNous remplaçons votre programmateur par le modèle supérieur ; il vous attend en magasin dès demain.\n\nCamille';
    const reply = await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body });
    expect(reply.statusCode).toBe(201);
    await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Geste commercial validé par le chef de magasin.' });
    await h.worker.drain();

    const out = await outgoing(c.id);
    expect(out.map((e) => [e.actor.type, e.data.kind ?? null])).toEqual([
      ['system', 'acknowledgment'],
      ['user', null],
    ]);
    expect(out[1]!.id).toBe(reply.json().message.id);
    expect(out[1]!.delivery).toMatchObject({ channel: 'email', recipient: c.email, status: 'sent', attempts: 1 });
    const mails = mailsTo(c.email);
    expect(mails).toHaveLength(2);
    const answer = mails[1]!.mail;
    expect(answer.subject).toBe(`Re: Programmateur d’arrosage qui fuit [${c.number}]`);
    expect(answer.text).toContain(body);
    expect(answer.text).toMatch(new RegExp(`Dossier ${c.number}, à suivre ici : https://sav\\.jardin-maison\\.fr/t/[\\w-]{43}`));
    expect(answer.text).not.toContain('Geste commercial');
    expect(answer.headers.has('auto-submitted')).toBe(false);
    expect(answer.headers.get('x-auto-response-suppress')).toBe('All');
  });

  it('answers by SMS a customer who asked for it', async () => {
    const c = await openCase({ customer: { email: `sms${n}@exemple.fr`, phone: '06 98 98 98 98' }, notifyVia: 'sms' });
    await h.worker.drain();
    await admin.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Votre produit est prêt au magasin.' });
    await h.worker.drain();
    const out = await outgoing(c.id);
    expect(out.map((e) => e.delivery?.channel)).toEqual(['sms', 'sms']);
    expect(twilio.messages.filter((m) => m.to === '+33698989898').at(-1)!.body).toBe(
      `Jardin & Maison (${c.number}) :\nVotre produit est pret au magasin.\nSuivi : ${/https:\/\/\S+/.exec(out[0]!.body!)![0]}`,
    );
  });
});

describe('SLA mails', () => {
  it('warn the assignee before the promised deadline and tell the team lead once it has passed', async () => {
    const agent = await h.userClient('agent', { name: 'Camille Durand' });
    const lead = await h.userClient('manager', { name: 'Nadia Lefèvre' });
    const team = await buildTeam(h.ctx, { name: 'SAV e-commerce', leadUserId: lead.userId, memberIds: [agent.userId] });
    clock.set(FRIDAY_17H_PARIS);
    const c = await openCase({ teamId: team.id, assigneeId: agent.userId });
    await h.worker.drain();

    // First reply due Tuesday 7 April at 17:00 (15:00 UTC); the Standard policy warns an hour before.
    clock.set('2026-04-07T14:15:00Z');
    await runSlaSweep(h.ctx);
    await h.worker.drain();
    const [warning] = mailsTo(agent.email);
    expect(warning!.mail.subject).toBe(`[${c.number}] Échéance proche : première réponse avant le mardi 7 avril 2026 à 17:00`);
    expect(warning!.mail.text).toContain('Bonjour Camille,');
    expect(warning!.mail.text).toContain(`https://sav.jardin-maison.fr/cases/${c.id}`);
    expect(mailsTo(lead.email)).toHaveLength(0);

    clock.set('2026-04-07T15:01:00Z');
    await runSlaSweep(h.ctx);
    await h.worker.drain();
    const [escalation] = mailsTo(lead.email);
    expect(escalation!.mail.subject).toBe(`[${c.number}] Délai dépassé : première réponse (SAV e-commerce)`);
    expect(escalation!.mail.text).toContain('Bonjour Nadia,');
    expect(escalation!.mail.text).toContain('Suivi par : Camille Durand');
    expect(escalation!.mail.text).toContain(`https://sav.jardin-maison.fr/cases/${c.id}`);
    expect(mailsTo(agent.email)).toHaveLength(1);
    // Internal: nothing on the customer's timeline.
    expect((await outgoing(c.id)).map((e) => e.data.kind)).toEqual(['acknowledgment']);
  });
});

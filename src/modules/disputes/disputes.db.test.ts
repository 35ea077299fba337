// Disputes and customer effort, end to end. A customer's formal notice arrives by e-mail (real
// SMTP) on a case an agent holds: the case is tagged, routed to the disputes team at urgent
// priority, its lead told — once; a later lawyer mention only adds what is new. The
// back-and-forth of a case warns the agent (the case's alerts) and the manager (the bell) at
// the threshold, once per crossing. A draft reply is checked for a refusal.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { startSmtpInbound, type RunningSmtpServer } from '../../channels/email/smtp-inbound.ts';
import { ManualClock } from '../../platform/clock.ts';
import { recordCustomerMessage } from '../cases/customer-messages.ts';
import { systemActor } from '../access/actor.ts';
import { ingestOrders } from '../commerce/orders.ingest.ts';
import { createSource, loadSource } from '../commerce/order-sources.service.ts';
import { flagDispute } from './dispute-flag.ts';
import { checkEffort } from './effort-warning.ts';

const clock = new ManualClock('2026-03-02T09:00:00+01:00');
const SAV = 'sav@composants.example';
let out: OutboundHarness;
let h: Harness;
let admin: Client;
let agent: Client;
let lead: Client;
let manager: Client;
let smtp: RunningSmtpServer;
let brandId: string;
let savTeam: string;
let disputesTeam: string;

beforeAll(async () => {
  out = await startOutboundHarness(clock);
  h = out.h;
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  lead = await h.userClient('manager', { name: 'Dominique Litiges' });
  manager = await h.userClient('manager', { name: 'Sacha Responsable' });
  brandId = (await buildBrand(h.ctx, { slug: 'composants', name: 'Composants & Cie' })).id;
  savTeam = (await buildTeam(h.ctx, { slug: 'sav-web', name: 'SAV web', memberIds: [agent.userId], leadUserId: manager.userId })).id;
  disputesTeam = (await buildTeam(h.ctx, { slug: 'disputes', name: 'Litiges', memberIds: [lead.userId], leadUserId: lead.userId })).id;
  expect((await admin.post('/api/v1/channel-accounts', { channel: 'email', name: 'SAV', address: SAV, brandId })).statusCode).toBe(201);
  smtp = (await startSmtpInbound(h.services, { port: 0, host: '127.0.0.1' }))!;
});
afterAll(async () => {
  await smtp?.stop();
  await out?.close();
});

async function deliver(mail: { from: string; subject: string; text: string; inReplyTo?: string }) {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  try {
    return await t.sendMail({ to: SAV, ...mail, ...(mail.inReplyTo ? { references: [mail.inReplyTo] } : {}) });
  } finally {
    t.close();
  }
}

const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events?limit=200`)).json().items;
const flagsOf = async (caseId: string) => (await eventsOf(caseId)).filter((e) => e.type === 'dispute_flagged');
const bell = async (who: Client) => (await who.get('/api/v1/me/notifications')).json() as { items: { kind: string; case: { id: string }; eventId: string; excerpt: string }[] };
const caseOf = async (id: string) => (await admin.get(`/api/v1/cases/${id}`)).json() as { tags: string[]; priority: string; teamId: string | null; assigneeId: string | null; status: string };

describe('a formal notice by e-mail', () => {
  let caseId = '';

  it('flags the case, routes it to the disputes team at urgent priority and tells the team’s lead', async () => {
    await deliver({ from: 'Sam Lee <sam.lee@example.ca>', subject: 'Pièce défectueuse', text: 'Bonjour, la pièce de 400 $ reçue hier ne fonctionne pas.' });
    await h.worker.drain();
    const [found] = (await admin.get(`/api/v1/cases?q=${encodeURIComponent('sam.lee@example.ca')}`)).json().items as { id: string }[];
    caseId = found!.id;
    expect(await flagsOf(caseId)).toEqual([]);
    expect((await admin.patch(`/api/v1/cases/${caseId}`, { teamId: savTeam, assigneeId: agent.userId })).statusCode).toBe(200);
    const [ack] = out.mailsTo('sam.lee@example.ca');

    clock.advance(60_000);
    await deliver({
      from: 'sam.lee@example.ca',
      subject: 'Re: Pièce défectueuse',
      text: 'Bonjour,\n\nJe vous mets en demeure de reprendre la pièce et de me rembourser sous 10 jours. À défaut, je demanderai une rétrofacturation à ma banque.\n\nSam Lee',
      inReplyTo: ack!.mail.messageId!,
    });
    await h.worker.drain();

    const c = await caseOf(caseId);
    expect(c).toMatchObject({ priority: 'urgent', teamId: disputesTeam, assigneeId: null, status: 'new' });
    expect(c.tags).toContain('dispute');
    const [flag] = await flagsOf(caseId);
    const notice = (await eventsOf(caseId)).filter((e) => e.type === 'message_in')[1]!;
    expect(flag).toMatchObject({
      visibility: 'internal',
      actor: { type: 'system' },
      data: {
        kinds: ['formal_notice', 'chargeback'],
        first: true,
        messageEventId: notice.id,
        routedTo: { teamId: disputesTeam, teamName: 'Litiges' },
        priority: { from: 'normal', to: 'urgent' },
        signals: [
          { kind: 'formal_notice', term: 'mets en demeure', quote: 'Je vous mets en demeure de reprendre la pièce et de me rembourser sous 10 jours.' },
          { kind: 'chargeback', term: 'retrofacturation', quote: 'À défaut, je demanderai une rétrofacturation à ma banque.' },
        ],
      },
    });
    const types = (await eventsOf(caseId)).map((e) => e.type);
    expect(types.filter((t) => t === 'priority_changed' || t === 'assignment_changed' || t === 'tags_changed')).toEqual(['assignment_changed', 'tags_changed', 'priority_changed', 'assignment_changed']);

    const told = (await bell(lead)).items.filter((n) => n.case.id === caseId);
    expect(told).toEqual([expect.objectContaining({ kind: 'dispute', eventId: flag!.id })]);
    expect(told[0]!.excerpt).toContain('Je vous mets en demeure');
    expect((await bell(manager)).items.filter((n) => n.case.id === caseId)).toEqual([]);

    const alerts = (await lead.get(`/api/v1/cases/${caseId}/alerts`)).json();
    expect(alerts.dispute).toMatchObject({ kinds: ['formal_notice', 'chargeback'], routedTo: { teamName: 'Litiges' } });
  });

  it('flags it once: the same notice again changes nothing, a lawyer later adds only what is new', async () => {
    // The specialist takes the case and sets its priority on purpose.
    expect((await lead.patch(`/api/v1/cases/${caseId}`, { priority: 'high', assigneeId: lead.userId })).statusCode).toBe(200);
    await recordCustomerMessage(h.ctx, caseId, { body: 'Je réitère ma mise en demeure.', channel: 'email' });
    await h.worker.drain();
    expect(await flagsOf(caseId)).toHaveLength(1);

    await recordCustomerMessage(h.ctx, caseId, { body: 'Mon avocat est informé de la situation.', channel: 'email' });
    await h.worker.drain();
    const flags = await flagsOf(caseId);
    expect(flags).toHaveLength(2);
    expect(flags[1]!.data).toMatchObject({ kinds: ['lawyer'], first: false });
    expect(await caseOf(caseId)).toMatchObject({ priority: 'high', teamId: disputesTeam, assigneeId: lead.userId });
    expect((await bell(lead)).items.filter((n) => n.case.id === caseId)).toHaveLength(1);

    // The job run again (a retry) finds it done.
    const last = (await eventsOf(caseId)).filter((e) => e.type === 'message_in').at(-1)!;
    expect(await flagDispute(h.ctx, caseId, last.id)).toBe('already_flagged');
    expect(await flagsOf(caseId)).toHaveLength(2);
  });

  it('flags a case whose very first message is a chargeback notice, on any channel', async () => {
    const res = await admin.post('/api/v1/cases', {
      brandId,
      channel: 'webform',
      subject: 'Commande jamais livrée',
      message: 'I have disputed the charge with my bank: no parcel after 40 days.',
      customer: { email: 'jo@example.com', language: 'en' },
    });
    expect(res.statusCode).toBe(201);
    await h.worker.drain();
    const c = await caseOf(res.json().id);
    expect(c).toMatchObject({ priority: 'urgent', teamId: disputesTeam });
    expect((await flagsOf(res.json().id))[0]!.data.kinds).toEqual(['chargeback']);
  });

  it('leaves an ordinary message alone', async () => {
    const res = await admin.post('/api/v1/cases', { brandId, channel: 'phone', subject: 'Question', message: 'Le délai est un peu court, pouvez-vous livrer samedi ?', customer: { phone: '+33612345678' } });
    await h.worker.drain();
    expect(await flagsOf(res.json().id)).toEqual([]);
    expect(await caseOf(res.json().id)).toMatchObject({ priority: 'normal', tags: [] });
  });
});

describe('customer effort', () => {
  it('warns the agent and the manager at 6 exchanges, once, then again at 12', async () => {
    const res = await admin.post('/api/v1/cases', {
      brandId,
      channel: 'email',
      subject: 'Pièce défectueuse',
      message: 'La pièce ne marche pas.',
      teamId: savTeam,
      assigneeId: agent.userId,
      customer: { email: 'effort@example.fr' },
    });
    const id = res.json().id as string;
    const reply = (body: string) => agent.post(`/api/v1/cases/${id}/messages`, { kind: 'reply', body });
    const write = (body: string) => recordCustomerMessage(h.ctx, id, { body, channel: 'email' });
    const warnings = async () => (await eventsOf(id)).filter((e) => e.type === 'effort_warning');

    await reply('Pouvez-vous envoyer une photo ?'); // 2
    await write('Voici la photo.'); // 3
    await write('Et une deuxième.'); // still 3: the same turn
    await reply('Une autre photo sous un autre angle ?'); // 4
    await write('La voici.'); // 5
    await h.worker.drain();
    expect(await warnings()).toEqual([]);
    expect((await agent.get(`/api/v1/cases/${id}/alerts`)).json().effort).toEqual({ exchanges: 5, threshold: 6, level: 0, warnedAt: null });

    await reply('Pouvez-vous nous renvoyer la facture ?'); // 6
    await h.worker.drain();
    const [warning] = await warnings();
    expect(warning).toMatchObject({ visibility: 'internal', actor: { type: 'system' }, data: { exchanges: 6, threshold: 6, level: 1, told: [manager.userId] } });
    expect((await agent.get(`/api/v1/cases/${id}/alerts`)).json().effort).toEqual({ exchanges: 6, threshold: 6, level: 1, warnedAt: expect.any(String) });
    expect((await bell(manager)).items.filter((n) => n.case.id === id)).toEqual([expect.objectContaining({ kind: 'effort', eventId: warning!.id })]);

    await write('La voici.'); // 7
    await h.worker.drain();
    expect(await checkEffort(h.ctx, id)).toEqual({ warned: false });
    expect(await warnings()).toHaveLength(1);
    expect((await bell(manager)).items.filter((n) => n.case.id === id)).toHaveLength(1);

    for (let n = 8; n <= 12; n++) {
      if (n % 2 === 0) await reply(`Réponse ${n}`);
      else await write(`Message ${n}`);
    }
    await h.worker.drain();
    expect((await warnings()).map((w) => w.data.level)).toEqual([1, 2]);
    expect((await bell(manager)).items.filter((n) => n.case.id === id)).toHaveLength(2);
  });

  it('does not count internal notes or our automatic messages', async () => {
    const res = await admin.post('/api/v1/cases', { brandId, channel: 'email', subject: 'Notes', message: 'Bonjour.', customer: { email: 'notes@example.fr' } });
    const id = res.json().id as string;
    for (let n = 0; n < 8; n++) await agent.post(`/api/v1/cases/${id}/messages`, { kind: 'note', body: `Note ${n}` });
    await h.worker.drain();
    // The acknowledgment is a message too, but not an agent's.
    expect((await agent.get(`/api/v1/cases/${id}/alerts`)).json().effort).toMatchObject({ exchanges: 1, level: 0 });
  });
});

describe('the refusal check of a draft', () => {
  it('says whether the draft refuses the customer', async () => {
    const res = await admin.post('/api/v1/cases', { brandId, channel: 'email', subject: 'Pièce', message: 'Elle ne marche pas.', customer: { email: 'refus@example.fr' } });
    const id = res.json().id as string;
    const check = (text: string) => agent.post(`/api/v1/cases/${id}/refusal-check`, { text });
    const refused = await check('Bonjour, nous ne sommes pas responsables des composantes défectueuses.');
    expect(refused.statusCode).toBe(200);
    // No purchase linked: nothing to set the refusal against.
    expect(refused.json()).toEqual({ refuses: true, phrases: ['ne sommes pas responsables'], warning: null });
    expect((await check('Nous vous remboursons sous 14 jours.')).json()).toEqual({ refuses: false, phrases: [], warning: null });
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${id}/refusal-check`, { text: 'hors garantie' })).statusCode).toBe(403);
  });

  it('warns that the rulebook grants a remedy when the case is linked to a purchase still under the legal guarantee', async () => {
    // Seed 004: a part bought online, defective; the draft says "not responsible".
    const source = await createSource(h.ctx, systemActor('test'), { kind: 'shopify', name: 'pieces', brandId, storeId: null, salesChannel: 'online', settings: { shopDomain: 'pieces.myshopify.com' }, secrets: { webhookSecret: 's' } });
    const [ingested] = await ingestOrders(h.ctx, await loadSource(h.ctx, source.id), [
      {
        externalId: '4004',
        number: '#4004',
        purchasedAt: new Date('2026-01-20T10:00:00Z'),
        deliveredAt: new Date('2026-01-24T10:00:00Z'),
        currency: 'EUR',
        totalAmount: 40000,
        paymentMethod: 'card',
        financialStatus: 'paid',
        fulfillmentStatus: 'fulfilled',
        sourceUpdatedAt: new Date('2026-01-24T10:00:00Z'),
        customer: { email: 'piece@example.fr', firstName: 'Paul', lastName: 'Pièce' },
        lines: [{ externalId: '4004-1', sku: 'PCB-400', name: 'Carte électronique', quantity: 1, unitPriceAmount: 40000, totalAmount: 40000 }],
      },
    ]);
    const res = await admin.post('/api/v1/cases', { brandId, channel: 'email', subject: 'Pièce défectueuse', message: 'La carte reçue est défectueuse.', customer: { email: 'piece@example.fr' } });
    const id = res.json().id as string;
    const lines = (await agent.get(`/api/v1/customers/${res.json().customer.id}/orders`)).json().items[0].lines as { id: string }[];
    expect(ingested).toBeDefined();
    expect((await agent.post(`/api/v1/cases/${id}/order-lines`, { orderLineId: lines[0]!.id })).statusCode).toBe(201);
    const checked = (await agent.post(`/api/v1/cases/${id}/refusal-check`, { text: 'Nous ne sommes pas responsables des pièces défectueuses.' })).json();
    expect(checked).toMatchObject({ refuses: true, warning: { requiresApproval: true, legalGuaranteeUntil: '2028-01-24', remedies: expect.arrayContaining(['repair', 'replace']) } });
    expect(checked.warning.text.fr).toContain('24 janvier 2028');
  });
});

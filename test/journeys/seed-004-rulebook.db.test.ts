// Seed 004, served right this time, end to end through the real paths: a Québec customer buys a
// 400 $ electronic part on the shop's Shopify store (the signed webhook, against the local fake
// Shopify) → it arrives defective and they write by e-mail (real SMTP) → the agent links the
// purchase and drafts "we are not responsible for defective parts": the console warns that the
// rulebook grants a remedy → the agent asks for photos again and again: the effort warning
// fires → the customer sends a formal notice naming the consumer-protection office, then a
// chargeback notice: the case is flagged and escalated to the disputes team → the refund of
// 400 $ is above the agent's latitude: a manager approves it in one click → Shopify refunds the
// order and the customer is told → the case is solved and closes with a survey the customer answers.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInjection, startFakeShopify, type FakeShopify } from '../fakes/shopify.ts';
import { buildBrand, buildStore, buildTeam } from '../support/factories.ts';
import type { Client, Harness } from '../support/harness.ts';
import { PUBLIC_URL, startOutboundHarness, type EventItem, type OutboundHarness } from '../support/outbound.ts';
import { startSmtpInbound, type RunningSmtpServer } from '../../src/channels/email/smtp-inbound.ts';
import { ManualClock } from '../../src/platform/clock.ts';

// Friday 8 May 2026, 10:00 in Montréal: the parcel was delivered yesterday.
const clock = new ManualClock('2026-05-08T14:00:00Z');
const HOUR = 3_600_000;
const SAV = 'sav@composantes-pacifique.example';
const CUSTOMER = 'mathieu.gagnon@example.ca';
let out: OutboundHarness;
let h: Harness;
let shop: FakeShopify;
let smtp: RunningSmtpServer;
let admin: Client;
let agent: Client;
let manager: Client;
let disputesLead: Client;
let disputesTeamId: string;
let caseId = '';
let caseNumber = '';
let lastMessageId = '';
let trackingToken = '';

beforeAll(async () => {
  out = await startOutboundHarness(clock, { COMPTOIR_SESSION_TTL_HOURS: '2160' });
  h = out.h;
  shop = await startFakeShopify({ shopDomain: 'composantes-pacifique.myshopify.com' });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Julie Tremblay' });
  manager = await h.userClient('manager', { name: 'Marc-André Roy' });
  disputesLead = await h.userClient('manager', { name: 'Sophie Litiges' });
  const brandId = (await buildBrand(h.ctx, { slug: 'composantes-pacifique', name: 'Composantes Pacifique' })).id;
  const eshop = await buildStore(h.ctx, brandId, { code: 'WEB', name: 'Boutique en ligne', kind: 'eshop', country: 'CA', region: 'QC', timezone: 'America/Toronto' });
  const sav = await buildTeam(h.ctx, { slug: 'sav-web', name: 'SAV web', memberIds: [agent.userId], leadUserId: manager.userId });
  disputesTeamId = (await buildTeam(h.ctx, { slug: 'disputes', name: 'Litiges', memberIds: [disputesLead.userId], leadUserId: disputesLead.userId })).id;
  const mailbox = await admin.post('/api/v1/channel-accounts', { channel: 'email', name: 'SAV', address: SAV, brandId, teamId: sav.id });
  expect(mailbox.statusCode, mailbox.body).toBe(201);
  smtp = (await startSmtpInbound(h.services, { port: 0, host: '127.0.0.1' }))!;

  const source = await admin.post('/api/v1/order-sources', {
    kind: 'shopify',
    name: 'Boutique Shopify',
    brandId,
    storeId: eshop.id,
    salesChannel: 'online',
    settings: { shopDomain: shop.shopDomain, apiVersion: shop.apiVersion, apiBaseUrl: shop.url, timeZone: 'America/Toronto' },
    secrets: { webhookSecret: shop.clientSecret, accessToken: shop.accessToken },
  });
  expect(source.statusCode, source.body).toBe(201);
  // The purchase, as Shopify tells it: bought Monday, delivered Thursday.
  const order = {
    id: '5678901234567890401',
    orderNumber: 4401,
    email: CUSTOMER,
    customer: { id: '7234567890123450401', email: CUSTOMER, firstName: 'Mathieu', lastName: 'Gagnon' },
    createdAt: '2026-05-04T11:20:00-04:00',
    updatedAt: '2026-05-07T16:05:00-04:00',
    currency: 'CAD',
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    gateway: 'shopify_payments',
    locale: 'fr-CA',
    lines: [{ id: '9234567890123450401', title: 'Carte contrôleur moteur BLDC 48 V', sku: 'CTRL-BLDC-48', quantity: 1, price: '400.00', vendor: 'Pacifique' }],
    fulfillments: [{ createdAt: '2026-05-05T09:00:00-04:00', updatedAt: '2026-05-07T16:05:00-04:00', shipmentStatus: 'delivered', lineIds: ['9234567890123450401'] }],
  };
  shop.orders.push(order);
  const received = await h.app.inject(asInjection(shop.webhook(source.json().webhookUrl, 'orders/fulfilled', shop.orderBody(order))));
  expect(received.statusCode, received.body).toBe(200);
  await h.worker.drain();
  // A Canadian shop: its authority limits count in Canadian dollars (the built-in ones are in euros).
  const limits = (await admin.get('/api/v1/gestures/limits')).json();
  const saved = await admin.request({ method: 'PUT', url: '/api/v1/gestures/limits', payload: { document: { ...limits.document, currency: 'CAD' }, comment: 'Limites en dollars canadiens', basedOnVersion: limits.version } });
  expect(saved.statusCode, saved.body).toBe(201);
});
afterAll(async () => {
  await smtp?.stop();
  expect(shop?.unexpected ?? []).toEqual([]);
  await shop?.close();
  await out?.close();
});

/** The customer writes to the SAV mailbox, as their mail server would. */
async function customerWrites(subject: string, text: string): Promise<void> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  try {
    await t.sendMail({ from: `Mathieu Gagnon <${CUSTOMER}>`, to: SAV, subject, text, ...(lastMessageId ? { inReplyTo: lastMessageId, references: [lastMessageId] } : {}) });
  } finally {
    t.close();
  }
  await h.worker.drain();
}

const eventsOf = async (): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events?limit=200`)).json().items;
const caseNow = async () => (await admin.get(`/api/v1/cases/${caseId}`)).json();
const bell = async (who: Client) => ((await who.get('/api/v1/me/notifications')).json().items as { kind: string; case: { id: string } }[]).filter((n) => n.case.id === caseId);
/** The agent answers; the customer's next mail answers that one. */
async function agentReplies(body: string): Promise<void> {
  const res = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body });
  expect(res.statusCode, res.body).toBe(201);
  await h.worker.drain();
  const mail = out.mailsTo(CUSTOMER).at(-1)!;
  lastMessageId = String(mail.mail.messageId);
}

describe('seed 004: a defective 400 $ part bought online, in Québec', () => {
  it('the customer’s e-mail opens a case, acknowledged with its promise, and the purchase is there to link', async () => {
    await customerWrites('Pièce défectueuse', 'Bonjour,\nla carte contrôleur reçue hier (commande #4401) est défectueuse : elle ne s’allume pas.\nMathieu Gagnon');
    const [found] = (await admin.get(`/api/v1/cases?q=${encodeURIComponent(CUSTOMER)}`)).json().items as { id: string; number: string }[];
    expect(found).toBeDefined();
    ({ id: caseId, number: caseNumber } = found!);
    const ack = out.mailsTo(CUSTOMER).find((m) => m.mail.subject?.includes(caseNumber));
    expect(ack, 'acknowledgment').toBeDefined();
    lastMessageId = String(ack!.mail.messageId);
    trackingToken = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/t/([\\w-]{43})`).exec(ack!.mail.text!)![1]!;

    const c = await caseNow();
    const orders = (await agent.get(`/api/v1/customers/${c.customer.id}/orders`)).json().items as { number: string; currency: string; lines: { id: string; sku: string }[] }[];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ number: '#4401', currency: 'CAD' });
    const linked = await agent.post(`/api/v1/cases/${caseId}/order-lines`, { orderLineId: orders[0]!.lines[0]!.id });
    expect(linked.statusCode, linked.body).toBe(201);
  });

  it('warns the agent who drafts “we are not responsible for defective parts” that Québec’s law grants a remedy', async () => {
    const checked = await agent.post(`/api/v1/cases/${caseId}/refusal-check`, { text: 'Bonjour, nous ne sommes pas responsables des composantes défectueuses.' });
    expect(checked.statusCode).toBe(200);
    const body = checked.json();
    expect(body).toMatchObject({ refuses: true, phrases: ['ne sommes pas responsables'], warning: { requiresApproval: true, remedies: expect.arrayContaining(['repair', 'replace']) } });
    // Québec's durability warranty: no end date, but a defect within the part's counted life is presumed.
    expect(body.warning.text.fr).toBe('Un défaut apparu avant le 7 mai 2028 est présumé exister dès la vente, et le client a droit à une solution (réparation, remplacement, réduction du prix, résolution de la vente) : un refus doit être approuvé par un responsable.');
    // The same verdict the API gives for the same purchase.
    const api = await agent.post('/api/v1/policies/evaluate', {
      country: 'QC',
      channel: 'online',
      condition: 'new',
      category: null,
      purchasedAt: '2026-05-04',
      deliveredAt: '2026-05-07',
      requestedAt: '2026-05-08',
      request: 'defect',
      customMade: false,
      repairs: [],
      replacements: [],
      price: { amount: 40000, currency: 'CAD' },
    });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({ eligible: true, burdenOfProof: 'seller', presumptionUntil: '2028-05-07', remedies: body.warning.remedies, policyVersion: body.warning.policyVersion });
  });

  it('gives the agent, the store counter and the customer on the tracking page the same verdict, in the same words', async () => {
    const inConsole = (await agent.get(`/api/v1/cases/${caseId}/policy-verdict`)).json();
    expect(inConsole).toMatchObject({ product: 'Carte contrôleur moteur BLDC 48 V', request: { country: 'QC', request: 'defect', purchasedAt: '2026-05-04', deliveredAt: '2026-05-07' }, verdict: { eligible: true } });
    const staff = await h.userClient('store_staff');
    expect((await staff.get(`/api/v1/cases/${caseId}/policy-verdict`)).json().verdict).toEqual(inConsole.verdict);
    const tracked = (await h.app.inject({ method: 'GET', url: `/api/v1/track/${trackingToken}` })).json();
    expect(tracked.rights).toEqual({ request: 'defect', product: 'Carte contrôleur moteur BLDC 48 V', eligible: true, explanation: inConsole.verdict.explanation.fr, policyVersion: inConsole.verdict.policyVersion });
    const page = await h.app.inject({ method: 'GET', url: `/t/${trackingToken}` });
    expect(page.body).toContain('Vos droits pour cet achat');
    expect(page.body).toContain('jusqu’au 7 mai 2028');
  });

  it('warns the agent and the team’s manager when the customer has had to write back and forth too often', async () => {
    await agentReplies('Bonjour, pouvez-vous nous envoyer une photo de la carte ?');
    clock.advance(2 * HOUR);
    await customerWrites('Re: Pièce défectueuse', 'Voici la photo.');
    await agentReplies('Merci. Une autre photo, sous un autre angle, s’il vous plaît ?');
    clock.advance(2 * HOUR);
    await customerWrites('Re: Pièce défectueuse', 'La voici.');
    expect((await eventsOf()).filter((e) => e.type === 'effort_warning')).toEqual([]);
    await agentReplies('Pouvez-vous aussi nous renvoyer la facture ?');
    const warnings = (await eventsOf()).filter((e) => e.type === 'effort_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ visibility: 'internal', data: { exchanges: 6, threshold: 6, level: 1, told: [manager.userId] } });
    expect((await agent.get(`/api/v1/cases/${caseId}/alerts`)).json().effort).toMatchObject({ level: 1 });
    expect(await bell(manager)).toContainEqual(expect.objectContaining({ kind: 'effort' }));
  });

  it('flags the formal notice naming the consumer-protection office, and the chargeback, and escalates the case to the disputes team', async () => {
    clock.advance(24 * HOUR);
    await customerWrites(
      'Mise en demeure',
      'Madame, Monsieur,\nsur les conseils de l’Office de la protection du consommateur, je vous adresse cette mise en demeure : la pièce livrée le 7 mai est défectueuse et vous êtes tenus de la garantie légale. Je vous demande le remboursement de 400 $ sous 10 jours.\nMathieu Gagnon',
    );
    let c = await caseNow();
    expect(c).toMatchObject({ teamId: disputesTeamId, priority: 'urgent' });
    const [flag] = (await eventsOf()).filter((e) => e.type === 'dispute_flagged');
    expect(flag!.data.kinds).toEqual(expect.arrayContaining(['formal_notice', 'consumer_office']));
    expect(await bell(disputesLead)).toContainEqual(expect.objectContaining({ kind: 'dispute' }));

    clock.advance(HOUR);
    await customerWrites('Re: Mise en demeure', 'J’ai aussi demandé à ma banque de contester le paiement (rétrofacturation) auprès de ma carte de crédit.');
    c = await caseNow();
    const alerts = (await agent.get(`/api/v1/cases/${caseId}/alerts`)).json();
    expect(alerts.dispute.kinds).toEqual(expect.arrayContaining(['formal_notice', 'consumer_office', 'chargeback']));
    expect(alerts.dispute.routedTo).toEqual({ teamId: disputesTeamId, teamName: 'Litiges' });
    expect(c.tags).toEqual(expect.arrayContaining([expect.stringMatching(/litige|dispute/i)]));
  });

  let approvalId = '';

  it('sends the 400 $ refund, beyond the agent’s latitude, to the disputes team’s lead with the verdict and the customer’s value', async () => {
    const asked = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'refund', amount: { amount: 40000, currency: 'CAD' }, request: 'defect' });
    expect(asked.statusCode, asked.body).toBe(202);
    const approval = asked.json().approval;
    approvalId = approval.id;
    expect(approval).toMatchObject({ action: 'workflow', status: 'pending', reasons: expect.arrayContaining(['kind_not_allowed']) });
    expect(approval.summary.fr).toMatch(/^Remboursement de 400,00\s\$/);
    expect(approval.policyVerdict).toMatchObject({ eligible: true, presumptionUntil: '2028-05-07' });
    expect(approval.customerValue).toMatchObject({ orderCount: 1 });
    expect(await bell(disputesLead)).toContainEqual(expect.objectContaining({ kind: 'approval_requested' }));
    expect((await agent.get(`/api/v1/cases/${caseId}/workflows`)).json().items).toEqual([]);
  });

  it('refunds the order on Shopify once the lead approves in one click, and tells the customer', async () => {
    const mailsBefore = out.mailsTo(CUSTOMER).length;
    const decided = await disputesLead.post(`/api/v1/approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Garantie légale : on rembourse.' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });
    await h.worker.drain();
    expect(shop.refunds).toEqual([expect.objectContaining({ orderId: '5678901234567890401', amount: 40000, gateway: 'shopify_payments' })]);
    const [refund] = (await agent.get(`/api/v1/cases/${caseId}/workflows`)).json().items;
    expect(refund).toMatchObject({ kind: 'refund', state: 'completed', refund: { method: 'shopify', state: 'refunded', amount: 40000, currency: 'CAD' } });
    expect((await caseNow()).step?.key).toBe('refund');
    // The step news reach the customer, and the tracking page says it.
    const news = out.mailsTo(CUSTOMER).slice(mailsBefore);
    expect(news.length, 'the customer hears of the refund').toBeGreaterThan(0);
    const tracked = (await h.app.inject({ method: 'GET', url: `/api/v1/track/${trackingToken}` })).json();
    expect(tracked.workflow).toMatchObject({ kind: 'refund' });
    await agentReplies('Bonjour,\nvous aviez raison et nous vous présentons nos excuses : nous vous avons remboursé les 400 $ sur votre carte. Vous pouvez annuler la contestation auprès de votre banque.\nJulie');
  });

  it('closes with thanks and a survey that the customer answers in one click', async () => {
    clock.advance(HOUR);
    expect((await agent.patch(`/api/v1/cases/${caseId}`, { status: 'solved' })).statusCode).toBe(200);
    await h.worker.drain();
    const closing = out.mailsTo(CUSTOMER).find((m) => m.mail.subject === `[${caseNumber}] Votre demande est résolue : merci !`);
    expect(closing, out.mailsTo(CUSTOMER).map((m) => m.mail.subject).join(' | ')).toBeDefined();
    const link = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/s/([\\w-]+\\.[\\w-]{43})`).exec(closing!.mail.text!);
    expect(link).not.toBeNull();
    const answered = await h.app.inject({
      method: 'POST',
      url: `/s/${link![1]}?lang=fr`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ csat: '4', nps: '8', comment: 'Réglé vite une fois la bonne personne trouvée.' }).toString(),
    });
    expect(answered.statusCode).toBe(303);
    expect((await eventsOf()).filter((e) => e.type === 'survey_answered')).toHaveLength(1);
    expect((await admin.get(`/api/v1/cases/${caseId}/survey`)).json().items[0].answer).toMatchObject({ csat: 4, nps: 8 });
  });
});

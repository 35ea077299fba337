// The public tracking API: what a customer holding the link sees and may do, and what
// never leaks (internal notes, internal events, staff e-mails and surnames).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBrand, buildStore, buildTeam, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let h: Harness;
let clock: ManualClock;
let agent: Client;
let brandId: string;
let storeId: string;
let teamId: string;

beforeAll(async () => {
  // Tuesday 7 April 2026, 09:00 in Paris.
  clock = new ManualClock('2026-04-07T07:00:00Z');
  h = await startHarness({ clock, env: { COMPTOIR_PUBLIC_READS_PER_MINUTE: '20', COMPTOIR_PUBLIC_WRITES_PER_HOUR: '8', COMPTOIR_SESSION_TTL_HOURS: '240' } });
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  storeId = (await buildStore(h.ctx, brandId, { name: 'Jardin & Maison Grigny', code: 'JM-GRIGNY' })).id;
  agent = await h.userClient('agent', { email: 'camille.martin@jardin-maison.test', name: 'Camille Martin' });
  teamId = (await buildTeam(h.ctx, { slug: 'sav-technique', name: 'SAV technique', memberIds: [agent.userId] })).id;
});
afterAll(() => h?.close());
// Each test starts in a fresh rate-limit window.
beforeEach(() => clock.advance(3_600_000));

const track = (token: string, query = '', remoteAddress?: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1/track/${token}${query}`, ...(remoteAddress ? { remoteAddress } : {}) });

async function gardenaCase(over: Record<string, unknown> = {}) {
  return buildTrackedCase(h.ctx, brandId, {
    customer: { email: 'marc.petit@exemple.fr', firstName: 'Marc', lastName: 'Petit' },
    subject: 'Programmateur qui inonde le jardin',
    message: 'Mon programmateur Gardena a inondé le jardin pour la deuxième fois.',
    product: 'Programmateur Gardena Flex',
    orderRef: 'CMD-2026-4412',
    reason: 'breakdown',
    channel: 'webform',
    teamId,
    ...over,
  });
}

describe('the tracking view', () => {
  it('shows the case in plain words, its steps, who holds it, the next promise and the public messages', async () => {
    const { case: c, trackingToken } = await gardenaCase();
    expect((await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour Marc, pouvez-vous nous envoyer une photo de l’étiquette ?' })).statusCode).toBe(201);
    expect((await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'NOTE INTERNE : client déjà dédommagé en 2025' })).statusCode).toBe(201);
    clock.advance(3_600_000);
    expect((await agent.patch(`/api/v1/cases/${c.id}`, { step: 'diagnosis', tags: ['vip-interne'] })).statusCode).toBe(200);

    const res = await track(trackingToken);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      brand: 'Jardin & Maison',
      number: c.number,
      subject: 'Programmateur qui inonde le jardin',
      product: 'Programmateur Gardena Flex',
      orderRef: 'CMD-2026-4412',
      language: 'fr',
      status: { key: 'open', label: 'En cours de traitement' },
      holder: { kind: 'team', label: 'notre SAV technique' },
      canReply: true,
      notifications: { channel: 'email', chosen: false, options: [{ channel: 'email', label: 'par e-mail', destination: 'm•••@exemple.fr' }] },
    });
    expect(view.steps.map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual([
      'intake:done',
      'diagnosis:current',
      'quote_pending:upcoming',
      'closed:upcoming',
    ]);
    expect(view.steps[0].at).toBe(c.createdAt);
    expect(view.steps[1].label).toBe('Diagnostic');
    expect(Date.parse(view.steps[1].at)).toBe(Date.parse(c.createdAt) + 3_600_000);
    expect(view.steps[3]).toMatchObject({ label: 'Clôturé', at: null });
    expect(view.nextDeadline).toMatchObject({ metric: 'resolution', label: 'Résolution' });
    expect(view.nextDeadline.promise).toMatch(/^au plus tard le \w+ \d+(er)? \w+ 2026 à \d\d:\d\d$/);
    expect(view.messages.map((m: { from: string; author: string | null }) => `${m.from}:${m.author}`)).toEqual(['customer:null', 'agent:null', 'agent:Camille']);
    // The acknowledgment (written by Comptoir, no agent), then the agent's answer.
    expect(view.messages[1].body).toContain(c.number);
    expect(view.messages[2].body).toContain('une photo de l’étiquette');

    // Nothing internal, nobody's e-mail, no surname: checked on the raw answer.
    for (const secret of ['NOTE INTERNE', 'dédommagé', 'vip-interne', 'camille.martin@', 'Martin', 'marc.petit@exemple.fr', agent.userId, teamId, c.id]) {
      expect(res.body, secret).not.toContain(secret);
    }
  });

  it('speaks English when asked, and the case’s language by default', async () => {
    const { trackingToken } = await gardenaCase({ customer: { email: 'sam.lee@example.com', firstName: 'Sam', lastName: 'Lee', language: 'en' } });
    const english = (await track(trackingToken)).json();
    expect(english).toMatchObject({ language: 'en', status: { label: 'Request received' }, holder: { label: 'our technical after-sales team' } });
    expect(english.nextDeadline.promise).toMatch(/^by \w+ \d+ \w+ 2026 at \d\d:\d\d$/);
    expect((await track(trackingToken, '?lang=fr')).json().status.label).toBe('Demande reçue');
    expect((await track(trackingToken, '?lang=de')).statusCode).toBe(400);
  });

  it('says who holds the case: the store, the carrier, the supplier, the customer', async () => {
    const { case: c, trackingToken } = await gardenaCase({ storeId });
    const holderNow = async () => (await track(trackingToken)).json().holder.label;
    await agent.patch(`/api/v1/cases/${c.id}`, { holder: 'store' });
    expect(await holderNow()).toBe('le magasin Jardin & Maison Grigny');
    await agent.patch(`/api/v1/cases/${c.id}`, { holder: 'carrier' });
    expect(await holderNow()).toBe('le transporteur');
    // The step's usual holder when the case does not say otherwise.
    await agent.patch(`/api/v1/cases/${c.id}`, { holder: null, step: 'awaiting_part' });
    expect(await holderNow()).toBe('le fournisseur');
    await agent.patch(`/api/v1/cases/${c.id}`, { step: 'quote_pending' });
    expect(await holderNow()).toBe('vous');
  });

  it('shows a closed case as finished, without a reply form', async () => {
    const { case: c, trackingToken } = await gardenaCase();
    await agent.patch(`/api/v1/cases/${c.id}`, { status: 'closed' });
    const view = (await track(trackingToken)).json();
    expect(view).toMatchObject({ status: { key: 'closed', label: 'Clôturé' }, canReply: false, nextDeadline: null });
    expect(view.steps.map((s: { key: string; state: string }) => `${s.key}:${s.state}`)).toEqual(['intake:done', 'closed:done']);
    const write = await h.app.inject({ method: 'POST', url: `/api/v1/track/${trackingToken}/messages`, payload: { body: 'Encore moi' } });
    expect(write.statusCode).toBe(409);
  });
});

describe('tracking links', () => {
  it('an unknown or malformed link is a plain 404 that says nothing more', async () => {
    const unknown = await track('A'.repeat(43));
    const malformed = await track('not-a-token');
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(malformed.json().detail);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('replacing the link makes the old one a 404, and the audit log says who did it', async () => {
    const { case: c, trackingToken } = await gardenaCase();
    const replaced = await agent.post(`/api/v1/cases/${c.id}/tracking-link`);
    expect(replaced.statusCode).toBe(201);
    const url: string = replaced.json().url;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/t\/[A-Za-z0-9_-]{43}$/);
    const fresh = url.split('/t/')[1]!;
    expect(fresh).not.toBe(trackingToken);

    const old = await track(trackingToken);
    expect(old.statusCode).toBe(404);
    expect(old.json().detail).toBe((await track('A'.repeat(43))).json().detail);
    expect((await track(fresh)).json().number).toBe(c.number);

    const admin = await h.userClient('admin');
    const audit = (await admin.get(`/api/v1/audit?action=case.tracking_link_replaced&targetId=${c.id}`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: agent.userId, targetType: 'case' });
  });

  it('only agents with full access to the case may replace its link', async () => {
    const { case: c } = await gardenaCase({ storeId });
    const otherStore = (await buildStore(h.ctx, brandId, { name: 'Jardin & Maison Lyon' })).id;
    const elsewhere = await h.userClient('store_staff', { storeIds: [otherStore] });
    expect((await elsewhere.post(`/api/v1/cases/${c.id}/tracking-link`)).statusCode).toBe(403);
    const otherBrand = (await buildBrand(h.ctx)).id;
    const stranger = await h.userClient('agent', { brandIds: [otherBrand] });
    expect((await stranger.post(`/api/v1/cases/${c.id}/tracking-link`)).statusCode).toBe(404);
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${c.id}/tracking-link`)).statusCode).toBe(403);
  });
});

describe('the customer writes', () => {
  it('a message joins the case, reopens it and resumes its clocks', async () => {
    const { case: c, trackingToken } = await gardenaCase();
    await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Pouvez-vous nous dire la référence ?', status: 'waiting_customer' });
    expect((await track(trackingToken)).json().status.key).toBe('waiting_customer');

    const res = await h.app.inject({ method: 'POST', url: `/api/v1/track/${trackingToken}/messages`, payload: { body: '  La référence est 1890-20.  ' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toMatchObject({ from: 'customer', author: null, body: 'La référence est 1890-20.', attachments: [] });

    const seen = (await agent.get(`/api/v1/cases/${c.id}`)).json();
    expect(seen.status).toBe('open');
    expect(seen.clocks.find((k: { metric: string }) => k.metric === 'next_reply')?.state).toBe('active');
    const events = (await agent.get(`/api/v1/cases/${c.id}/events`)).json().items;
    expect(events.find((e: { body: string | null }) => e.body === 'La référence est 1890-20.')).toMatchObject({ type: 'message_in', channel: 'webform', actor: { type: 'customer' }, data: { via: 'tracking_page' } });
    expect((await track(trackingToken)).json().messages.at(-1).body).toBe('La référence est 1890-20.');
  });

  it('refuses an empty message, unknown fields and unknown links', async () => {
    const { trackingToken } = await gardenaCase();
    const post = (payload: object, token = trackingToken) => h.app.inject({ method: 'POST', url: `/api/v1/track/${token}/messages`, payload });
    const empty = await post({ body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toEqual([{ field: 'body', message: 'write a message or add a photo' }]);
    expect((await post({ body: 'x', status: 'closed' })).statusCode).toBe(422);
    expect((await post({ body: 'x'.repeat(20_001) })).statusCode).toBe(422);
    expect((await post({ body: 'bonjour' }, 'B'.repeat(43))).statusCode).toBe(404);
  });
});

describe('where news go', () => {
  it('only to a channel the customer can be reached on', async () => {
    const { case: c, trackingToken } = await gardenaCase({ customer: { email: 'nadia.benali@exemple.fr', firstName: 'Nadia', lastName: 'Benali' } });
    const choose = (notifyVia: string) => h.app.inject({ method: 'PATCH', url: `/api/v1/track/${trackingToken}`, payload: { notifyVia } });

    const noPhone = await choose('sms');
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json().errors[0].field).toBe('notifyVia');

    expect((await agent.post(`/api/v1/customers/${c.customer.id}/identities`, { kind: 'phone', value: '06 12 34 56 78' })).statusCode).toBe(200);
    const ok = await choose('sms');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().notifications).toMatchObject({ channel: 'sms', chosen: true });
    expect(ok.json().notifications.options).toContainEqual({ channel: 'sms', label: 'par SMS', destination: '•• •• •• 56 78' });
    expect((await agent.get(`/api/v1/cases/${c.id}`)).json().notifyVia).toBe('sms');
    expect((await choose('pigeon')).statusCode).toBe(422);
  });
});

describe('rate limits', () => {
  it('limits reads per IP and per link, with Retry-After', async () => {
    const { trackingToken } = await gardenaCase();
    for (let i = 0; i < 20; i++) expect((await track(trackingToken, '', '203.0.113.7')).statusCode).toBe(200);
    const refused = await track(trackingToken, '', '203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The link has had its share too, whoever asks.
    expect((await track(trackingToken, '', '198.51.100.4')).statusCode).toBe(429);
    // Another link from another address is fine.
    const other = await gardenaCase();
    expect((await track(other.trackingToken, '', '198.51.100.4')).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await track(trackingToken, '', '203.0.113.7')).statusCode).toBe(200);
  });

  it('limits messages per link', async () => {
    const { trackingToken } = await gardenaCase();
    const post = (i: number) => h.app.inject({ method: 'POST', url: `/api/v1/track/${trackingToken}/messages`, payload: { body: `message ${i}` }, remoteAddress: `192.0.2.${i}` });
    for (let i = 1; i <= 8; i++) expect((await post(i)).statusCode).toBe(201);
    const refused = await post(9);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

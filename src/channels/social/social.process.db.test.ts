// The shared social pipeline, driven with the events a connector hands it: a public complaint
// opens a triaged case with no automatic (public) answer; the private messages that follow
// join it and teach the customer's contact details; an answer to our reply threads by the
// network id; our own messages are dropped; a WhatsApp number finds the customer who has that
// phone; statuses move the delivery they report on.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildCase, buildTeam } from '../../../test/support/factories.ts';
import type { AccountRow, StoredInbound } from '../connector.ts';
import { processSocialEvent } from './social.process.ts';
import type { SocialMessage } from './social.types.ts';

let h: Harness;
let agent: Client;
let brandId: string;
let account: AccountRow;

beforeAll(async () => {
  h = await startHarness();
  agent = await h.userClient('agent');
  brandId = (await buildBrand(h.ctx)).id;
  const team = await buildTeam(h.ctx, { memberIds: [agent.userId] });
  const id = uuidv7();
  // Written directly: the pipeline is tested without any one network's connector.
  await h.ctx.db.execute(sql`INSERT INTO channel_account (id, channel, name, address, brand_id, team_id, settings, state, created_at, updated_at)
    VALUES (${id}, 'x', 'X Maison', '@maison', ${brandId}, ${team.id}, '{}'::jsonb, 'active', now(), now())`);
  account = (await h.ctx.accounts.account(h.ctx.db, id))!;
});
afterAll(() => h?.close());

let seq = 0;
function message(over: Partial<Omit<SocialMessage, 'author'>> & { author?: Partial<SocialMessage['author']> }): SocialMessage {
  seq += 1;
  const { author, ...rest } = over;
  return {
    kind: 'message',
    channel: 'x',
    providerId: `1800000000000000${String(seq).padStart(3, '0')}`,
    audience: 'public',
    own: false,
    text: 'Bonjour',
    media: [],
    refs: [],
    url: null,
    sentAt: new Date(),
    data: {},
    ...rest,
    author: { identity: { kind: 'x', value: '424242' }, handle: 'claire_b', displayName: 'Claire B.', followers: 120, verified: false, ...author },
  };
}

/** Stores a row as a webhook would, then runs the pipeline in a transaction as the inbound job does. */
async function process(m: SocialMessage | null, on: AccountRow = account) {
  const raw = Buffer.from(JSON.stringify(m ?? {}));
  const id = uuidv7();
  await h.ctx.db.execute(sql`INSERT INTO inbound_message (id, account_id, channel, provider_id, received_at, raw, size, summary, state)
    VALUES (${id}, ${on.id}, ${on.channel}, ${m?.providerId ?? id}, now(), ${raw}, ${raw.length}, '{}'::jsonb, 'received')`);
  const row: StoredInbound = { id, raw, receivedAt: new Date(), account: on };
  const outcome = await inTransaction(h.ctx, (tx) => processSocialEvent(tx, row, m));
  await h.worker.drain();
  return outcome;
}

const socialRow = async (eventId: string) =>
  (await queryRows<{ audience: string; urgency: number; signals: string[]; author_handle: string; followers: number }>(
    h.ctx.db,
    sql`SELECT audience, urgency, signals, author_handle, followers FROM social_message WHERE event_id = ${eventId}`,
  ))[0];

describe('a public complaint and what follows it', () => {
  let caseId: string;
  let complaintId: string;

  it('opens a case, triaged urgent, with no automatic public answer', async () => {
    const m = message({ text: 'Lave-linge livré cassé, 3 semaines sans réponse. #fail ARNAQUE', media: [{ kind: 'video', url: 'https://video.example/1.mp4', contentType: 'video/mp4' }], author: { followers: 48_000 } });
    complaintId = m.providerId;
    const outcome = await process(m);
    expect(outcome).toMatchObject({ state: 'processed', detail: 'a new case' });
    caseId = outcome.caseId!;
    const c = (await agent.get(`/api/v1/cases/${caseId}`)).json();
    expect(c).toMatchObject({ channel: 'x', priority: 'urgent', subject: '@claire_b : Lave-linge livré cassé, 3 semaines sans réponse. #fail ARNAQUE' });
    const row = await socialRow(outcome.state === 'processed' ? outcome.eventId! : '');
    expect(row).toMatchObject({ audience: 'public', author_handle: 'claire_b', followers: 48_000 });
    expect(row!.urgency).toBeGreaterThanOrEqual(70);
    expect(row!.signals).toEqual(expect.arrayContaining(['media_video', 'audience_large']));
    // The acknowledgment is recorded as not sent, saying why: nothing is posted automatically.
    const events = (await agent.get(`/api/v1/cases/${caseId}/events`)).json().items as { type: string; delivery: { status: string; detail: string } | null }[];
    expect(events.filter((e) => e.type === 'message_out').map((e) => e.delivery)).toEqual([
      expect.objectContaining({ status: 'suppressed', detail: expect.stringContaining('public message') }),
    ]);
    // The customer is known by the network's id and found by the handle.
    const found = (await agent.get('/api/v1/customers?q=claire_b')).json().items as { id: string; identities: { kind: string; value: string; displayValue: string }[] }[];
    expect(found).toHaveLength(1);
    expect(found[0]!.identities).toEqual([expect.objectContaining({ kind: 'x', value: '424242', displayValue: '@claire_b' })]);
  });

  it('joins the private messages that follow to the same case, and learns the contact details given there', async () => {
    const dm = message({ audience: 'private', text: 'Voici mes coordonnées : claire.b@exemple.fr, 06 12 34 56 78' });
    const outcome = await process(dm);
    expect(outcome).toMatchObject({ state: 'processed', caseId, detail: expect.stringContaining('joined its case (by the customer’s open case)') });
    expect(outcome.state === 'processed' && outcome.detail).toContain('claire.b@exemple.fr, +33612345678');
    const c = (await agent.get(`/api/v1/cases/${caseId}`)).json();
    const customer = (await agent.get(`/api/v1/customers/${c.customer.id}`)).json();
    expect(customer.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort()).toEqual(['email:claire.b@exemple.fr', 'phone:+33612345678', 'x:424242']);
  });

  it('threads an answer to the customer’s own post by its network id, and never learns from public posts', async () => {
    const reply = message({ text: 'Toujours rien. Mon mail : autre@exemple.fr', refs: [complaintId] });
    const outcome = await process(reply);
    expect(outcome).toMatchObject({ state: 'processed', caseId, detail: 'joined its case (by the thread it answers)' });
    const c = (await agent.get(`/api/v1/cases/${caseId}`)).json();
    const customer = (await agent.get(`/api/v1/customers/${c.customer.id}`)).json();
    expect(customer.identities.some((i: { value: string }) => i.value === 'autre@exemple.fr')).toBe(false);
  });

  it('drops our own messages coming back, and what is not a message', async () => {
    expect(await process(message({ own: true, text: 'Bonjour Claire, nous regardons.' }))).toMatchObject({ state: 'ignored', detail: expect.stringContaining('our own') });
    expect(await process(null)).toMatchObject({ state: 'ignored' });
  });

  it('lets the agent answer in public only without personal data, unless they say so', async () => {
    const refused = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body: 'Écrivez-nous à claire.b@exemple.fr', audience: 'public' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ type: '/problems/personal-data-in-public', findings: [expect.objectContaining({ kind: 'email', text: 'claire.b@exemple.fr' })] });
    const channels = (await agent.get(`/api/v1/cases/${caseId}/reply-channels`)).json().items;
    // She wrote privately too: private is the default now, public still possible.
    expect(channels[0]).toEqual({ channel: 'x', recipient: '424242', caseChannel: true, audiences: ['private', 'public'] });
  });
});

describe('who a network message is from', () => {
  it('finds the customer who has the phone a WhatsApp message comes from, and gives them the WhatsApp identity', async () => {
    const known = await buildCase(h.ctx, brandId, { customer: { phone: '+33698765432', lastName: 'Martin' } });
    await h.ctx.db.execute(sql`UPDATE sav_case SET status = 'solved', solved_at = now() - interval '60 days' WHERE id = ${known.id}`);
    const outcome = await process(
      message({ channel: 'whatsapp', audience: 'private', text: 'Bonjour, ma commande ?', author: { identity: { kind: 'whatsapp', value: '+33698765432' }, handle: null, displayName: 'M. Martin' } }),
    );
    expect(outcome.state).toBe('processed');
    const c = (await agent.get(`/api/v1/cases/${outcome.caseId}`)).json();
    expect(c.customer.id).toBe(known.customer.id);
    const customer = (await agent.get(`/api/v1/customers/${known.customer.id}`)).json();
    expect(customer.identities.map((i: { kind: string }) => i.kind).sort()).toEqual(['phone', 'whatsapp']);
  });

  it('joins a DM to the customer’s open e-mail case, which can then be answered on the network', async () => {
    const c = await buildCase(h.ctx, brandId, { customer: { email: 'dm-apres-mail@exemple.fr' } });
    expect((await agent.post(`/api/v1/customers/${c.customer.id}/identities`, { kind: 'x', value: '515151' })).statusCode).toBe(200);
    const outcome = await process(message({ audience: 'private', text: 'Je vous ai écrit par mail hier, des nouvelles ?', author: { identity: { kind: 'x', value: '515151' }, handle: 'dm_apres_mail' } }));
    expect(outcome).toMatchObject({ state: 'processed', caseId: c.id });
    const channels = (await agent.get(`/api/v1/cases/${c.id}/reply-channels`)).json().items;
    expect(channels).toContainEqual(expect.objectContaining({ channel: 'x', recipient: '515151', caseChannel: false, audiences: ['private', 'public'] }));
  });

  it('moves a delivery with the statuses the network reports, forward only', async () => {
    const c = await buildCase(h.ctx, brandId, { customer: { email: 'statut@exemple.fr' } });
    const [event] = await queryRows<{ id: string }>(h.ctx.db, sql`SELECT id FROM case_event WHERE case_id = ${c.id} ORDER BY id LIMIT 1`);
    const deliveryId = uuidv7();
    await h.ctx.db.execute(sql`INSERT INTO message_delivery (id, event_id, case_id, channel, recipient, status, attempts, provider_id, created_at, updated_at)
      VALUES (${deliveryId}, ${event!.id}, ${c.id}, 'whatsapp', '+33611111111', 'sent', 1, 'wamid.ABC', now(), now())`);
    const status = (s: 'delivered' | 'read' | 'sent') => process({ kind: 'status', channel: 'whatsapp', providerId: `wamid.ABC:${s}`, messageId: 'wamid.ABC', status: s, errorCode: null, detail: null, at: new Date() } as never);
    expect(await status('read')).toMatchObject({ state: 'processed', detail: 'read' });
    expect(await status('delivered')).toMatchObject({ state: 'processed', detail: expect.stringContaining('no change') });
    const [d] = await queryRows<{ status: string }>(h.ctx.db, sql`SELECT status FROM message_delivery WHERE id = ${deliveryId}`);
    expect(d!.status).toBe('read');
    expect(await process({ kind: 'status', channel: 'whatsapp', providerId: 'wamid.NOPE:read', messageId: 'wamid.NOPE', status: 'read', errorCode: null, detail: null, at: new Date() } as never)).toMatchObject({ state: 'ignored' });
  });
});

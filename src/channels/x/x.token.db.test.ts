// An X account whose access token expires, end to end against the local fake X: an agent's
// reply meets X's 401, the connector renews the token with the refresh token, seals the
// rotated pair into the account and sends the reply; two sends at once renew once; a token
// known to be expired is renewed before sending; a revoked refresh token marks the account
// failing and fails the delivery with the reason; the connection test says how it stands.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeGrant, type FakeX } from '../../../test/fakes/x-api.ts';
import { buildBrand, buildTeam } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { connectXAccount } from '../../../test/support/x-account.ts';
import { queryRows } from '../../platform/db/database.ts';
import type { ConnectionTestDto } from '../accounts/accounts.contract.ts';
import { accountSecrets, loadAccount } from '../accounts/accounts.service.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import { tokenFingerprint } from './x-token.ts';
import { xConnector } from './x.connector.ts';

const CUSTOMER = '2244994945';
let h: Harness;
let x: FakeX;
let admin: Client;
let agent: Client;
let accountId: string;
let webhook: string;
let grant: FakeGrant;
let caseId: string;
let complaintId: string;

beforeAll(async () => {
  x = await startFakeX();
  h = await startHarness({ env: { COMPTOIR_PUBLIC_URL: 'https://sav.jardin.test' } });
  const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Inès Community' });
  const brandId = (await buildBrand(h.ctx)).id;
  const team = await buildTeam(h.ctx, { memberIds: [agent.userId] });
  // What the brand's authorisation of the app (with offline.access) gave.
  grant = x.authorize(x.brand.id);
  accountId = await connectXAccount(admin, x, {
    brandId,
    teamId: team.id,
    secrets: { accessToken: grant.accessToken, refreshToken: grant.refreshToken, clientId: x.app.clientId, clientSecret: x.app.clientSecret },
  });
  webhook = `${base}/api/v1/channels/x/${accountId}/webhook`;

  // A customer's complaint, opening the case the replies answer.
  complaintId = '1764000000000200001';
  const complaint = {
    created_at: 'Mon Mar 02 09:14:05 +0000 2026',
    id: Number(complaintId),
    id_str: complaintId,
    text: '@JardinMaison ma commande JM-2026-0412 n’est jamais arrivée',
    truncated: false,
    in_reply_to_status_id_str: null,
    user: { id: Number(CUSTOMER), id_str: CUSTOMER, name: 'Camille Léger', screen_name: 'camille_lgr', followers_count: 1532, verified: false },
    entities: { hashtags: [], urls: [], user_mentions: [{ screen_name: 'JardinMaison', id_str: x.brand.id, indices: [0, 13] }] },
    timestamp_ms: '1772442845000',
  };
  expect((await x.deliver(webhook, { for_user_id: x.brand.id, tweet_create_events: [complaint] })).status).toBe(200);
  await h.worker.drain();
  const [row] = await queryRows<{ case_id: string }>(h.ctx.db, sql`SELECT case_id FROM inbound_message WHERE account_id = ${accountId} AND provider_id = ${`tweet:${complaintId}`}`);
  caseId = row!.case_id;
  expect(caseId).toEqual(expect.any(String));
});
afterAll(async () => {
  expect(x?.unexpected).toEqual([]);
  await h?.close();
  await x?.close();
});

/** The account as stored: its secrets opened, its cursor, its state. */
async function stored() {
  const row = await loadAccount(h.ctx, accountId);
  return { secrets: accountSecrets(h.ctx, row), cursor: row.cursor, state: row.state, stateDetail: row.stateDetail };
}

async function deliveryOf(eventId: string) {
  const [d] = await queryRows<{ status: string; provider_id: string | null; detail: string | null }>(h.ctx.db, sql`SELECT status, provider_id, detail FROM message_delivery WHERE event_id = ${eventId}`);
  return d;
}

/** Posts an agent's public reply and runs the delivery job until it has settled. */
async function answer(body: string) {
  const res = await agent.post(`/api/v1/cases/${caseId}/messages`, { kind: 'reply', body, audience: 'public' });
  expect(res.statusCode, res.body).toBe(201);
  const events = (await agent.get(`/api/v1/cases/${caseId}/events`)).json().items as { id: string; type: string; body: string | null }[];
  const event = events.filter((e) => e.type === 'message_out' && e.body === body).at(-1)!;
  for (let waited = 0; waited < 8_000; waited += 100) {
    await h.worker.drain();
    const d = await deliveryOf(event.id);
    if (d && d.status !== 'queued') return d;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await deliveryOf(event.id))!;
}

describe('an access token that expires', () => {
  it('is renewed when X refuses it: the rotated pair sealed in the account, the reply sent', async () => {
    x.expire(grant.accessToken);
    const refusedBefore = x.refused.length;
    const before = Date.now();
    const delivery = await answer('Bonjour Camille, nous regardons votre commande tout de suite.');
    expect(delivery, delivery.detail ?? '').toMatchObject({ status: 'sent' });
    expect(x.tweets.find((t) => t.id === delivery.provider_id)).toMatchObject({ authorId: x.brand.id, inReplyTo: complaintId, text: 'Bonjour Camille, nous regardons votre commande tout de suite.' });
    expect(x.refused.slice(refusedBefore)).toEqual(['POST /2/tweets']);
    expect(x.refreshes).toEqual([{ clientId: x.app.clientId, basic: true, refreshToken: grant.refreshToken, status: 200, issued: expect.any(Object) }]);

    // What X issued is what the account holds now, sealed.
    const account = await stored();
    const issued = x.refreshes[0]!.issued!;
    expect(account.secrets).toMatchObject({ accessToken: issued.accessToken, refreshToken: issued.refreshToken });
    expect(issued.refreshToken).not.toBe(grant.refreshToken);
    expect(account.secrets).toMatchObject({ consumerSecret: x.consumerSecret, clientId: x.app.clientId, clientSecret: x.app.clientSecret });
    expect(account.cursor).toMatchObject({ tokenFingerprint: tokenFingerprint(account.secrets.accessToken!), scope: expect.stringContaining('offline.access') });
    const expiresAt = Date.parse(String(account.cursor.expiresAt));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7200_000);
    expect(expiresAt).toBeLessThan(Date.now() + 7200_000 + 1000);
    const [row] = await queryRows<{ secrets_sealed: string }>(h.ctx.db, sql`SELECT secrets_sealed FROM channel_account WHERE id = ${accountId}`);
    expect(row!.secrets_sealed).not.toContain(issued.refreshToken);
  });

  it('renews once for two sends at once: the second finds the first one’s token and sends with it', async () => {
    const { secrets } = await stored();
    x.expire(secrets.accessToken!);
    const refreshesBefore = x.refreshes.length;
    const account = await loadAccount(h.ctx, accountId);
    const outbound = (text: string): SocialOutbound => ({
      account,
      secrets: accountSecrets(h.ctx, account),
      channel: 'x',
      recipient: CUSTOMER,
      audience: 'public',
      text,
      replyTo: { providerId: complaintId, audience: 'public', data: {}, sentAt: new Date() },
      template: null,
      now: new Date(),
    });
    const [one, two] = await Promise.all([xConnector.send!(h.ctx, outbound('Premier envoi simultané.')), xConnector.send!(h.ctx, outbound('Second envoi simultané.'))]);
    expect(x.refreshes.slice(refreshesBefore)).toEqual([expect.objectContaining({ status: 200, refreshToken: secrets.refreshToken })]);
    expect(x.tweets.filter((t) => t.id === one.providerId || t.id === two.providerId).map((t) => t.text).sort()).toEqual(['Premier envoi simultané.', 'Second envoi simultané.']);
    // The pair sealed is the one that renewal issued: no second renewal overwrote it.
    expect((await stored()).secrets).toMatchObject({ accessToken: x.refreshes.at(-1)!.issued!.accessToken, refreshToken: x.refreshes.at(-1)!.issued!.refreshToken });
  });

  it('is renewed before sending once its recorded expiry is past, with no refused call', async () => {
    const { secrets, cursor } = await stored();
    x.expire(secrets.accessToken!);
    // Two hours on, as the cursor sees it.
    await h.ctx.db.execute(sql`UPDATE channel_account SET cursor = ${JSON.stringify({ ...cursor, expiresAt: new Date(Date.now() - 1000).toISOString() })}::jsonb WHERE id = ${accountId}`);
    h.ctx.accounts.changed(h.ctx.db);
    const refusedBefore = x.refused.length;
    const refreshesBefore = x.refreshes.length;
    const delivery = await answer('Votre colis est reparti ce matin.');
    expect(delivery, delivery.detail ?? '').toMatchObject({ status: 'sent' });
    expect(x.refused.length).toBe(refusedBefore);
    expect(x.refreshes.slice(refreshesBefore)).toEqual([expect.objectContaining({ status: 200, refreshToken: secrets.refreshToken })]);
  });

  it('says in the connection test that renewal is set up and when the token expires', async () => {
    const res = await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': 'fr' });
    const test = res.json() as ConnectionTestDto;
    expect(test.checks.map((c) => [c.name, c.ok])).toEqual([
      ['x_token', true],
      ['x_refresh', true],
      ['x_webhook', true],
    ]);
    expect(test.checks[1]).toMatchObject({
      label: 'Renouvellement du jeton',
      detail: expect.stringMatching(new RegExp(`^Renouvellement configuré \\(client confidentiel ${x.app.clientId}\\) : le jeton d’accès expire le .+ et sera renouvelé automatiquement\\.$`)),
    });
    const en = (await admin.post(`/api/v1/channel-accounts/${accountId}/test`, undefined, { 'accept-language': 'en' })).json() as ConnectionTestDto;
    expect(en.checks[1]!.detail).toMatch(/^Renewal is set up \(confidential client .+\): the access token expires on .+ and will be renewed automatically\.$/);
  });

  it('marks the account failing when X refuses the refresh token, and fails the delivery saying an admin must reconnect it', async () => {
    const { secrets } = await stored();
    x.revoke(secrets.refreshToken!);
    x.expire(secrets.accessToken!);
    const delivery = await answer('Une réponse que X ne laissera pas partir.');
    expect(delivery.status).toBe('failed');
    expect(delivery.detail).toContain('auth (invalid_grant): X refused to renew the access token of @JardinMaison (invalid_grant: Value passed for the token was invalid.)');
    expect(delivery.detail).toContain('an admin must reconnect the account');
    const account = await stored();
    expect(account.state).toBe('failing');
    expect(account.stateDetail).toContain('an admin must reconnect the account');
    expect(account.stateDetail).toContain('Value passed for the token was invalid.');
    // The pair is left as it was: nothing half-written.
    expect(account.secrets.refreshToken).toBe(secrets.refreshToken);
    // The admins are told by e-mail (this harness's outbox is a folder of .eml files).
    await h.worker.drain();
    const outbox = h.services.config.outbound.mail.transport;
    if (outbox.kind !== 'file') throw new Error('this test reads the file outbox');
    const mails = await Promise.all(readdirSync(outbox.dir).map((f) => simpleParser(readFileSync(join(outbox.dir, f)))));
    const told = mails.filter((m) => m.subject === 'Canal en panne : Jardin & Maison sur X');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('an admin must reconnect the account');
  });
});

// Sending on Meta's networks against the local fake Graph API (test/fakes/meta-graph.ts):
// each kind of answer, the windows as both sides see them, and Graph's errors mapped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMetaGraph, type FakeMetaGraph } from '../../../test/fakes/meta-graph.ts';
import type { Ctx } from '../../context.ts';
import { systemClock } from '../../platform/clock.ts';
import type { AccountRow } from '../connector.ts';
import type { ProviderError } from '../provider-errors.ts';
import type { SocialOutbound, SocialReplyTarget } from '../social/social.types.ts';
import { graphError } from './graph-client.ts';
import { sendMeta } from './meta.send.ts';

let meta: FakeMetaGraph;
const ctx = { clock: systemClock, config: { defaults: { language: 'fr', timezone: 'Europe/Paris' } } } as unknown as Pick<Ctx, 'clock' | 'config'>;
const H = 3_600_000;
const D = 24 * H;
const ago = (ms: number) => new Date(Date.now() - ms);
const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable(), (e: unknown) => e as ProviderError);

function account(settings: Record<string, unknown> = {}): AccountRow {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    channel: 'meta',
    name: 'Jardin & Maison',
    address: meta.pageId,
    brandId: null,
    storeId: null,
    teamId: null,
    settings: {
      pageId: meta.pageId,
      instagramId: meta.instagramId,
      whatsappPhoneNumberId: meta.phoneNumberId,
      wabaId: meta.wabaId,
      apiBaseUrl: meta.url,
      templates: [{ name: 'suivi_dossier', language: 'fr', category: 'UTILITY', body: 'Bonjour {{1}}, votre dossier {{2}} avance.', variables: 2 }],
      ...settings,
    },
    secretsSealed: null,
    state: 'active',
    stateDetail: null,
    stateChangedAt: null,
    cursor: {},
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

function outbound(over: Partial<SocialOutbound>): SocialOutbound {
  return {
    account: account(),
    secrets: { appSecret: meta.appSecret, verifyToken: meta.verifyToken, pageAccessToken: meta.pageAccessToken, whatsappToken: meta.whatsappToken },
    channel: 'messenger',
    recipient: '6543210987654321',
    audience: 'private',
    text: 'Bonjour, nous regardons votre commande.',
    replyTo: null,
    template: null,
    now: new Date(),
    ...over,
  };
}
const target = (providerId: string, sentAt: Date, audience: 'public' | 'private' = 'private', data: Record<string, unknown> = {}): SocialReplyTarget => ({ providerId, audience, data, sentAt });

beforeAll(async () => {
  meta = await startFakeMetaGraph();
  meta.templates.push({ name: 'suivi_dossier', language: 'fr', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre dossier {{2}} avance.' }] });
});
afterAll(async () => {
  expect(meta.unexpected).toEqual([]);
  await meta.close();
});

describe('Facebook comments', () => {
  it('replies under the comment with the Page token', async () => {
    meta.customerCommented('555_777', ago(2 * D));
    const sent = await sendMeta(ctx, outbound({ channel: 'facebook', audience: 'public', recipient: '7001', replyTo: target('555_777', ago(2 * D), 'public', { postId: `${meta.pageId}_555`, parentId: null }) }));
    expect(meta.sent.at(-1)).toEqual({ kind: 'comment_reply', path: '555_777/comments', body: { message: 'Bonjour, nous regardons votre commande.' }, id: sent.providerId });
    expect(sent.providerId).toMatch(/^555_\d{15}$/);
  });

  it('answers privately once per comment: the second time Meta refuses, and says why', async () => {
    meta.customerCommented('555_800', ago(H));
    const out = outbound({ channel: 'facebook', audience: 'private', recipient: '7001', replyTo: target('555_800', ago(H), 'public') });
    const sent = await sendMeta(ctx, out);
    expect(meta.sent.at(-1)).toEqual({ kind: 'private_reply', path: `${meta.pageId}/messages`, body: { recipient: { comment_id: '555_800' }, message: { text: 'Bonjour, nous regardons votre commande.' } }, id: sent.providerId });
    const again = await failure(sendMeta(ctx, out));
    expect(again).toMatchObject({ code: 'rejected', providerCode: '10900', message: 'Ce commentaire a déjà reçu sa réponse privée : Meta n’en permet qu’une. La suite se fait dans Messenger quand le client répond.' });
  });

  it('refuses a private reply to a comment older than 7 days before asking Meta', async () => {
    const before = meta.sent.length;
    const refused = await failure(sendMeta(ctx, outbound({ channel: 'facebook', audience: 'private', recipient: '7001', replyTo: target('555_801', ago(8 * D), 'public') })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: 'private_reply_expired' });
    expect(refused.message).toMatch(/^Le commentaire date du .* : Meta n’autorise une réponse privée à un commentaire que dans les 7 jours/);
    expect(meta.sent.length).toBe(before);
  });
});

describe('Messenger and Instagram Direct', () => {
  it('answers with RESPONSE inside 24 hours', async () => {
    meta.customerWrote('6543210987654321', ago(2 * H));
    const sent = await sendMeta(ctx, outbound({ replyTo: target('m_in', ago(2 * H)) }));
    expect(meta.sent.at(-1)).toEqual({
      kind: 'send_api',
      path: `${meta.pageId}/messages`,
      body: { recipient: { id: '6543210987654321' }, messaging_type: 'RESPONSE', message: { text: 'Bonjour, nous regardons votre commande.' } },
      id: sent.providerId,
    });
  });

  it('answers with the HUMAN_AGENT tag after 24 hours, which Meta accepts until 7 days', async () => {
    meta.customerWrote('1111222233334444', ago(30 * H));
    await sendMeta(ctx, outbound({ recipient: '1111222233334444', replyTo: target('m_in2', ago(30 * H)) }));
    expect(meta.sent.at(-1)!.body).toEqual({ recipient: { id: '1111222233334444' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Bonjour, nous regardons votre commande.' } });
  });

  it('refuses beyond 7 days with the reason in words, sending nothing', async () => {
    const before = meta.sent.length;
    const refused = await failure(sendMeta(ctx, outbound({ recipient: '1111222233334444', replyTo: target('m_old', ago(8 * D)) })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: 'window_closed' });
    expect(refused.message).toMatch(/^Le dernier message du client sur Messenger date du .*au-delà de 7 jours/);
    expect(meta.sent.length).toBe(before);
  });

  it('maps Meta’s own window refusal (its clock says the customer wrote earlier than ours)', async () => {
    meta.customerWrote('9999888877776666', ago(2 * D), 'instagram');
    const refused = await failure(sendMeta(ctx, outbound({ channel: 'instagram', recipient: '9999888877776666', replyTo: target('aWdf', ago(H)) })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: '10/2534022', message: 'Meta refuse ce message : il sort de la fenêtre autorisée depuis le dernier message du client (24 heures, ou 7 jours pour une réponse d’agent).' });
  });

  it('refuses an Instagram text over 1,000 characters before sending', async () => {
    const refused = await failure(sendMeta(ctx, outbound({ channel: 'instagram', recipient: '9999888877776666', replyTo: target('aWdf', ago(H)), text: 'a'.repeat(1001) })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: 'too_long', message: 'Le message fait 1001 caractères ; un message Instagram en accepte 1000 au plus. Raccourcissez-le ou envoyez-le en plusieurs fois.' });
  });

  it('replies under an Instagram comment', async () => {
    meta.customerCommented('17865799348089039', ago(H), 'instagram');
    const sent = await sendMeta(ctx, outbound({ channel: 'instagram', audience: 'public', recipient: '5566', replyTo: target('17865799348089039', ago(H), 'public', { mediaId: '1788', parentId: null }) }));
    expect(meta.sent.at(-1)).toEqual({ kind: 'instagram_comment_reply', path: '17865799348089039/replies', body: { message: 'Bonjour, nous regardons votre commande.' }, id: sent.providerId });
  });
});

describe('WhatsApp', () => {
  const wa = (over: Partial<SocialOutbound>) => outbound({ channel: 'whatsapp', recipient: '+33612345678', ...over });

  it('sends text inside 24 hours with the WhatsApp token, quoting the message answered', async () => {
    meta.customerWrote('33612345678', ago(H), 'whatsapp');
    const sent = await sendMeta(ctx, wa({ replyTo: target('wamid.IN1', ago(H)) }));
    expect(sent.providerId).toMatch(/^wamid\./);
    expect(meta.sent.at(-1)).toEqual({
      kind: 'whatsapp',
      path: `${meta.phoneNumberId}/messages`,
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '33612345678', context: { message_id: 'wamid.IN1' }, type: 'text', text: { preview_url: false, body: 'Bonjour, nous regardons votre commande.' } },
      id: sent.providerId,
    });
  });

  it('sends an approved template outside the window, its values as body parameters', async () => {
    meta.customerWrote('33698765432', ago(3 * D), 'whatsapp');
    await sendMeta(ctx, wa({ recipient: '+33698765432', replyTo: target('wamid.OLD', ago(3 * D)), template: { name: 'suivi_dossier', language: 'fr', variables: ['Zoé', 'SAV-2026-000123'] } }));
    expect(meta.sent.at(-1)!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '33698765432',
      type: 'template',
      template: { name: 'suivi_dossier', language: { code: 'fr' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Zoé' }, { type: 'text', text: 'SAV-2026-000123' }] }] },
    });
  });

  it('refuses text outside the window, telling the agent to choose a template', async () => {
    const refused = await failure(sendMeta(ctx, wa({ recipient: '+33698765432', replyTo: target('wamid.OLD', ago(3 * D)) })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: 'template_required', message: 'Plus de 24 heures depuis le dernier message du client sur WhatsApp : seul un modèle approuvé par Meta peut partir. Choisissez un modèle pour relancer le client.' });
  });

  it('maps error 131047 (WhatsApp’s own clock closed the window) to a refusal that says to use a template', async () => {
    meta.customerWrote('33611112222', ago(2 * D), 'whatsapp');
    const refused = await failure(sendMeta(ctx, wa({ recipient: '+33611112222', replyTo: target('wamid.X', ago(H)) })));
    expect(refused).toMatchObject({ code: 'rejected', providerCode: '131047', message: 'Plus de 24 heures depuis le dernier message du client, selon WhatsApp : seul un modèle approuvé peut partir. Choisissez un modèle pour relancer le client.' });
  });

  it('says a number is not connected when the account has none, nor a Page token', async () => {
    const refused = await failure(sendMeta(ctx, wa({ account: account({ whatsappPhoneNumberId: undefined }), replyTo: target('wamid.IN1', ago(H)) })));
    expect(refused).toMatchObject({ code: 'not_configured', message: 'Aucun numéro WhatsApp Business n’est relié à ce compte Meta (identifiant du numéro et jeton WhatsApp).' });
    const noPage = await failure(sendMeta(ctx, outbound({ secrets: { appSecret: meta.appSecret }, replyTo: target('m_in', ago(H)) })));
    expect(noPage).toMatchObject({ code: 'not_configured', message: 'Aucun jeton de Page n’est enregistré sur ce compte Meta : rien ne part sur Facebook, Messenger ni Instagram.' });
  });
});

describe('Graph errors', () => {
  const out = () => outbound({ replyTo: target('m_in', ago(H)) });

  it('a rate limit (613) is temporary, coming back when the usage header says', async () => {
    meta.failNext('rate_limit');
    const limited = await failure(sendMeta(ctx, out()));
    expect(limited).toMatchObject({ code: 'temporary', providerCode: '613' });
    expect(limited.retryAt!.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(limited.retryAt!.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it('429 with Retry-After and 5xx are temporary; an expired token or a missing permission is auth', async () => {
    meta.failNext('too_many_requests', 'server_error', 'token_expired', 'permission');
    const throttled = await failure(sendMeta(ctx, out()));
    expect(throttled).toMatchObject({ code: 'temporary', providerCode: '4' });
    expect(Math.round((throttled.retryAt!.getTime() - Date.now()) / 1000)).toBeGreaterThan(110);
    expect(await failure(sendMeta(ctx, out()))).toMatchObject({ code: 'temporary', providerCode: '2', retryAt: null });
    expect(await failure(sendMeta(ctx, out()))).toMatchObject({ code: 'auth', providerCode: '190/463' });
    expect(await failure(sendMeta(ctx, out()))).toMatchObject({ code: 'auth', providerCode: '200' });
  });

  it('a wrong token is auth; a wrong app secret fails its appsecret_proof (auth too); no API is temporary', async () => {
    expect(await failure(sendMeta(ctx, { ...out(), secrets: { ...out().secrets, pageAccessToken: 'EAAGnot-the-right-token-at-all' } }))).toMatchObject({ code: 'auth', providerCode: '190' });
    expect(await failure(sendMeta(ctx, { ...out(), secrets: { ...out().secrets, appSecret: 'another-app-secret-entirely' } }))).toMatchObject({ code: 'auth', providerCode: '100', message: 'Invalid appsecret_proof provided in the API argument' });
    expect(await failure(sendMeta(ctx, { ...out(), account: account({ apiBaseUrl: 'http://127.0.0.1:1' }) }))).toMatchObject({ code: 'temporary' });
  });

  it('maps each documented code', () => {
    const map = (status: number, error: Record<string, unknown>) => {
      const e = graphError(status, { error }, new Headers(), new Date('2026-03-02T10:00:00Z'), 'en');
      return [e.code, e.providerCode];
    };
    expect(map(400, { code: 4 })).toEqual(['temporary', '4']);
    expect(map(400, { code: 17 })).toEqual(['temporary', '17']);
    expect(map(400, { code: 32 })).toEqual(['temporary', '32']);
    expect(map(400, { code: 613 })).toEqual(['temporary', '613']);
    expect(map(400, { code: 130429 })).toEqual(['temporary', '130429']);
    expect(map(400, { code: 190, error_subcode: 460 })).toEqual(['auth', '190/460']);
    expect(map(403, { code: 10 })).toEqual(['auth', '10']);
    expect(map(403, { code: 230 })).toEqual(['auth', '230']);
    expect(map(400, { code: 100, message: '(#100) Invalid parameter' })).toEqual(['rejected', '100']);
    expect(map(400, { code: 131047 })).toEqual(['rejected', '131047']);
    expect(map(400, { code: 10, error_subcode: 2018278 })).toEqual(['rejected', '10/2018278']);
    expect(map(400, { code: 551 })).toEqual(['rejected', '551']);
    expect(map(503, {})).toEqual(['temporary', '503']);
    expect(map(500, { code: 1 })).toEqual(['temporary', '1']);
    const e = graphError(400, { error: { code: 131047, message: 'Re-engagement message' } }, new Headers(), new Date(), 'en');
    expect(e.message).toBe('More than 24 hours since the customer’s last message, says WhatsApp: only an approved template can go. Choose a template to reach the customer.');
    const withDetails = graphError(400, { error: { code: 131009, message: '(#131009) Parameter value is not valid', error_data: { details: 'Recipient phone number not in allowed list' } } }, new Headers(), new Date(), 'en');
    expect(withDetails.message).toBe('(#131009) Parameter value is not valid: Recipient phone number not in allowed list');
  });
});

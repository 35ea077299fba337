// Meta's sending rules, decided without I/O: every kind of answer, each window's edges.
import { describe, expect, it } from 'vitest';
import type { SocialReplyTarget } from '../social/social.types.ts';
import { messagingWindow, planMetaSend, textLimits } from './messaging-window.ts';
import { refusalText } from './meta.words.ts';
import type { WhatsappTemplate } from './meta.settings.ts';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const H = 3_600_000;
const D = 24 * H;

const comment = (sentAt: Date, data: Record<string, unknown> = { postId: '104_555', parentId: null }): SocialReplyTarget => ({ providerId: '555_777', audience: 'public', data, sentAt });
const direct = (sentAt: Date, providerId = 'm_in'): SocialReplyTarget => ({ providerId, audience: 'private', data: {}, sentAt });
const catalogue: WhatsappTemplate[] = [
  { name: 'suivi_dossier', language: 'fr', category: 'UTILITY', body: 'Bonjour {{1}}, votre dossier {{2}} avance : {{3}}', variables: 3 },
  { name: 'relance', language: 'fr', category: 'UTILITY', body: 'Bonjour, avez-vous pu regarder notre réponse ?', variables: 0 },
];
const req = (over: Partial<Parameters<typeof planMetaSend>[0]>) => planMetaSend({ channel: 'messenger', audience: 'private', recipient: '6543210987654321', text: 'Bonjour, nous regardons.', replyTo: direct(ago(H)), template: null, now, ...over }, catalogue);

describe('the messaging window', () => {
  it('is standard for 24 hours, human agent until 7 days, then closed (Messenger, Instagram)', () => {
    const last = ago(0);
    expect(messagingWindow('messenger', last, now)).toEqual({ state: 'standard', until: new Date('2026-03-11T12:00:00Z') });
    expect(messagingWindow('messenger', ago(D - 1), now).state).toBe('standard');
    expect(messagingWindow('messenger', ago(D), now)).toEqual({ state: 'human_agent', until: new Date('2026-03-16T12:00:00Z') });
    expect(messagingWindow('instagram', ago(7 * D - 1), now).state).toBe('human_agent');
    expect(messagingWindow('instagram', ago(7 * D), now)).toEqual({ state: 'closed', until: null });
    expect(messagingWindow('messenger', null, now)).toEqual({ state: 'closed', until: null });
  });

  it('is standard for 24 hours, then templates only (WhatsApp)', () => {
    expect(messagingWindow('whatsapp', ago(D - 1), now).state).toBe('standard');
    expect(messagingWindow('whatsapp', ago(D), now)).toEqual({ state: 'template_only', until: null });
    expect(messagingWindow('whatsapp', ago(30 * D), now).state).toBe('template_only');
    expect(messagingWindow('whatsapp', null, now).state).toBe('template_only');
  });

  it('counts a message stamped ahead of our clock as sent now', () => {
    expect(messagingWindow('whatsapp', new Date(now.getTime() + 5 * 60_000), now).state).toBe('standard');
  });
});

describe('Facebook comments', () => {
  it('a public answer replies under the comment', () => {
    expect(req({ channel: 'facebook', audience: 'public', replyTo: comment(ago(30 * D)) })).toEqual({ ok: true, plan: { kind: 'comment_reply', commentId: '555_777', text: 'Bonjour, nous regardons.' } });
  });

  it('a public answer to a reply goes under the thread’s first comment', () => {
    expect(req({ channel: 'facebook', audience: 'public', replyTo: comment(ago(H), { postId: '104_555', parentId: '555_700' }) })).toEqual({ ok: true, plan: { kind: 'comment_reply', commentId: '555_700', text: 'Bonjour, nous regardons.' } });
  });

  it('a private answer is the comment’s private reply, within 7 days only', () => {
    expect(req({ channel: 'facebook', audience: 'private', replyTo: comment(ago(7 * D - 1)) })).toEqual({ ok: true, plan: { kind: 'private_reply', commentId: '555_777', text: 'Bonjour, nous regardons.' } });
    expect(req({ channel: 'facebook', audience: 'private', replyTo: comment(ago(7 * D)) })).toEqual({ ok: false, reason: 'private_reply_expired', vars: { sentAt: '2026-03-03T12:00:00.000Z', closedAt: '2026-03-10T12:00:00.000Z' } });
  });

  it('needs a comment to answer, and refuses what is too long for it', () => {
    expect(req({ channel: 'facebook', audience: 'public', replyTo: null })).toEqual({ ok: false, reason: 'nothing_to_answer', vars: { channel: 'facebook' } });
    expect(req({ channel: 'facebook', audience: 'public', replyTo: direct(ago(H)) })).toEqual({ ok: false, reason: 'not_a_comment', vars: { channel: 'facebook' } });
    expect(req({ channel: 'facebook', audience: 'public', replyTo: comment(ago(H)), text: 'x'.repeat(textLimits.facebookComment + 1) })).toEqual({ ok: false, reason: 'too_long', vars: { length: 8001, limit: 8000, where: 'facebook_comment' } });
    expect(req({ channel: 'facebook', audience: 'private', replyTo: comment(ago(H)), text: 'x'.repeat(2001) })).toMatchObject({ ok: false, reason: 'too_long', vars: { limit: 2000, where: 'messenger' } });
    expect(req({ channel: 'facebook', audience: 'public', replyTo: comment(ago(H)), text: '  \n' })).toEqual({ ok: false, reason: 'empty', vars: {} });
  });
});

describe('Messenger and Instagram Direct', () => {
  it('answers with messaging_type RESPONSE inside 24 hours', () => {
    expect(req({ replyTo: direct(ago(D - 1)) })).toEqual({ ok: true, plan: { kind: 'send_api', recipientId: '6543210987654321', messagingType: 'RESPONSE', tag: null, text: 'Bonjour, nous regardons.' } });
  });

  it('answers with the HUMAN_AGENT tag from 24 hours to 7 days', () => {
    expect(req({ replyTo: direct(ago(D)) })).toMatchObject({ ok: true, plan: { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } });
    expect(req({ channel: 'instagram', replyTo: direct(ago(7 * D - 60_000)) })).toMatchObject({ ok: true, plan: { kind: 'send_api', messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } });
  });

  it('refuses beyond 7 days, saying since when', () => {
    expect(req({ replyTo: direct(ago(8 * D)) })).toEqual({ ok: false, reason: 'window_closed', vars: { channel: 'messenger', sentAt: '2026-03-02T12:00:00.000Z', closedAt: '2026-03-09T12:00:00.000Z' } });
  });

  it('refuses a public answer, an answer to nobody, and texts over 2,000 (Messenger) or 1,000 (Instagram) characters', () => {
    expect(req({ audience: 'public' })).toEqual({ ok: false, reason: 'public_to_private', vars: { channel: 'messenger' } });
    expect(req({ replyTo: null })).toEqual({ ok: false, reason: 'nothing_to_answer', vars: { channel: 'messenger' } });
    expect(req({ text: 'é'.repeat(2000) })).toMatchObject({ ok: true });
    expect(req({ text: 'é'.repeat(2001) })).toEqual({ ok: false, reason: 'too_long', vars: { length: 2001, limit: 2000, where: 'messenger' } });
    // An emoji is one character, as Meta counts.
    expect(req({ channel: 'instagram', text: '👍'.repeat(1000) })).toMatchObject({ ok: true });
    expect(req({ channel: 'instagram', text: '👍'.repeat(1001) })).toEqual({ ok: false, reason: 'too_long', vars: { length: 1001, limit: 1000, where: 'instagram' } });
  });

  it('answers an Instagram comment under it, or privately within 7 days', () => {
    const igComment: SocialReplyTarget = { providerId: '17865799348089039', audience: 'public', data: { mediaId: '178874', parentId: null }, sentAt: ago(2 * D) };
    expect(req({ channel: 'instagram', audience: 'public', replyTo: igComment })).toEqual({ ok: true, plan: { kind: 'instagram_comment_reply', commentId: '17865799348089039', text: 'Bonjour, nous regardons.' } });
    expect(req({ channel: 'instagram', audience: 'private', replyTo: igComment })).toEqual({ ok: true, plan: { kind: 'private_reply', commentId: '17865799348089039', text: 'Bonjour, nous regardons.' } });
    expect(req({ channel: 'instagram', audience: 'private', replyTo: { ...igComment, sentAt: ago(7 * D) } })).toMatchObject({ ok: false, reason: 'private_reply_expired' });
    expect(req({ channel: 'instagram', audience: 'public', replyTo: direct(ago(H)) })).toEqual({ ok: false, reason: 'public_to_private', vars: { channel: 'instagram' } });
  });
});

describe('WhatsApp', () => {
  const wa = (over: Partial<Parameters<typeof planMetaSend>[0]>) => req({ channel: 'whatsapp', recipient: '+33612345678', replyTo: direct(ago(H), 'wamid.IN'), ...over });

  it('sends text inside 24 hours, quoting the customer’s message', () => {
    expect(wa({})).toEqual({ ok: true, plan: { kind: 'whatsapp_text', to: '33612345678', text: 'Bonjour, nous regardons.', contextId: 'wamid.IN' } });
  });

  it('refuses text outside 24 hours (or with no message from the customer) and asks for a template', () => {
    expect(wa({ replyTo: direct(ago(D), 'wamid.IN') })).toEqual({ ok: false, reason: 'template_required', vars: { sentAt: '2026-03-09T12:00:00.000Z' } });
    expect(wa({ replyTo: null })).toEqual({ ok: false, reason: 'template_required', vars: {} });
  });

  it('sends a template from the catalogue with its values, at any time, quoting only inside 24 hours', () => {
    const template = { name: 'suivi_dossier', language: 'fr', variables: ['Marc', 'SAV-2026-000123', 'pièce commandée'] };
    expect(wa({ replyTo: direct(ago(3 * D), 'wamid.IN'), template })).toEqual({ ok: true, plan: { kind: 'whatsapp_template', to: '33612345678', name: 'suivi_dossier', language: 'fr', variables: ['Marc', 'SAV-2026-000123', 'pièce commandée'], contextId: null } });
    expect(wa({ template: { name: 'relance', language: 'fr', variables: [] } })).toMatchObject({ ok: true, plan: { kind: 'whatsapp_template', contextId: 'wamid.IN' } });
  });

  it('refuses a template not in the catalogue (or in another language), or with the wrong number of values', () => {
    expect(wa({ template: { name: 'promo', language: 'fr', variables: [] } })).toEqual({ ok: false, reason: 'template_unknown', vars: { name: 'promo', language: 'fr' } });
    expect(wa({ template: { name: 'relance', language: 'en', variables: [] } })).toMatchObject({ ok: false, reason: 'template_unknown' });
    expect(wa({ template: { name: 'suivi_dossier', language: 'fr', variables: ['Marc'] } })).toEqual({ ok: false, reason: 'template_variables', vars: { name: 'suivi_dossier', expected: 3, given: 1 } });
  });

  it('refuses public answers and texts over 4,096 characters', () => {
    expect(wa({ audience: 'public' })).toEqual({ ok: false, reason: 'public_to_private', vars: { channel: 'whatsapp' } });
    expect(wa({ text: 'x'.repeat(4097) })).toMatchObject({ ok: false, reason: 'too_long', vars: { limit: 4096, where: 'whatsapp' } });
  });
});

describe('other channels', () => {
  it('are not Meta’s', () => {
    expect(req({ channel: 'x' })).toEqual({ ok: false, reason: 'not_meta', vars: { channel: 'x' } });
  });
});

describe('refusals in words', () => {
  it('say what to do, in French and English, with dates in the server’s zone', () => {
    const decision = req({ replyTo: direct(ago(8 * D)) });
    if (decision.ok) throw new Error('expected a refusal');
    expect(refusalText('fr', 'Europe/Paris', decision.reason, decision.vars)).toBe(
      'Le dernier message du client sur Messenger date du 2 mars 2026 à 13:00 : au-delà de 7 jours (depuis le 9 mars 2026 à 13:00), Meta refuse tout message. Attendez que le client écrive de nouveau, ou contactez-le par un autre canal.',
    );
    expect(refusalText('en', 'Europe/Paris', 'template_required')).toBe('More than 24 hours since the customer’s last WhatsApp message: only a template approved by Meta can go. Choose a template to reach the customer.');
    expect(refusalText('fr', 'Europe/Paris', 'too_long', { length: 2001, limit: 2000, where: 'messenger' })).toBe('Le message fait 2001 caractères ; un message Messenger en accepte 2000 au plus. Raccourcissez-le ou envoyez-le en plusieurs fois.');
  });
});

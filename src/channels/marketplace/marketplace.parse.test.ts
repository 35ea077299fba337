// The relay's message: the worked signature example of docs/channels/marketplace.md (our
// vector, computed with `openssl dgst -sha256 -hmac`), and the SocialEvent it becomes.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SECRET } from '../../../test/fakes/marketplace-relay.ts';
import { ParseError } from '../connector.ts';
import { isValidWebhookSignature, webhookSignature } from '../webhook-signature.ts';
import { conversationRefOf, readRelayMessage, toSocialMessage } from './marketplace.parse.ts';

describe('the marketplace webhook signature', () => {
  it('is the documented example: the hex HMAC-SHA256 of the UTF-8 body, or of "<timestamp>.<body>" when dated', () => {
    expect(webhookSignature(EXAMPLE_SECRET, Buffer.from(EXAMPLE_BODY, 'utf8'))).toBe('sha256=a91d4d653477bd3848b7ecacee8196e93124d8c326c2a979a0211a9b93b22862');
    expect(webhookSignature(EXAMPLE_SECRET, Buffer.from(EXAMPLE_BODY, 'utf8'), '1775228400')).toBe('sha256=43e4bb3d20c99e2a2bd6f003d11ef6d3be2af17b97289018075ce24a2531e9bc');
    // Re-serialised JSON is other bytes: the signature is over what was sent.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(EXAMPLE_BODY), null, 1));
    expect(isValidWebhookSignature(EXAMPLE_SECRET, reserialised, 'sha256=a91d4d653477bd3848b7ecacee8196e93124d8c326c2a979a0211a9b93b22862')).toBe(false);
  });
});

const ACCOUNT = '0195f1c2-0000-7000-8000-00000000a11e';

describe('a relay message, parsed', () => {
  it('is one private message from the buyer, threaded by its conversation, with the order and the marketplace', () => {
    const m = readRelayMessage(Buffer.from(EXAMPLE_BODY));
    expect(toSocialMessage(m, ACCOUNT)).toEqual({
      kind: 'message',
      channel: 'marketplace',
      providerId: 'amazon:A1B2C3D4E5',
      audience: 'private',
      author: { identity: { kind: 'external', value: 'amazon:A2BUYER9XYZ' }, handle: null, displayName: 'Camille Durand', followers: null, verified: false },
      own: false,
      text: 'Bonjour, le programmateur reçu fuit dès la première utilisation.',
      media: [],
      refs: [`${ACCOUNT}/amazon:conversation:AMZ-CONV-4711`],
      url: null,
      sentAt: new Date('2026-04-03T14:45:00Z'),
      data: { marketplace: 'amazon', orderReference: '402-1234567-8901234', conversationId: 'AMZ-CONV-4711' },
      orderRef: '402-1234567-8901234',
    });
    expect(m.buyer.email).toBe('k8x2v4q1@marketplace.amazon.fr');
  });

  it('names the marketplace in lower case, keeps a subject, and lists attachments as media', () => {
    const m = readRelayMessage(
      Buffer.from(
        JSON.stringify({
          marketplace: 'ManoMano',
          messageId: '99',
          conversationId: '12',
          buyer: { id: 'b-7' },
          subject: 'Pièce manquante',
          text: '',
          sentAt: '2026-04-03T15:00:00Z',
          attachments: [{ url: 'https://relay.exemple.fr/files/1.jpg', contentType: 'image/jpeg' }, { url: 'https://relay.exemple.fr/files/2.pdf', filename: 'facture.pdf', contentType: 'application/pdf' }],
        }),
      ),
    );
    const event = toSocialMessage(m, ACCOUNT);
    expect(event).toMatchObject({ providerId: 'manomano:99', author: { identity: { value: 'manomano:b-7' }, displayName: null }, refs: [conversationRefOf(ACCOUNT, m)], data: { marketplace: 'manomano', orderReference: null, conversationId: '12', subject: 'Pièce manquante' } });
    expect(event.media).toEqual([
      { kind: 'photo', url: 'https://relay.exemple.fr/files/1.jpg', contentType: 'image/jpeg' },
      { kind: 'file', url: 'https://relay.exemple.fr/files/2.pdf', contentType: 'application/pdf' },
    ]);
  });

  it('refuses what is not a relay message', () => {
    expect(() => readRelayMessage(Buffer.from('not json'))).toThrow(ParseError);
    expect(() => readRelayMessage(Buffer.from(JSON.stringify({ marketplace: 'amazon', messageId: 'x', conversationId: 'c', buyer: { id: 'b' }, text: ' ', sentAt: '2026-04-03T15:00:00Z' })))).toThrow(/text: a message has a text or attachments/);
    expect(() => readRelayMessage(Buffer.from(JSON.stringify({ marketplace: 'Amazon FR', messageId: 'x', conversationId: 'c', buyer: { id: 'b' }, text: 'x', sentAt: 'hier' })))).toThrow(ParseError);
  });
});

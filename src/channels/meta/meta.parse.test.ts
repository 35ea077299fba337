// Meta deliveries as the platform sends them (payload shapes from Meta's webhook reference),
// split into their events and read back one by one: exactly what each becomes.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../connector.ts';
import { splitDelivery } from './meta.batch.ts';
import { parseMetaEvent } from './meta.parse.ts';

const PAGE = '104592315782640';
const IG = '17841405822304914';
const PHONE = '109876543210987';
const account = { settings: { pageId: PAGE, instagramId: IG, whatsappPhoneNumberId: PHONE, wabaId: '102290129340398' } };
const received = new Date('2026-03-02T10:00:05Z');

/** Every event of a delivery, parsed as the inbound job would. */
const parseAll = (delivery: unknown, acc: { settings: Record<string, unknown> } = account) =>
  splitDelivery(delivery).map((e) => parseMetaEvent(Buffer.from(JSON.stringify(e.event)), acc, received));
const parseOne = (delivery: unknown, acc?: { settings: Record<string, unknown> }) => {
  const all = parseAll(delivery, acc);
  expect(all).toHaveLength(1);
  return all[0];
};

const messenger = (...messaging: unknown[]) => ({ object: 'page', entry: [{ id: PAGE, time: 1772445600000, messaging }] });
const whatsapp = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '33757001122', phone_number_id: PHONE }, ...value } }] }],
});
const feed = (value: Record<string, unknown>) => ({ object: 'page', entry: [{ id: PAGE, time: 1772445600, changes: [{ field: 'feed', value }] }] });

describe('splitting a delivery', () => {
  it('gives one event per messaging item and change across entries, with the event’s own id', () => {
    const delivery = {
      object: 'page',
      entry: [
        { id: PAGE, time: 1772445600000, messaging: [
          { sender: { id: '6543210987654321' }, recipient: { id: PAGE }, timestamp: 1772445599000, message: { mid: 'm_AAA', text: 'Bonjour' } },
          { sender: { id: '6543210987654321' }, recipient: { id: PAGE }, timestamp: 1772445599500, message: { mid: 'm_BBB', text: 'Ma commande ?' } },
        ] },
        { id: PAGE, time: 1772445601, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: '987_111', post_id: `${PAGE}_987`, parent_id: `${PAGE}_987`, from: { id: '24680', name: 'Léa' }, message: 'Livraison ?', created_time: 1772445601 } }] },
        { id: PAGE, time: 1772445602000, messaging: [{ sender: { id: PAGE }, recipient: { id: '6543210987654321' }, timestamp: 1772445602000, delivery: { mids: ['m_OUT1', 'm_OUT2'], watermark: 1772445602000 } }] },
      ],
    };
    const events = splitDelivery(delivery);
    expect(events.map((e) => [e.providerId, e.kind])).toEqual([
      ['m_AAA', 'message'],
      ['m_BBB', 'message'],
      ['987_111:add', 'comment_add'],
      ['m_OUT1:delivered', 'delivery'],
      ['m_OUT2:delivered', 'delivery'],
    ]);
    // Each is whole on its own: the object, the entry, the one item.
    expect(events[1]!.event).toEqual({ object: 'page', entryId: PAGE, time: 1772445600000, messaging: delivery.entry[0]!.messaging![1] });
    expect(events[4]!.event.messaging).toMatchObject({ delivery: { mids: ['m_OUT2'] } });
  });

  it('splits a WhatsApp change into its messages and statuses, each with its own contact', () => {
    const events = splitDelivery(whatsapp({
      contacts: [{ profile: { name: 'Marc' }, wa_id: '33612345678' }, { profile: { name: 'Zoé' }, wa_id: '33698765432' }],
      messages: [
        { from: '33612345678', id: 'wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTAx', timestamp: '1772445600', type: 'text', text: { body: 'Salut' } },
        { from: '33698765432', id: 'wamid.HBgLMzM2OTg3NjU0MzIVAgASGBQzQTAy', timestamp: '1772445601', type: 'text', text: { body: 'Re' } },
      ],
      statuses: [{ id: 'wamid.OUT1', status: 'delivered', timestamp: '1772445602', recipient_id: '33612345678' }],
    }));
    expect(events.map((e) => e.providerId)).toEqual(['wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQTAx', 'wamid.HBgLMzM2OTg3NjU0MzIVAgASGBQzQTAy', 'wamid.OUT1:delivered']);
    expect(events[1]!.event.change!.value).toMatchObject({ contacts: [{ profile: { name: 'Zoé' } }], messages: [{ text: { body: 'Re' } }], metadata: { phone_number_id: PHONE } });
    expect(events[2]!.event.change!.value).not.toHaveProperty('messages');
  });

  it('keeps events without an id (a reaction, a watermark read) under their digest, and ignores unknown objects', () => {
    const events = splitDelivery(messenger({ sender: { id: '1' }, recipient: { id: PAGE }, timestamp: 1, reaction: { mid: 'm_X', action: 'react', reaction: 'love' } }));
    expect(events).toEqual([expect.objectContaining({ providerId: null, kind: 'reaction' })]);
    expect(splitDelivery({ object: 'user', entry: [{ id: '1', changes: [{ field: 'email' }] }] })).toEqual([]);
    expect(splitDelivery('nonsense')).toEqual([]);
  });
});

describe('a Page comment', () => {
  const comment = {
    from: { id: '7001234567890123', name: 'Léa Martin' },
    post: { status_type: 'added_photos', is_published: true, updated_time: '2026-03-02T10:00:00+0000', permalink_url: 'https://www.facebook.com/jardinmaison/posts/pfbid0abc', promotion_status: 'inactive', id: `${PAGE}_555` },
    message: 'Ma tondeuse est arrivée cassée, qui peut m’aider ?',
    post_id: `${PAGE}_555`,
    comment_id: '555_777',
    created_time: 1772445600,
    item: 'comment',
    parent_id: `${PAGE}_555`,
    verb: 'add',
  };

  it('is a public facebook message by its author, answering the post', () => {
    expect(parseOne(feed(comment))).toEqual({
      kind: 'message',
      channel: 'facebook',
      providerId: '555_777',
      audience: 'public',
      author: { identity: { kind: 'facebook', value: '7001234567890123' }, handle: null, displayName: 'Léa Martin', followers: null, verified: false },
      own: false,
      text: 'Ma tondeuse est arrivée cassée, qui peut m’aider ?',
      media: [],
      refs: [`${PAGE}_555`],
      url: 'https://www.facebook.com/jardinmaison/posts/pfbid0abc?comment_id=555_777',
      sentAt: new Date('2026-03-02T10:00:00Z'),
      data: { postId: `${PAGE}_555`, parentId: null },
    });
  });

  it('answers its parent comment first when it is a reply, and carries its photo', () => {
    const reply = parseOne(feed({ ...comment, comment_id: '555_778', parent_id: '555_777', photo: 'https://scontent.xx.fbcdn.net/v/t39/photo.jpg', post: undefined }));
    expect(reply).toMatchObject({ refs: ['555_777', `${PAGE}_555`], data: { postId: `${PAGE}_555`, parentId: '555_777' }, url: `https://www.facebook.com/${PAGE}_555?comment_id=555_778` });
    expect(reply).toMatchObject({ media: [{ kind: 'photo', url: 'https://scontent.xx.fbcdn.net/v/t39/photo.jpg', contentType: null }] });
  });

  it('is our own when the Page wrote it', () => {
    expect(parseOne(feed({ ...comment, from: { id: PAGE, name: 'Jardin & Maison' } }))).toMatchObject({ own: true });
  });

  it('is ignored when edited or removed, when it is not a comment, or when Meta leaves the author out', () => {
    expect(parseOne(feed({ ...comment, verb: 'edited', message: 'corrigé' }))).toEqual({ ignored: 'a comment edited: the case keeps the comment as it was first written' });
    expect(parseOne(feed({ ...comment, verb: 'remove' }))).toEqual({ ignored: 'a comment removed: the case keeps the comment as it was first written' });
    expect(parseOne(feed({ item: 'reaction', verb: 'add', reaction_type: 'like', post_id: `${PAGE}_555`, from: { id: '1' } }))).toEqual({ ignored: 'a Page reaction add is not a comment' });
    expect(parseOne(feed({ ...comment, from: undefined }))).toEqual({ ignored: 'a Page comment whose author Meta did not give (the app needs pages_read_user_content)' });
  });

  it('is ignored when it is another Page’s (the same app serving several Pages)', () => {
    expect(parseOne({ object: 'page', entry: [{ id: '999', time: 1, changes: [{ field: 'feed', value: comment }] }] })).toEqual({ ignored: `for the Page 999, not this account's Page ${PAGE}` });
  });
});

describe('a Messenger message', () => {
  const base = { sender: { id: '6543210987654321' }, recipient: { id: PAGE }, timestamp: 1772445600123 };

  it('is private, by the sender’s page-scoped id, with its files and the message it answers', () => {
    expect(
      parseOne(messenger({
        ...base,
        message: {
          mid: 'm_r7bJ9zQ2kXm3',
          text: 'Voici la photo du carton',
          attachments: [{ type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/carton.jpg' } }, { type: 'file', payload: { url: 'https://cdn.fbsbx.com/v/facture.pdf' } }, { type: 'fallback', payload: { url: 'https://exemple.fr', title: 'lien' } }],
          reply_to: { mid: 'm_earlier' },
        },
      })),
    ).toEqual({
      kind: 'message',
      channel: 'messenger',
      providerId: 'm_r7bJ9zQ2kXm3',
      audience: 'private',
      author: { identity: { kind: 'facebook', value: '6543210987654321' }, handle: null, displayName: null, followers: null, verified: false },
      own: false,
      text: 'Voici la photo du carton',
      media: [
        { kind: 'photo', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/carton.jpg', contentType: null },
        { kind: 'file', url: 'https://cdn.fbsbx.com/v/facture.pdf', contentType: null },
      ],
      refs: ['m_earlier'],
      url: null,
      sentAt: new Date(1772445600123),
      data: {},
    });
  });

  it('is our own when it is an echo', () => {
    const echo = parseOne(messenger({ sender: { id: PAGE }, recipient: { id: '6543210987654321' }, timestamp: 1772445600999, message: { mid: 'm_echo', is_echo: true, app_id: 1517776481860111, text: 'Bonjour, nous regardons.' } }));
    expect(echo).toMatchObject({ kind: 'message', channel: 'messenger', own: true, providerId: 'm_echo' });
  });

  it('reads a button press as the button’s title, and a delivery or read receipt as a status', () => {
    expect(parseOne(messenger({ ...base, postback: { mid: 'm_pb', title: 'Suivre ma demande', payload: 'TRACK' } }))).toMatchObject({ kind: 'message', text: 'Suivre ma demande', data: { postback: 'TRACK' } });
    expect(parseOne(messenger({ ...base, delivery: { mids: ['m_OUT1'], watermark: 1772445600123 } }))).toEqual({ kind: 'status', channel: 'messenger', providerId: 'm_OUT1:delivered', messageId: 'm_OUT1', status: 'delivered', errorCode: null, detail: null, at: new Date(1772445600123) });
    expect(parseOne(messenger({ ...base, read: { watermark: 1772445600123 } }))).toEqual({ ignored: 'a read receipt without a message id (a watermark): nothing to mark' });
    expect(parseOne(messenger({ ...base, reaction: { mid: 'm_X', action: 'react', emoji: '❤' } }))).toEqual({ ignored: 'a messenger reaction is not a message' });
  });

  it('takes messages delivered in standby (another app has the conversation) as messages', () => {
    const standby = { object: 'page', entry: [{ id: PAGE, time: 1, standby: [{ ...base, message: { mid: 'm_sb', text: 'Allô ?' } }] }] };
    expect(parseOne(standby)).toMatchObject({ kind: 'message', providerId: 'm_sb', text: 'Allô ?', data: { standby: true } });
  });
});

describe('Instagram', () => {
  it('reads a Direct message as private, by the Instagram-scoped id; an echo as ours', () => {
    const dm = { object: 'instagram', entry: [{ id: IG, time: 1772445600000, messaging: [
      { sender: { id: '1122334455667788' }, recipient: { id: IG }, timestamp: 1772445600000, message: { mid: 'aWdfZAG1faXRlbTo', text: 'Le colis est en retard', attachments: [{ type: 'video', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1' } }] } },
      { sender: { id: IG }, recipient: { id: '1122334455667788' }, timestamp: 1772445601000, message: { mid: 'aWdfZAG1echo', text: 'On regarde', is_echo: true } },
    ] }] };
    const [message, echo] = parseAll(dm);
    expect(message).toMatchObject({ channel: 'instagram', audience: 'private', author: { identity: { kind: 'instagram', value: '1122334455667788' } }, own: false, media: [{ kind: 'video' }] });
    expect(echo).toMatchObject({ channel: 'instagram', own: true });
  });

  it('reads a comment as public, with the username and the media it is on', () => {
    const delivery = { object: 'instagram', entry: [{ id: IG, time: 1772445600, changes: [{ field: 'comments', value: { from: { id: '5566778899', username: 'lea.jardine' }, media: { id: '17887498072083520', media_product_type: 'FEED' }, id: '17865799348089039', text: '@jardinmaison toujours pas de réponse' } }] }] };
    expect(parseOne(delivery)).toEqual({
      kind: 'message',
      channel: 'instagram',
      providerId: '17865799348089039',
      audience: 'public',
      author: { identity: { kind: 'instagram', value: '5566778899' }, handle: 'lea.jardine', displayName: null, followers: null, verified: false },
      own: false,
      text: '@jardinmaison toujours pas de réponse',
      media: [],
      refs: ['17887498072083520'],
      url: null,
      sentAt: new Date('2026-03-02T10:00:00Z'),
      data: { mediaId: '17887498072083520', mediaType: 'FEED', parentId: null },
    });
  });

  it('is ignored when the account has no Instagram connected', () => {
    const delivery = { object: 'instagram', entry: [{ id: IG, time: 1, messaging: [{ sender: { id: '1' }, recipient: { id: IG }, timestamp: 1, message: { mid: 'x', text: 'x' } }] }] };
    expect(parseOne(delivery, { settings: { pageId: PAGE } })).toEqual({ ignored: 'Instagram is not connected on this account (no Instagram account id)' });
  });
});

describe('WhatsApp', () => {
  const contacts = [{ profile: { name: 'Marc Dubois' }, wa_id: '33612345678' }];

  it('reads a text as private, by +wa_id with the profile name, answering the message it quotes', () => {
    expect(parseOne(whatsapp({ contacts, messages: [{ from: '33612345678', id: 'wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUY', timestamp: '1772445600', type: 'text', text: { body: 'Bonjour, ma commande 1042 ?' }, context: { from: '33757001122', id: 'wamid.OURS' } }] }))).toEqual({
      kind: 'message',
      channel: 'whatsapp',
      providerId: 'wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUY',
      audience: 'private',
      author: { identity: { kind: 'whatsapp', value: '+33612345678' }, handle: null, displayName: 'Marc Dubois', followers: null, verified: false },
      own: false,
      text: 'Bonjour, ma commande 1042 ?',
      media: [],
      refs: ['wamid.OURS'],
      url: null,
      sentAt: new Date('2026-03-02T10:00:00Z'),
      data: { phoneNumberId: PHONE, type: 'text' },
    });
  });

  it('reads images, videos, voice notes and documents with their caption, keeping the media id', () => {
    const media = (type: string, part: Record<string, unknown>) => parseOne(whatsapp({ contacts, messages: [{ from: '33612345678', id: `wamid.${type}`, timestamp: '1772445600', type, [type]: part }] }));
    expect(media('image', { caption: 'Le carton', mime_type: 'image/jpeg', sha256: 'Qb8Ykz2Y', id: '1234567890123456' })).toMatchObject({
      text: 'Le carton',
      media: [{ kind: 'photo', url: null, contentType: 'image/jpeg' }],
      data: { type: 'image', media: { id: '1234567890123456', mimeType: 'image/jpeg', sha256: 'Qb8Ykz2Y' } },
    });
    expect(media('video', { mime_type: 'video/mp4', sha256: 'x', id: '22' })).toMatchObject({ text: '', media: [{ kind: 'video', contentType: 'video/mp4' }] });
    expect(media('audio', { mime_type: 'audio/ogg; codecs=opus', sha256: 'x', id: '33', voice: true })).toMatchObject({ media: [{ kind: 'audio', contentType: 'audio/ogg; codecs=opus' }], data: { media: { id: '33' } } });
    expect(media('document', { caption: 'Facture', filename: 'facture-1042.pdf', mime_type: 'application/pdf', sha256: 'x', id: '44' })).toMatchObject({
      text: 'Facture',
      media: [{ kind: 'file', url: null, contentType: 'application/pdf' }],
      data: { media: { id: '44', filename: 'facture-1042.pdf' } },
    });
  });

  it('reads buttons, list answers and locations in words; ignores reactions and unsupported messages', () => {
    const one = (m: Record<string, unknown>) => parseOne(whatsapp({ contacts, messages: [{ from: '33612345678', id: 'wamid.X', timestamp: '1772445600', ...m }] }));
    expect(one({ type: 'button', button: { payload: 'OUI', text: 'Oui, rappelez-moi' } })).toMatchObject({ text: 'Oui, rappelez-moi' });
    expect(one({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Retour produit' } } })).toMatchObject({ text: 'Retour produit' });
    expect(one({ type: 'location', location: { latitude: 48.8566, longitude: 2.3522, name: 'Magasin', address: '1 rue de Rivoli' } })).toMatchObject({ text: 'Magasin, 1 rue de Rivoli (48.8566, 2.3522)', data: { location: { latitude: 48.8566, longitude: 2.3522 } } });
    expect(one({ type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } })).toEqual({ ignored: 'a WhatsApp reaction is not a message to answer' });
    expect(one({ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] })).toEqual({ ignored: 'a WhatsApp unsupported is not a message to answer' });
  });

  it('reads statuses, with the error of a failed one', () => {
    expect(parseOne(whatsapp({ statuses: [{ id: 'wamid.OUT', status: 'read', timestamp: '1772445700', recipient_id: '33612345678' }] }))).toEqual({
      kind: 'status', channel: 'whatsapp', providerId: 'wamid.OUT:read', messageId: 'wamid.OUT', status: 'read', errorCode: null, detail: null, at: new Date('2026-03-02T10:01:40Z'),
    });
    const failed = whatsapp({ statuses: [{ id: 'wamid.OUT', status: 'failed', timestamp: '1772445700', recipient_id: '33612345678', errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } }] }] });
    expect(parseOne(failed)).toMatchObject({ status: 'failed', errorCode: '131047', detail: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' });
  });

  it('is ignored when it is for another number of the business account, or when no number is connected', () => {
    const other = { ...whatsapp({ contacts, messages: [{ from: '33612345678', id: 'wamid.Y', timestamp: '1', type: 'text', text: { body: 'x' } }] }) };
    (other.entry[0]!.changes[0]!.value.metadata as Record<string, string>).phone_number_id = '555';
    expect(parseOne(other)).toEqual({ ignored: `for the WhatsApp number 555, not this account's ${PHONE}` });
    expect(parseOne(whatsapp({ contacts, messages: [{ from: '1', id: 'w', timestamp: '1', type: 'text', text: { body: 'x' } }] }), { settings: { pageId: PAGE } })).toEqual({ ignored: 'WhatsApp is not connected on this account (no phone number id)' });
  });
});

describe('a stored event that cannot be read', () => {
  it('is a ParseError', () => {
    expect(() => parseMetaEvent(Buffer.from('{nope'), account, received)).toThrow(ParseError);
    expect(() => parseMetaEvent(Buffer.from('{"object":"page","entryId":"1"}'), account, received)).toThrow(ParseError);
  });
});

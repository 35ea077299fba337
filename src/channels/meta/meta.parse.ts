// A stored Meta event (meta.batch.ts) read back as the one SocialEvent it is: a Page comment,
// a Messenger or Instagram Direct message, an Instagram comment, a WhatsApp message or a
// WhatsApp delivery status. What is not a customer's message (reactions, reads without a
// message id, comment edits and removals, a template's review) is ignored with the reason:
// the row stays stored, and an edit does not rewrite what the agent already read.
import { ParseError, type AccountRow } from '../connector.ts';
import type { SocialAuthor, SocialEvent, SocialMedia, SocialMessage, SocialStatus } from '../social/social.types.ts';
import type { MetaEvent } from './meta.batch.ts';
import { metaSettingsOf, type MetaSettings } from './meta.settings.ts';

export interface Ignored {
  ignored: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const ignore = (reason: string): Ignored => ({ ignored: reason });

/** Meta gives times in seconds or milliseconds, as numbers or numeric strings (WhatsApp), or ISO text. */
export function metaTime(value: unknown, fallback: Date): Date {
  if (typeof value === 'string' && /^\d+$/.test(value)) return metaTime(Number(value), fallback);
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value > 1e12 ? value : value * 1000);
  if (typeof value === 'string') {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return fallback;
}

const unique = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];

function author(kind: SocialAuthor['identity']['kind'], value: string, more: Partial<Omit<SocialAuthor, 'identity'>> = {}): SocialAuthor {
  return { identity: { kind, value }, handle: null, displayName: null, followers: null, verified: false, ...more };
}

// ---------------------------------------------------------------- Messenger and Instagram Direct

const attachmentKinds: Record<string, SocialMedia['kind']> = { image: 'photo', video: 'video', audio: 'audio', file: 'file' };

function messagingMedia(message: Json): SocialMedia[] {
  const media: SocialMedia[] = [];
  for (const a of Array.isArray(message.attachments) ? message.attachments.filter(isObject) : []) {
    const kind = attachmentKinds[str(a.type) ?? ''];
    // Stickers come as images; templates and fallbacks (shared links) carry no file.
    if (kind) media.push({ kind, url: str(obj(a.payload).url), contentType: null });
  }
  return media;
}

function messagingEvent(event: MetaEvent, settings: MetaSettings, receivedAt: Date): SocialEvent | Ignored {
  const item = event.messaging!;
  const instagram = event.object === 'instagram';
  const channel = instagram ? 'instagram' : 'messenger';
  const sender = str(obj(item.sender).id);
  const at = metaTime(item.timestamp, receivedAt);
  if (isObject(item.delivery) || isObject(item.read)) {
    const mid = isObject(item.delivery) ? str((item.delivery.mids as unknown[] | undefined)?.[0]) : str(obj(item.read).mid);
    if (!mid) return ignore('a read receipt without a message id (a watermark): nothing to mark');
    const status: SocialStatus = { kind: 'status', channel, providerId: `${mid}:${isObject(item.delivery) ? 'delivered' : 'read'}`, messageId: mid, status: isObject(item.delivery) ? 'delivered' : 'read', errorCode: null, detail: null, at };
    return status;
  }
  const message = isObject(item.message) ? item.message : null;
  const postback = isObject(item.postback) ? item.postback : null;
  if (!message && !postback) return ignore(`a ${channel} ${Object.keys(item).filter((k) => !['sender', 'recipient', 'timestamp'].includes(k)).join(', ') || 'event'} is not a message`);
  if (!sender) throw new ParseError(`${channel} event without a sender`);
  const mid = str((message ?? postback)!.mid);
  if (!mid) throw new ParseError(`${channel} message without a mid`);
  if (message?.is_deleted === true) return ignore('the customer withdrew (unsent) a message');
  const text = message ? (str(message.text) ?? '') : (str(postback!.title) ?? str(postback!.payload) ?? '');
  const replyTo = str(obj(message?.reply_to).mid);
  const result: SocialMessage = {
    kind: 'message',
    channel,
    providerId: mid,
    audience: 'private',
    author: author(instagram ? 'instagram' : 'facebook', sender),
    // Our own messages come back as echoes (sent by the Page to the customer).
    own: message?.is_echo === true || sender === settings.pageId || (instagram && sender === settings.instagramId),
    text,
    media: message ? messagingMedia(message) : [],
    refs: unique([replyTo]),
    url: null,
    sentAt: at,
    data: {
      ...(postback ? { postback: str(postback.payload) } : {}),
      ...(str(obj(message?.quick_reply).payload) ? { quickReply: str(obj(message?.quick_reply).payload) } : {}),
      ...(isObject(obj(message?.reply_to).story) ? { story: obj(obj(message?.reply_to).story).url ?? null } : {}),
      ...(event.standby ? { standby: true } : {}),
    },
  };
  return result;
}

// ---------------------------------------------------------------- Page and Instagram comments

function pageComment(event: MetaEvent, settings: MetaSettings, receivedAt: Date): SocialEvent | Ignored {
  const value = event.change!.value;
  if (value.item !== 'comment') return ignore(`a Page ${str(value.item) ?? 'feed'} ${str(value.verb) ?? 'event'} is not a comment`);
  const verb = str(value.verb) ?? 'add';
  if (verb !== 'add') return ignore(`a comment ${verb === 'remove' ? 'removed' : verb}: the case keeps the comment as it was first written`);
  const commentId = str(value.comment_id);
  const postId = str(value.post_id);
  if (!commentId || !postId) throw new ParseError('Page comment without comment_id or post_id');
  const from = obj(value.from);
  const fromId = str(from.id);
  // Without pages_read_user_content Meta leaves the author out: no one to answer.
  if (!fromId) return ignore('a Page comment whose author Meta did not give (the app needs pages_read_user_content)');
  const parentId = str(value.parent_id);
  const permalink = str(obj(value.post).permalink_url) ?? `https://www.facebook.com/${postId}`;
  const result: SocialMessage = {
    kind: 'message',
    channel: 'facebook',
    providerId: commentId,
    audience: 'public',
    author: author('facebook', fromId, { displayName: str(from.name) }),
    own: fromId === settings.pageId,
    text: str(value.message) ?? '',
    media: str(value.photo) ? [{ kind: 'photo', url: str(value.photo), contentType: null }] : str(value.video) ? [{ kind: 'video', url: str(value.video), contentType: null }] : [],
    refs: unique([parentId, postId]),
    url: `${permalink}${permalink.includes('?') ? '&' : '?'}comment_id=${encodeURIComponent(commentId)}`,
    sentAt: metaTime(value.created_time, metaTime(event.time, receivedAt)),
    // A reply to a reply is answered under the thread's first comment (comments nest two deep).
    data: { postId, parentId: parentId && parentId !== postId ? parentId : null },
  };
  return result;
}

function instagramComment(event: MetaEvent, settings: MetaSettings, receivedAt: Date): SocialEvent | Ignored {
  const value = event.change!.value;
  const id = str(value.id);
  const from = obj(value.from);
  const fromId = str(from.id);
  if (!id || !fromId) throw new ParseError('Instagram comment without id or author');
  const media = obj(value.media);
  const parentId = str(value.parent_id);
  const result: SocialMessage = {
    kind: 'message',
    channel: 'instagram',
    providerId: id,
    audience: 'public',
    author: author('instagram', fromId, { handle: str(from.username) }),
    own: fromId === settings.instagramId,
    text: str(value.text) ?? '',
    media: [],
    refs: unique([parentId, str(media.id)]),
    url: null,
    sentAt: metaTime(event.time, receivedAt),
    data: { mediaId: str(media.id), mediaType: str(media.media_product_type), parentId },
  };
  return result;
}

// ---------------------------------------------------------------- WhatsApp

const whatsappMediaKinds: Record<string, SocialMedia['kind']> = { image: 'photo', sticker: 'photo', video: 'video', audio: 'audio', document: 'file' };

/** What a WhatsApp message says in words, by its type; null: a type that is not a message to answer. */
function whatsappText(m: Json): string | null {
  const type = str(m.type) ?? '';
  const part = obj(m[type]);
  switch (type) {
    case 'text':
      return str(part.body) ?? '';
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker':
      return str(part.caption) ?? '';
    case 'button':
      return str(part.text) ?? str(part.payload) ?? '';
    case 'interactive':
      return str(obj(part.button_reply).title) ?? str(obj(part.list_reply).title) ?? '';
    case 'location': {
      const place = [str(part.name), str(part.address)].filter(Boolean).join(', ');
      return `${place ? `${place} ` : ''}(${String(part.latitude)}, ${String(part.longitude)})`;
    }
    default:
      return null;
  }
}

function whatsappMessage(value: Json, settings: MetaSettings, receivedAt: Date): SocialEvent | Ignored {
  const m = obj((value.messages as unknown[])[0]);
  const id = str(m.id);
  const from = str(m.from);
  if (!id || !from) throw new ParseError('WhatsApp message without id or sender');
  const type = str(m.type) ?? 'unknown';
  const text = whatsappText(m);
  if (text === null) return ignore(`a WhatsApp ${type} is not a message to answer`);
  const mediaKind = whatsappMediaKinds[type];
  const part = obj(m[type]);
  const contact = obj((Array.isArray(value.contacts) ? value.contacts : [])[0]);
  const context = obj(m.context);
  const result: SocialMessage = {
    kind: 'message',
    channel: 'whatsapp',
    providerId: id,
    audience: 'private',
    author: author('whatsapp', `+${from.replace(/^\+/, '')}`, { displayName: str(obj(contact.profile).name) }),
    own: false,
    text,
    // The file is fetched by its id (GET /{media-id} with the token): there is no public URL.
    media: mediaKind ? [{ kind: mediaKind, url: null, contentType: str(part.mime_type) }] : [],
    refs: unique([str(context.id)]),
    url: null,
    sentAt: metaTime(m.timestamp, receivedAt),
    data: {
      phoneNumberId: str(obj(value.metadata).phone_number_id) ?? settings.whatsappPhoneNumberId ?? null,
      type,
      ...(mediaKind ? { media: { id: str(part.id), mimeType: str(part.mime_type), sha256: str(part.sha256), ...(str(part.filename) ? { filename: str(part.filename) } : {}) } } : {}),
      ...(type === 'location' ? { location: { latitude: part.latitude, longitude: part.longitude } } : {}),
      ...(context.forwarded === true || context.frequently_forwarded === true ? { forwarded: true } : {}),
      ...(isObject(m.referral) ? { referral: { sourceUrl: str(m.referral.source_url), headline: str(m.referral.headline) } } : {}),
    },
  };
  return result;
}

const whatsappStatuses = new Set(['sent', 'delivered', 'read', 'failed']);

function whatsappStatus(value: Json, receivedAt: Date): SocialEvent | Ignored {
  const s = obj((value.statuses as unknown[])[0]);
  const id = str(s.id);
  const status = str(s.status) ?? '';
  if (!id) throw new ParseError('WhatsApp status without the message id');
  if (!whatsappStatuses.has(status)) return ignore(`a WhatsApp status "${status}" we do not track`);
  const error = obj((Array.isArray(s.errors) ? s.errors : [])[0]);
  const result: SocialStatus = {
    kind: 'status',
    channel: 'whatsapp',
    providerId: `${id}:${status}`,
    messageId: id,
    status: status as SocialStatus['status'],
    errorCode: str(error.code),
    detail: str(obj(error.error_data).details) ?? str(error.message) ?? str(error.title),
    at: metaTime(s.timestamp, receivedAt),
  };
  return result;
}

// ---------------------------------------------------------------- the event

/** Parses one stored event; an event that is not for this account (another Page of the same app) is ignored. */
export function parseMetaEvent(raw: Buffer, account: Pick<AccountRow, 'settings'>, receivedAt: Date): SocialEvent | Ignored {
  let event: MetaEvent;
  try {
    event = JSON.parse(raw.toString('utf8')) as MetaEvent;
  } catch (error) {
    throw new ParseError('the stored Meta event is not JSON', { cause: error });
  }
  if (!isObject(event) || (!isObject(event.messaging) && !isObject(event.change))) throw new ParseError('the stored Meta event has neither a messaging item nor a change');
  const settings = metaSettingsOf(account.settings);
  switch (event.object) {
    case 'page':
      if (event.entryId !== settings.pageId) return ignore(`for the Page ${event.entryId}, not this account's Page ${settings.pageId}`);
      if (event.messaging) return messagingEvent(event, settings, receivedAt);
      if (event.change!.field === 'feed') return pageComment(event, settings, receivedAt);
      return ignore(`a Page ${event.change!.field} change`);
    case 'instagram':
      if (!settings.instagramId) return ignore('Instagram is not connected on this account (no Instagram account id)');
      if (event.entryId !== settings.instagramId) return ignore(`for the Instagram account ${event.entryId}, not this account's ${settings.instagramId}`);
      if (event.messaging) return messagingEvent(event, settings, receivedAt);
      if (event.change!.field === 'comments') return instagramComment(event, settings, receivedAt);
      return ignore(`an Instagram ${event.change!.field} change`);
    case 'whatsapp_business_account': {
      const value = event.change?.value ?? {};
      if (event.change?.field !== 'messages') return ignore(`a WhatsApp ${event.change?.field ?? 'messaging'} change (not a message)`);
      const number = str(obj(value.metadata).phone_number_id);
      if (!settings.whatsappPhoneNumberId) return ignore('WhatsApp is not connected on this account (no phone number id)');
      if (number !== settings.whatsappPhoneNumberId) return ignore(`for the WhatsApp number ${number}, not this account's ${settings.whatsappPhoneNumberId}`);
      if (Array.isArray(value.messages) && value.messages.length) return whatsappMessage(value, settings, receivedAt);
      if (Array.isArray(value.statuses) && value.statuses.length) return whatsappStatus(value, receivedAt);
      return ignore(Array.isArray(value.errors) ? `WhatsApp reports an error: ${JSON.stringify(value.errors).slice(0, 300)}` : 'a WhatsApp change with no message or status');
    }
    default:
      throw new ParseError(`an event for the unknown object ${String((event as { object?: unknown }).object)}`);
  }
}

export const isIgnored = (x: SocialEvent | Ignored): x is Ignored => 'ignored' in x;

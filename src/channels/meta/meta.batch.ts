// A webhook delivery from Meta, split into the events it carries: one stored row each, keyed by
// the event's own id so a delivery retried (Meta retries for up to 36 hours, and batches up to
// 1,000 updates differently each time) stores each event once. Each event is kept as
// self-contained JSON — the object, its entry and the one item — so it is read alone later.
import type { Received } from '../inbound/inbound.store.ts';

export const metaObjects = ['page', 'instagram', 'whatsapp_business_account'] as const;
export type MetaObject = (typeof metaObjects)[number];

type Json = Record<string, unknown>;

/** One event as stored: a messaging item (Messenger, Instagram Direct) or one change (a comment, one WhatsApp message or status). */
export interface MetaEvent {
  object: MetaObject;
  /** The Page, Instagram account or WhatsApp Business account the entry is for. */
  entryId: string;
  /** The entry's time as Meta gave it (milliseconds for messaging, seconds for changes). */
  time: number | null;
  messaging?: Json;
  /** Delivered under `standby` (another app of the Page had the conversation's control). */
  standby?: true;
  change?: { field: string; value: Json };
}

export interface SplitEvent {
  /** The event's own id, or null when it has none (its bytes' digest then stands for it). */
  providerId: string | null;
  event: MetaEvent;
  /** What the admin's list of received messages shows of it. */
  kind: string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);

/** A messaging item's events: a message, a postback, or one per message a delivery receipt names. */
function messagingEvents(base: Omit<MetaEvent, 'messaging'>, item: Json): SplitEvent[] {
  const message = isObject(item.message) ? item.message : null;
  if (message) {
    const echo = message.is_echo === true;
    return [{ providerId: str(message.mid), event: { ...base, messaging: item }, kind: echo ? 'echo' : 'message' }];
  }
  if (isObject(item.postback)) return [{ providerId: str(item.postback.mid), event: { ...base, messaging: item }, kind: 'postback' }];
  const delivery = item.delivery;
  if (isObject(delivery)) {
    const mids = Array.isArray(delivery.mids) ? delivery.mids.filter((m): m is string => typeof m === 'string') : [];
    if (mids.length) return mids.map((mid) => ({ providerId: `${mid}:delivered`, event: { ...base, messaging: { ...item, delivery: { ...delivery, mids: [mid] } } }, kind: 'delivery' }));
  }
  if (isObject(item.read) && str(item.read.mid)) return [{ providerId: `${str(item.read.mid)}:read`, event: { ...base, messaging: item }, kind: 'read' }];
  // Reactions, watermark-only reads, referrals, opt-ins: kept, and ignored when read.
  return [{ providerId: null, event: { ...base, messaging: item }, kind: Object.keys(item).find((k) => !['sender', 'recipient', 'timestamp'].includes(k)) ?? 'other' }];
}

/** One WhatsApp change value, one event per message and per status, each with what it needs of the value. */
function whatsappEvents(base: Omit<MetaEvent, 'change'>, field: string, value: Json): SplitEvent[] {
  const { messages, statuses, contacts, ...rest } = value;
  const out: SplitEvent[] = [];
  for (const m of list(messages)) {
    const contact = list(contacts).filter((c) => c.wa_id === m.from);
    out.push({ providerId: str(m.id), event: { ...base, change: { field, value: { ...rest, contacts: contact, messages: [m] } } }, kind: 'message' });
  }
  for (const s of list(statuses)) {
    const id = str(s.id);
    out.push({ providerId: id && str(s.status) ? `${id}:${str(s.status)}` : null, event: { ...base, change: { field, value: { ...rest, statuses: [s] } } }, kind: 'status' });
  }
  // A change with neither (an error report, a template's review, a number's quality): kept as it came.
  if (out.length === 0) out.push({ providerId: null, event: { ...base, change: { field, value } }, kind: field });
  return out;
}

function changeEvents(object: MetaObject, base: Omit<MetaEvent, 'change'>, change: Json): SplitEvent[] {
  const field = str(change.field) ?? 'unknown';
  const value = isObject(change.value) ? change.value : {};
  if (object === 'whatsapp_business_account' && field === 'messages') return whatsappEvents(base, field, value);
  const event = { ...base, change: { field, value } };
  if (object === 'page' && field === 'feed' && value.item === 'comment') {
    // Added, edited, removed: each verb of a comment is its own event.
    const id = str(value.comment_id);
    return [{ providerId: id ? `${id}:${str(value.verb) ?? 'add'}` : null, event, kind: `comment_${str(value.verb) ?? 'add'}` }];
  }
  if (object === 'instagram' && field === 'comments') return [{ providerId: str(value.id), event, kind: 'comment' }];
  return [{ providerId: null, event, kind: field }];
}

/** The events of a delivery, in its order; an object this connector does not know gives none. */
export function splitDelivery(body: unknown): SplitEvent[] {
  if (!isObject(body) || !metaObjects.includes(body.object as MetaObject)) return [];
  const object = body.object as MetaObject;
  const events: SplitEvent[] = [];
  for (const entry of list(body.entry)) {
    const base = { object, entryId: str(entry.id) ?? '', time: typeof entry.time === 'number' ? entry.time : null };
    for (const item of list(entry.messaging)) events.push(...messagingEvents(base, item));
    for (const item of list(entry.standby)) events.push(...messagingEvents({ ...base, standby: true }, item));
    for (const change of list(entry.changes)) events.push(...changeEvents(object, base, change));
  }
  return events;
}

/** The rows to store for a delivery to this account. */
export function deliveryRows(accountId: string, body: unknown): Received[] {
  return splitDelivery(body).map(({ providerId, event, kind }) => ({
    accountId,
    channel: 'meta',
    providerId,
    raw: Buffer.from(JSON.stringify(event)),
    summary: { object: event.object, kind },
  }));
}

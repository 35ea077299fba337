// What the social and messaging connectors (X, Meta's Facebook/Messenger/Instagram/WhatsApp,
// SMS, marketplaces) hand the shared social pipeline (social.process.ts), and what the
// delivery job hands them to send. A connector's webhook checks the signature, splits a batch
// into one stored row per event (inbound.store.ts `storeInboundBatch`, keyed by the event's
// provider id so a retried delivery is stored once), and its `process` turns a stored row back
// into one SocialEvent for `processSocialEvent`. Nothing here knows a network's payloads.
import type { Channel } from '../../modules/cases/cases.contract.ts';
import type { IdentityKind } from '../../modules/customers/customers.contract.ts';
import type { AccountRow } from '../connector.ts';

/** Who wrote, as the network knows them. */
export interface SocialAuthor {
  /**
   * The identity the customer is found by: x → the X user id; facebook, messenger → the
   * page-scoped id (PSID); instagram → the Instagram-scoped id; whatsapp → the wa_id as E.164
   * (kind `whatsapp`); sms → the number in E.164 (kind `phone`); marketplace → `external`
   * with the marketplace's buyer id.
   */
  identity: { kind: IdentityKind; value: string };
  /** The public handle without @ (X screen name, Instagram username), when there is one. */
  handle: string | null;
  displayName: string | null;
  /** The author's audience (followers), when the network says: it weighs on triage. */
  followers: number | null;
  verified: boolean;
}

export interface SocialMedia {
  kind: 'photo' | 'video' | 'audio' | 'file';
  /** Where the file can be fetched (Twilio MMS, WhatsApp media url), or null when only described. */
  url: string | null;
  contentType: string | null;
}

/** A message from the network: a public post or comment, or a private message. */
export interface SocialMessage {
  kind: 'message';
  /** The case channel it belongs to (an account of channel `meta` carries four). */
  channel: Channel;
  /** The network's id of this message (tweet id, DM event id, mid, comment id, wamid, MessageSid). */
  providerId: string;
  /** Seen by everyone (a tweet, a page comment) or by us only (a DM, a WhatsApp message, an SMS). */
  audience: 'public' | 'private';
  author: SocialAuthor;
  /** Written by our own account (an echo, our reply coming back): dropped, or replies loop. */
  own: boolean;
  text: string;
  media: SocialMedia[];
  /** The network ids it answers (the tweet replied to, the parent comment, the post), nearest first. */
  refs: string[];
  /** Where to see it on the network (public posts), or null. */
  url: string | null;
  sentAt: Date;
  /** What else is worth keeping on the message (post id, conversation id, a marketplace's order reference). */
  data: Record<string, unknown>;
  /** The order it is about, when the network says (a marketplace conversation): a new case records it. */
  orderRef?: string | null;
}

/** What the network says of a message we sent (WhatsApp statuses, Twilio callbacks). */
export interface SocialStatus {
  kind: 'status';
  channel: Channel;
  /** This status event's own id (for storing it once): e.g. `${messageId}:${status}`. */
  providerId: string;
  /** The provider id of the message we sent (what the delivery recorded). */
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  errorCode: string | null;
  detail: string | null;
  at: Date;
}

export type SocialEvent = SocialMessage | SocialStatus;

/** The customer's message an answer goes back to, as the pipeline recorded it. */
export interface SocialReplyTarget {
  /** The network id of that message (tweet, comment, wamid). */
  providerId: string;
  audience: 'public' | 'private';
  /** Its `data` as the connector gave it (post id, conversation id…). */
  data: Record<string, unknown>;
  sentAt: Date;
}

/** One message to send, as the delivery job hands it to a connector's `send`. */
export interface SocialOutbound {
  account: AccountRow;
  /** The account's secrets, opened. */
  secrets: Record<string, string>;
  channel: Channel;
  /** The customer's id on the network (the identity value of SocialAuthor). */
  recipient: string;
  /** A public reply (under the tweet or comment answered) or a private message. */
  audience: 'public' | 'private';
  text: string;
  /** The customer's latest message on this channel: what a public reply answers, what opens the 24-hour windows. */
  replyTo: SocialReplyTarget | null;
  /** A WhatsApp template chosen by the agent (outside the 24-hour window only templates go). */
  template: { name: string; language: string; variables: string[] } | null;
  now: Date;
}

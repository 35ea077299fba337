// What a channel connector (src/channels/<channel>/) gives the platform: how to check an
// account's settings and secrets, how to turn a stored raw message into the common inbound
// message every channel shares, and, for connectors that listen or poll, what to start.
import type { z } from 'zod';
import type { Ctx, Services } from '../context.ts';
import type { Language } from '../platform/i18n/i18n.ts';
import type { channelAccount } from './accounts/accounts.schema.ts';
import type { SocialOutbound } from './social/social.types.ts';

export type AccountRow = typeof channelAccount.$inferSelect;

/** Where an account's new cases go: its brand (else the only one), store and team queue. */
export function caseRoutingOf(account: Pick<AccountRow, 'brandId' | 'storeId' | 'teamId'>) {
  return { brandId: account.brandId ?? undefined, storeId: account.storeId ?? undefined, teamId: account.teamId ?? undefined };
}

export interface InboundAttachment {
  filename: string;
  /** As the sender declared it; the attachments service checks the bytes. */
  contentType: string;
  content: Buffer;
  /** An image shown in the body (cid:), not a file the customer meant to send. */
  inline: boolean;
}

/** The one shape every channel's messages take before they reach a case. */
export interface CommonInbound {
  /** Who wrote. The e-mail or phone is what identifies the customer. */
  from: { email?: string; phone?: string; displayName?: string };
  subject: string | null;
  /** The visible text, quoted history and signature folded away. */
  text: string;
  /** The part folded away (earlier messages quoted below, the signature), kept for agents. */
  folded: string | null;
  /** Sanitised HTML (no script, no tracker), or null. */
  html: string | null;
  attachments: InboundAttachment[];
  thread: {
    /** A case number the message names (in its subject). */
    caseNumber: string | null;
    /** Provider ids it answers (In-Reply-To, then References, nearest first). */
    refs: string[];
  };
  /** This message's own provider ids, recorded so that answers to it find its case. */
  ownRefs: string[];
  /** Why no automatic answer may go back (RFC 3834: auto-submitted, bulk, list, null sender…), or null. */
  noAutoReply: string | null;
  /** A delivery failure report: the message it reports on, and why it failed. */
  bounce: { refs: string[]; reason: string } | null;
  /** What was noticed and done (`scripts_removed`, `charset_repaired`, `spoofed_sender`…), for agents. */
  flags: string[];
  /** Who it was addressed to, as the customer wrote it (for the account's own-address check). */
  to: string[];
}

/**
 * How processing a stored inbound row ended (written on the row by the inbound job). A processed
 * row names its case and event when it made one (a telephony event may only ring a screen).
 */
export type InboundOutcome =
  | { state: 'processed'; caseId: string | null; eventId: string | null; detail: string | null }
  | { state: 'ignored' | 'failed'; detail: string; caseId?: string | null };

/** A stored inbound row, as a connector that handles its own rows receives it. */
export interface StoredInbound {
  id: string;
  raw: Buffer;
  receivedAt: Date;
  account: AccountRow;
}

export interface Connector<S = Record<string, unknown>, K = Record<string, string>> {
  channel: string;
  /** Account settings (not secret) and secrets, checked on create and update. */
  settings: z.ZodType<S>;
  secrets: z.ZodType<K>;
  /** Raw stored bytes → the common message. Throwing a ParseError stores the reason and flags the message. */
  normalise?(raw: Buffer, account: AccountRow): Promise<CommonInbound>;
  /**
   * For what arrives that is not an e-mail thread (a telephony system's call events, a live
   * chat conversation): the connector handles its stored row itself, inside the inbound job's
   * transaction with the row locked, and says how it ended. Used instead of `normalise`.
   */
  process?(ctx: Ctx, row: StoredInbound): Promise<InboundOutcome>;
  /**
   * The admin's connection test: checks for real what this account needs to work (an IMAP
   * login, the SMTP relay, the provider's API, or what can only be looked at: allowed origins,
   * a webhook secret), each check said in `lang`. Never changes the account.
   */
  checkConnection?(ctx: Ctx, account: AccountRow, secrets: K, lang: Language): Promise<ConnectionCheck[]>;
  /**
   * Sends one message on a social or messaging network (a public reply, a private message, a
   * template), for the delivery job; returns the network's id of what was sent. Failures are
   * ProviderErrors (provider-errors.ts): a rate limit is `temporary` with `retryAt`, a message
   * the network's rules refuse (a closed 24-hour window) is `rejected` with the reason in words.
   */
  send?(ctx: Ctx, out: SocialOutbound): Promise<{ providerId: string }>;
  /** Listeners and pollers this connector runs in a worker (IMAP) or a web process (SMTP), stopped on shutdown. */
  start?(services: Services, role: 'web' | 'worker'): Promise<{ stop(): Promise<void> } | null>;
}

/** One thing a connection test looked at: a stable name, its label and what was found, in the admin's language. */
export interface ConnectionCheck {
  name: string;
  label: string;
  ok: boolean;
  detail: string;
}

/** A message that cannot be read as its channel's format; it is kept, flagged, never lost. */
export class ParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParseError';
  }
}

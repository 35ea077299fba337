// An inbound SMS or MMS as Twilio posted it (the form body stored raw) → the one SocialEvent
// the social pipeline takes: a private message from the sender's number (E.164, the
// customer's `phone` identity), its text, and the MMS files as Twilio lists them
// (MediaUrl{N}, MediaContentType{N}). Pure: the files are fetched by mms-media.ts.
import { z } from 'zod';
import { normalisePhone } from '../../modules/customers/identities.ts';
import { ParseError } from '../connector.ts';
import type { SocialMedia, SocialMessage } from '../social/social.types.ts';
import { parseTwilioForm } from './twilio-request.ts';

/** The fields we read; Twilio sends more (FromCity, SmsStatus…), and new ones without notice. */
export const inboundSmsFields = z
  .object({
    MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'a Twilio message SID'),
    AccountSid: z.string().max(40).optional(),
    From: z.string().min(1).max(40),
    To: z.string().min(1).max(40),
    Body: z.string().max(20_000).optional(),
    NumMedia: z.string().regex(/^\d{1,2}$/).optional(),
    /** Set by Advanced Opt-Out when the message matched one of its lists: STOP, START or HELP. */
    OptOutType: z.string().max(20).optional(),
  })
  .loose();
export type InboundSmsFields = z.infer<typeof inboundSmsFields>;

/** Twilio's MMS limit is ten files. */
const MAX_MEDIA = 10;

function mediaKind(contentType: string | null): SocialMedia['kind'] {
  const major = contentType?.split('/')[0]?.toLowerCase();
  return major === 'image' ? 'photo' : major === 'video' ? 'video' : major === 'audio' ? 'audio' : 'file';
}

/** The fields of a stored inbound SMS, each with its single value (Twilio never repeats them). */
export function readInboundSms(raw: Buffer): InboundSmsFields & Record<string, string> {
  const fields = parseTwilioForm(raw.toString('utf8'));
  const single = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : v]));
  const parsed = inboundSmsFields.safeParse(single);
  if (!parsed.success) throw new ParseError(`not a Twilio inbound message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as InboundSmsFields & Record<string, string>;
}

export function mediaOf(fields: Record<string, string>): SocialMedia[] {
  const count = Math.min(Number(fields.NumMedia ?? 0), MAX_MEDIA);
  const media: SocialMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = fields[`MediaUrl${i}`];
    const contentType = fields[`MediaContentType${i}`] ?? null;
    if (url || contentType) media.push({ kind: mediaKind(contentType), url: url ?? null, contentType });
  }
  return media;
}

/**
 * The message, or a ParseError for what cannot be one: a body that is not Twilio's, or a sender
 * that is not a phone number (a short code or an alphanumeric sender id cannot be answered).
 * Twilio does not date an inbound SMS: it is dated when it reached us.
 */
export function parseInboundSms(raw: Buffer, receivedAt: Date, options: SmsParseOptions): SocialMessage {
  return smsFromFields(readInboundSms(raw), receivedAt, options);
}

export interface SmsParseOptions {
  /** For a sender written as a national number. */
  defaultCountry: string;
  /** The account's number: an SMS from it is ours coming back. */
  ownNumber: string;
}

export function smsFromFields(fields: InboundSmsFields & Record<string, string>, receivedAt: Date, options: SmsParseOptions): SocialMessage {
  const phone = normalisePhone(fields.From, options.defaultCountry);
  if (!phone) throw new ParseError(`the sender ${fields.From} is not a phone number we can answer`);
  return {
    kind: 'message',
    channel: 'sms',
    providerId: fields.MessageSid,
    audience: 'private',
    author: { identity: { kind: 'phone', value: phone }, handle: null, displayName: null, followers: null, verified: false },
    own: phone === normalisePhone(options.ownNumber, options.defaultCountry),
    text: fields.Body ?? '',
    media: mediaOf(fields),
    refs: [],
    url: null,
    sentAt: receivedAt,
    data: { messageSid: fields.MessageSid, to: fields.To },
  };
}

// The outbound channels' part of the configuration: how e-mail leaves (an SMTP relay, or .eml
// files in a folder), the Twilio account SMS go through, and the quiet hours SMS respect.
// Kept apart from config.ts so each file answers one question; config.ts parses the
// environment once with both schemas.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** "Name <address>" or a bare address: what a From header holds. */
const mailbox = z
  .string()
  .trim()
  .refine((v) => z.email().safeParse(/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v).success, 'must be an address or "Name <address>"');

const quietHours = z
  .string()
  .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM-HH:MM (e.g. 21:00-08:00) or off');

export const outboundEnv = {
  COMPTOIR_SMTP_URL: z
    .string()
    .regex(/^(smtps?:\/\/[^/\s]+\/?(\?\S*)?|file:\/\/\/\S+)$/, 'must be smtp://user:pass@host:port, smtps://… or file:///folder')
    .optional(),
  COMPTOIR_MAIL_FROM: mailbox.optional(),
  COMPTOIR_TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hexadecimal digits').optional(),
  COMPTOIR_TWILIO_AUTH_TOKEN: z.string().min(16, 'must be the account’s auth token').optional(),
  // E.164, or an alphanumeric sender id (allowed in France, up to 11 characters).
  COMPTOIR_TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/, 'must be an E.164 number (+33…) or an alphanumeric sender id of up to 11 characters')
    .optional(),
  COMPTOIR_TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hexadecimal digits').optional(),
  COMPTOIR_TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  COMPTOIR_QUIET_HOURS: quietHours.default('21:00-08:00'),
};

type OutboundEnv = z.infer<z.ZodObject<typeof outboundEnv>>;

export type MailTransportConfig = { kind: 'smtp'; url: string } | { kind: 'file'; dir: string };

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A number or sender id; null when a messaging service chooses the sender. */
  from: string | null;
  messagingServiceSid: string | null;
  apiUrl: string;
}

export interface OutboundConfig {
  mail: { transport: MailTransportConfig; from: string };
  sms: {
    /** Null: no SMS provider configured; SMS deliveries fail and say so. */
    twilio: TwilioConfig | null;
    /** Minutes after local midnight in COMPTOIR_TIMEZONE; null when turned off. */
    quietHours: { from: number; to: number } | null;
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Builds the outbound configuration, adding what is wrong to `problems`. */
export function outboundConfig(e: OutboundEnv, production: boolean, dataDir: string, problems: string[]): OutboundConfig {
  // Production must say where mail goes: a silent default would lose every customer message.
  if (production && !e.COMPTOIR_SMTP_URL) problems.push('COMPTOIR_SMTP_URL: required in production (smtp://user:pass@relay:587, smtps://…, or file:///folder)');
  if (production && !e.COMPTOIR_MAIL_FROM) problems.push('COMPTOIR_MAIL_FROM: required in production (e.g. "SAV Jardin & Maison <sav@jardin-maison.fr>")');

  const twilioSet = [e.COMPTOIR_TWILIO_ACCOUNT_SID, e.COMPTOIR_TWILIO_AUTH_TOKEN, e.COMPTOIR_TWILIO_FROM, e.COMPTOIR_TWILIO_MESSAGING_SERVICE_SID].some(Boolean);
  if (twilioSet) {
    if (!e.COMPTOIR_TWILIO_ACCOUNT_SID) problems.push('COMPTOIR_TWILIO_ACCOUNT_SID: required when another COMPTOIR_TWILIO_* variable is set');
    if (!e.COMPTOIR_TWILIO_AUTH_TOKEN) problems.push('COMPTOIR_TWILIO_AUTH_TOKEN: required when COMPTOIR_TWILIO_ACCOUNT_SID is set');
    if (!e.COMPTOIR_TWILIO_FROM && !e.COMPTOIR_TWILIO_MESSAGING_SERVICE_SID) {
      problems.push('COMPTOIR_TWILIO_FROM: set it or COMPTOIR_TWILIO_MESSAGING_SERVICE_SID, so SMS have a sender');
    }
  }

  // Outside production, mail lands as .eml files in the data folder: `npm start` works without a relay.
  const url = e.COMPTOIR_SMTP_URL;
  const transport: MailTransportConfig = !url
    ? { kind: 'file', dir: join(dataDir, 'outbox') }
    : url.startsWith('file:')
      ? { kind: 'file', dir: fileURLToPath(url) }
      : { kind: 'smtp', url };
  const [from, to] = e.COMPTOIR_QUIET_HOURS === 'off' ? [] : e.COMPTOIR_QUIET_HOURS.split('-');
  return {
    mail: { transport, from: e.COMPTOIR_MAIL_FROM ?? 'Comptoir SAV <sav@localhost>' },
    sms: {
      twilio:
        e.COMPTOIR_TWILIO_ACCOUNT_SID && e.COMPTOIR_TWILIO_AUTH_TOKEN
          ? {
              accountSid: e.COMPTOIR_TWILIO_ACCOUNT_SID,
              authToken: e.COMPTOIR_TWILIO_AUTH_TOKEN,
              from: e.COMPTOIR_TWILIO_FROM ?? null,
              messagingServiceSid: e.COMPTOIR_TWILIO_MESSAGING_SERVICE_SID ?? null,
              apiUrl: e.COMPTOIR_TWILIO_API_URL.replace(/\/+$/, ''),
            }
          : null,
      quietHours: from && to ? { from: minutes(from), to: minutes(to) } : null,
    },
  };
}

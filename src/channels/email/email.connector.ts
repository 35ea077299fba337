// The e-mail connector: a mailbox address that Comptoir receives mail for — by SMTP, from a
// relay forwarding to us (smtp-inbound.ts), and/or by reading an IMAP mailbox (imap-poller.ts).
import { z } from 'zod';
import type { Connector } from '../connector.ts';
import { parseEmail } from './inbound/parse.ts';

export const emailSettings = z.strictObject({
  /** Read this IMAP mailbox too (a mailbox hosted elsewhere: Gmail, Microsoft 365, OVH…). */
  imap: z
    .strictObject({
      host: z.string().trim().min(1).max(255),
      port: z.number().int().min(1).max(65535).default(993),
      secure: z.boolean().default(true),
      user: z.string().trim().min(1).max(320),
      folder: z.string().trim().min(1).max(200).default('INBOX'),
    })
    .optional(),
});
export type EmailSettings = z.infer<typeof emailSettings>;

export const emailSecrets = z.strictObject({ imapPassword: z.string().min(1).max(1000).optional() });
export type EmailSecrets = z.infer<typeof emailSecrets>;

export const emailConnector: Connector<EmailSettings, EmailSecrets> = {
  channel: 'email',
  settings: emailSettings,
  secrets: emailSecrets,
  normalise: (raw) => parseEmail(raw),
};

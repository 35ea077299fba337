// An e-mail account's settings and secrets, as the accounts API checks them. Only zod here:
// the admin screens validate the same shapes before sending them.
import { z } from 'zod';

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

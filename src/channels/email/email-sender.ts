// Outbound e-mail: nodemailer over SMTP (smtp:// or smtps://), or .eml files written to a
// folder (file:///…) so a laptop without a relay still shows what customers would receive.
// Every message carries our own Message-ID (threading the customer's answer back to the case)
// and X-Auto-Response-Suppress: All (no out-of-office replies back to us); automatic
// messages also say Auto-Submitted: auto-replied (RFC 3834), so well-behaved systems never
// answer them automatically and no loop starts.
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransportConfig } from '../../platform/config-outbound.ts';
import { EmlWriter } from './eml-writer.ts';
import { addressOf, mimeText } from './mime.ts';
import { smtpError } from './smtp-errors.ts';

/** A file sent with a message (a reply's photos, a return label). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  attachments?: EmailAttachment[];
  html: string;
  /** Without angle brackets: "0193…@jardin-maison.fr". */
  messageId: string;
  /** Acknowledgments, step news, SLA mails: sent by the system, not written by a person. */
  automatic: boolean;
  /** The customer's Message-ID this answers, and the thread's References (oldest first). */
  inReplyTo?: string | null;
  references?: string[];
}

export interface EmailSender {
  /** Sends, or throws a ProviderError; resolves with the Message-ID as the provider id. */
  send(mail: OutgoingEmail): Promise<{ providerId: string }>;
  /** Closes pooled connections (at shutdown). */
  close(): void;
}

/** The domain our Message-IDs end with: the sender's. */
export function messageIdDomain(from: string): string {
  return addressOf(from).split('@').pop()!.trim().toLowerCase();
}

export function createEmailSender(config: { transport: MailTransportConfig; from: string }): EmailSender {
  const { transport } = config;
  // Composed here (mime.ts), not by nodemailer: the same bytes go to the folder or the relay.
  const compose = (mail: OutgoingEmail): string =>
    mimeText({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      attachments: mail.attachments,
      headers: {
        'X-Auto-Response-Suppress': 'All',
        ...(mail.automatic ? { 'Auto-Submitted': 'auto-replied' } : {}),
      },
    });
  const sender = addressOf(config.from);

  if (transport.kind === 'file') {
    const folder = new EmlWriter();
    return {
      async send(mail) {
        try {
          await folder.write(join(transport.dir, `${mail.messageId.replace(/[^\w.-]/g, '_')}.eml`), compose(mail));
          return { providerId: mail.messageId };
        } catch (error) {
          throw smtpError(error);
        }
      },
      close() {
        void folder.close();
      },
    };
  }

  // A few pooled connections: opening one costs about 110 ms here (measured on loopback),
  // which was most of an acknowledgment's latency; a connection the relay closed is dropped
  // from the pool and replaced. Timeouts well inside the delivery job's lease, so a relay that
  // hangs is a temporary failure, not a job presumed dead.
  const smtp = nodemailer.createTransport({
    url: transport.url,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      try {
        await smtp.sendMail({ envelope: { from: sender, to: [addressOf(mail.to)] }, raw: compose(mail) });
        return { providerId: mail.messageId };
      } catch (error) {
        throw smtpError(error);
      }
    },
    close() {
      smtp.close();
    },
  };
}

// The inbound channels' part of the configuration: the SMTP server mail relays forward to,
// how big a message may be, and how e-mail threads and reopens cases. Parsed by config.ts
// with the rest of the environment.
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const inboundEnv = {
  /** 0 turns the SMTP server off. */
  COMPTOIR_SMTP_INBOUND_PORT: int(0, 65535).default(2525),
  COMPTOIR_SMTP_INBOUND_HOST: z.string().min(1).default('0.0.0.0'),
  /** 25 MB of attachments take about 34 MB once base64-encoded. */
  COMPTOIR_EMAIL_MAX_BYTES: int(64 * 1024, 200 * 1024 * 1024).default(40 * 1024 * 1024),
  COMPTOIR_EMAIL_THREAD_WINDOW_DAYS: int(0, 365).default(14),
  COMPTOIR_REOPEN_WINDOW_DAYS: int(0, 3650).default(30),
  COMPTOIR_ACK_PER_SENDER_PER_HOUR: int(1, 10_000).default(5),
  COMPTOIR_IMAP_POLL_SECONDS: int(5, 3600).default(60),
};

type InboundEnv = z.infer<z.ZodObject<typeof inboundEnv>>;

export interface InboundConfig {
  smtpServer: { port: number; host: string };
  maxBytes: number;
  threadWindowDays: number;
  reopenWindowDays: number;
  /** Acknowledgments one sender may receive in an hour; past it they are not sent (loops, floods). */
  ackPerSenderPerHour: number;
  /** How often IMAP mailboxes are looked at when IDLE cannot be used. */
  imapPollSeconds: number;
}

export function inboundConfig(e: InboundEnv): InboundConfig {
  return {
    smtpServer: { port: e.COMPTOIR_SMTP_INBOUND_PORT, host: e.COMPTOIR_SMTP_INBOUND_HOST },
    maxBytes: e.COMPTOIR_EMAIL_MAX_BYTES,
    threadWindowDays: e.COMPTOIR_EMAIL_THREAD_WINDOW_DAYS,
    reopenWindowDays: e.COMPTOIR_REOPEN_WINDOW_DAYS,
    ackPerSenderPerHour: e.COMPTOIR_ACK_PER_SENDER_PER_HOUR,
    imapPollSeconds: e.COMPTOIR_IMAP_POLL_SECONDS,
  };
}

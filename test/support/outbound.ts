// A harness whose outbound channels are real: e-mail goes by SMTP to a local relay, SMS to the
// fake Twilio. Both are checked and closed with the harness.
import { expect } from 'vitest';
import type { ManualClock } from '../../src/platform/clock.ts';
import { startSmtpRelay, type ReceivedMail, type SmtpRelay } from '../fakes/smtp-relay.ts';
import { startFakeTwilio, type FakeTwilio } from '../fakes/twilio.ts';
import { startHarness, type Harness } from './harness.ts';

export const PUBLIC_URL = 'https://sav.jardin-maison.fr';

export interface OutboundHarness {
  h: Harness;
  relay: SmtpRelay;
  twilio: FakeTwilio;
  mailsTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startOutboundHarness(clock: ManualClock, env: Record<string, string> = {}): Promise<OutboundHarness> {
  const relay = await startSmtpRelay();
  const twilio = await startFakeTwilio();
  const h = await startHarness({
    clock,
    env: {
      COMPTOIR_PUBLIC_URL: PUBLIC_URL,
      COMPTOIR_SMTP_URL: relay.url,
      COMPTOIR_MAIL_FROM: 'SAV Jardin & Maison <sav@jardin-maison.fr>',
      COMPTOIR_TWILIO_ACCOUNT_SID: twilio.accountSid,
      COMPTOIR_TWILIO_AUTH_TOKEN: twilio.authToken,
      COMPTOIR_TWILIO_FROM: '+33757001122',
      COMPTOIR_TWILIO_API_URL: twilio.url,
      // Tests move the clock by hours and days: sessions must outlive that.
      COMPTOIR_SESSION_TTL_HOURS: '240',
      ...env,
    },
  });
  return {
    h,
    relay,
    twilio,
    mailsTo: (address) => relay.received.filter((m) => m.envelope.to.includes(address)),
    async close() {
      expect(twilio.unexpected).toEqual([]);
      await h.close();
      await relay.close();
      await twilio.close();
    },
  };
}

/** A timeline event as the events API shows it, with its delivery. */
export interface EventItem {
  id: string;
  type: string;
  channel: string | null;
  visibility: string;
  actor: { type: string };
  body: string | null;
  data: Record<string, unknown>;
  delivery: { channel: string; recipient: string; status: string; attempts: number; detail: string | null; sentAt: string | null } | null;
}

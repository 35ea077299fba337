// The Twilio Programmable Messaging REST client: one POST per SMS, HTTP Basic with the
// account SID and auth token, form-encoded. Errors become the few provider codes every
// channel speaks, so the delivery job decides retry or fail in one place.
import type { TwilioConfig } from '../../platform/config-outbound.ts';
import { ProviderError } from '../provider-errors.ts';

export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
  /** Where Twilio reports delivered / undelivered / failed. */
  statusCallback?: string;
}

export interface SentSms {
  /** The message SID (SM…). */
  providerId: string;
  status: string;
  segments: number | null;
}

/** The Twilio account the credentials open (its Account resource). */
export interface TwilioAccount {
  friendlyName: string;
  /** active, suspended or closed. */
  status: string;
  /** Trial or Full. */
  type: string;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<SentSms>;
}

/** What Twilio answers: a message resource, or an error ({code, message, more_info, status}). */
interface TwilioAnswer {
  sid?: string;
  status?: string | number;
  num_segments?: string;
  code?: number;
  message?: string;
}

const TIMEOUT_MS = 20_000;

/** Twilio's JSON error (or its absence) as a ProviderError. */
export function twilioError(status: number, body: TwilioAnswer | null, retryAfter: string | null, now: Date): ProviderError {
  const message = body?.message ?? `HTTP ${status}`;
  const providerCode = body?.code ?? status;
  if (status === 401 || status === 403) return new ProviderError('auth', message, { providerCode });
  if (status === 404) return new ProviderError('not_found', message, { providerCode });
  if (status === 429) {
    const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    return new ProviderError('temporary', message, { providerCode, retryAt: seconds === null ? null : new Date(now.getTime() + seconds * 1000) });
  }
  if (status >= 500) return new ProviderError('temporary', message, { providerCode });
  // 400: this message is refused (21211 invalid number, 21610 the customer replied STOP,
  // 21614 not a mobile number…): sending it again would be refused again.
  return new ProviderError('rejected', message, { providerCode });
}

export class TwilioClient implements SmsSender {
  private readonly config: TwilioConfig;
  private readonly now: () => Date;

  constructor(config: TwilioConfig, now: () => Date = () => new Date()) {
    this.config = config;
    this.now = now;
  }

  private get authorization(): string {
    return `Basic ${Buffer.from(`${this.config.accountSid}:${this.config.authToken}`).toString('base64')}`;
  }

  /** Fetches the account the credentials belong to: what a connection test asks. */
  async account(timeoutMs = TIMEOUT_MS): Promise<TwilioAccount> {
    const c = this.config;
    let response: Response;
    try {
      response = await fetch(`${c.apiUrl}/2010-04-01/Accounts/${c.accountSid}.json`, {
        headers: { authorization: this.authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ProviderError('temporary', `Twilio unreachable: ${(error as Error).message}`, { cause: error });
    }
    const body = (await response.json().catch(() => null)) as (TwilioAnswer & { friendly_name?: string; type?: string }) | null;
    if (!response.ok) throw twilioError(response.status, body, response.headers.get('retry-after'), this.now());
    return { friendlyName: body?.friendly_name ?? c.accountSid, status: String(body?.status ?? 'unknown'), type: body?.type ?? 'unknown' };
  }

  async send(sms: OutgoingSms): Promise<SentSms> {
    const c = this.config;
    const form = new URLSearchParams({ To: sms.to, Body: sms.body });
    // A messaging service picks the sender (and handles opt-outs); else our own number or id.
    if (c.messagingServiceSid) form.set('MessagingServiceSid', c.messagingServiceSid);
    else form.set('From', c.from!);
    if (sms.statusCallback) form.set('StatusCallback', sms.statusCallback);

    let response: Response;
    try {
      response = await fetch(`${c.apiUrl}/2010-04-01/Accounts/${c.accountSid}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: this.authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ProviderError('temporary', `Twilio unreachable: ${(error as Error).message}`, { cause: error });
    }
    const body = (await response.json().catch(() => null)) as TwilioAnswer | null;
    if (!response.ok) throw twilioError(response.status, body, response.headers.get('retry-after'), this.now());
    if (!body?.sid) throw new ProviderError('temporary', `Twilio answered ${response.status} without a message SID`);
    return { providerId: body.sid, status: String(body.status ?? 'queued'), segments: body.num_segments ? Number(body.num_segments) : null };
  }
}

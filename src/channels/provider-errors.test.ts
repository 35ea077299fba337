// Provider failures as a few codes, and the one decision taken on them.
import { describe, expect, it } from 'vitest';
import { smtpError } from './email/smtp-errors.ts';
import { decideAfterFailure, ProviderError } from './provider-errors.ts';
import { twilioError } from './sms/twilio-client.ts';

const now = new Date('2026-04-03T15:00:00Z');

describe('provider errors', () => {
  it('maps SMTP replies: 4xx temporary, 5xx rejected, authentication refused', () => {
    expect(smtpError({ code: 'EENVELOPE', responseCode: 450, message: 'Mailbox busy' }).code).toBe('temporary');
    expect(smtpError({ code: 'EENVELOPE', responseCode: 550, message: 'No such user' })).toMatchObject({ code: 'rejected', providerCode: '550' });
    expect(smtpError({ code: 'EAUTH', responseCode: 535, message: 'Invalid login' }).code).toBe('auth');
    expect(smtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toMatchObject({ code: 'temporary', providerCode: 'ECONNECTION' });
  });

  it('maps Twilio answers: 400 rejected, 401 auth, 404 not found, 429 and 5xx temporary', () => {
    expect(twilioError(400, { code: 21211, message: "The 'To' number is not a valid phone number." }, null, now)).toMatchObject({ code: 'rejected', providerCode: '21211' });
    expect(twilioError(401, { code: 20003, message: 'Authenticate' }, null, now).code).toBe('auth');
    expect(twilioError(404, { code: 20404, message: 'The requested resource was not found' }, null, now).code).toBe('not_found');
    expect(twilioError(429, { code: 20429, message: 'Too Many Requests' }, '30', now)).toMatchObject({ code: 'temporary', retryAt: new Date('2026-04-03T15:00:30Z') });
    expect(twilioError(503, null, null, now)).toMatchObject({ code: 'temporary', message: 'HTTP 503' });
  });

  it('retries only temporary failures, while attempts remain', () => {
    const temporary = new ProviderError('temporary', 'connect ECONNREFUSED');
    expect(decideAfterFailure(temporary, 1, 8)).toEqual({ action: 'retry', detail: 'temporary: connect ECONNREFUSED (attempt 1 of 8, retrying)' });
    expect(decideAfterFailure(temporary, 8, 8)).toEqual({ action: 'fail', detail: 'temporary: connect ECONNREFUSED (gave up after 8 attempts)' });
    expect(decideAfterFailure(new ProviderError('temporary', 'slow down', { retryAt: now }), 2, 8)).toMatchObject({ action: 'retry_at', at: now });
    for (const code of ['auth', 'rejected', 'not_found', 'not_configured'] as const) {
      expect(decideAfterFailure(new ProviderError(code, 'no', { providerCode: 21211 }), 1, 8)).toEqual({ action: 'fail', detail: `${code} (21211): no` });
    }
  });
});

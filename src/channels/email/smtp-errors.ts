// SMTP and mail-writing failures, as the few codes every channel speaks (provider-errors.ts).
// nodemailer sets `code` (EAUTH, ECONNECTION, EENVELOPE…) and, when the server answered,
// `responseCode` (421, 550…): 4xx is "try later" by definition (RFC 5321 §4.2.1), 5xx is final.
import { ProviderError } from '../provider-errors.ts';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

const AUTH_REPLIES = new Set([530, 534, 535, 538]);

export function smtpError(error: unknown): ProviderError {
  const e = (error ?? {}) as SmtpFailure;
  const message = e.message ?? String(error);
  const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
  const options = { providerCode: reply ?? e.code ?? null, cause: error };
  if (e.code === 'EAUTH' || (reply !== null && AUTH_REPLIES.has(reply))) return new ProviderError('auth', message, options);
  if (reply !== null && reply >= 400 && reply < 500) return new ProviderError('temporary', message, options);
  if (reply !== null && reply >= 500) return new ProviderError('rejected', message, options);
  // No recipient left, a malformed address: the relay was never asked.
  if (e.code === 'EENVELOPE') return new ProviderError('rejected', message, options);
  // Connection refused or cut, DNS, TLS, timeouts, a full disk for file delivery.
  return new ProviderError('temporary', message, options);
}

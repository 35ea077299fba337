// The pieces every connector's connection test is made of: a check with its label and detail
// in the admin's language (the words live in each channel's catalog under `check.<name>`), and
// how a provider's failure reads in one line.
import { t, type Language } from '../platform/i18n/i18n.ts';
import type { ConnectionCheck } from './connector.ts';

/** Checks run by a test are given this long to answer; the admin is waiting for them. */
export const CHECK_TIMEOUT_MS = 10_000;

export function connectionCheck(lang: Language, name: string, ok: boolean, detailKey: string, vars: Record<string, string | number> = {}): ConnectionCheck {
  return { name, label: t(lang, `check.${name}`), ok, detail: t(lang, detailKey, vars) };
}

/** The server's own words when it gave some (an IMAP or SMTP reply), else the error's message. */
export function failureText(error: unknown): string {
  const e = error as { responseText?: unknown; response?: unknown; message?: unknown };
  const said = typeof e?.responseText === 'string' ? e.responseText : typeof e?.response === 'string' ? e.response : null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return (said ?? message).trim().slice(0, 500);
}

/** A moment as the admin reads it: "2 mars 2026 à 10:00" in the server's time zone. */
export function formatInstant(at: Date, lang: Language, timeZone: string): string {
  return at.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { timeZone, dateStyle: 'long', timeStyle: 'short' });
}

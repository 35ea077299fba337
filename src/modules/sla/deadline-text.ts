// The promise as a customer reads it, in the calendar's time zone:
// "au plus tard le mardi 7 avril 2026 à 13:00" / "by Tuesday 7 April 2026 at 13:00".
import type { Language } from '../../platform/i18n/i18n.ts';

const parts = new Map<string, Intl.DateTimeFormat>();

function formatterFor(lang: Language, timezone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timezone}`;
  let f = parts.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: timezone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    parts.set(key, f);
  }
  return f;
}

export function localDateParts(instant: number, timezone: string, lang: Language) {
  const p = formatterFor(lang, timezone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), year: get('year'), time: `${get('hour')}:${get('minute')}` };
}

/** "mardi 7 avril 2026 à 13:00" (1er for the first of the month) / "Tuesday 7 April 2026 at 13:00". */
export function formatDateTime(instant: number, timezone: string, lang: Language): string {
  const d = localDateParts(instant, timezone, lang);
  if (lang === 'fr') return `${d.weekday} ${d.day === '1' ? '1er' : d.day} ${d.month} ${d.year} à ${d.time}`;
  return `${d.weekday} ${d.day} ${d.month} ${d.year} at ${d.time}`;
}

// Every case in a list shows its clocks' promises, and the same cases are listed again and again
// (an inbox refreshed all day): the texts are kept, a few thousand at most (16 µs each to make).
const MAX_CACHED_PROMISES = 20_000;
const promises = new Map<string, Readonly<Record<Language, string>>>();

export function promiseText(instant: number, timezone: string): Record<Language, string> {
  const key = `${timezone}|${instant}`;
  let text = promises.get(key);
  if (!text) {
    if (promises.size >= MAX_CACHED_PROMISES) promises.clear();
    text = Object.freeze({
      fr: `au plus tard le ${formatDateTime(instant, timezone, 'fr')}`,
      en: `by ${formatDateTime(instant, timezone, 'en')}`,
    });
    promises.set(key, text);
  }
  return { ...text };
}

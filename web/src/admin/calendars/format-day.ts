// A calendar day (YYYY-MM-DD, no time, no zone) as people read it: "vendredi 14 août 2026".
export function formatDay(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const noonUtc = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noonUtc);
}

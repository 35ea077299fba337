// "2 h 15 min", "3 j 4 h": a duration as agents read an SLA countdown, in the interface language.
const units = [
  { ms: 86_400_000, fr: 'j', en: 'd' },
  { ms: 3_600_000, fr: 'h', en: 'h' },
  { ms: 60_000, fr: 'min', en: 'min' },
] as const;

/** The two largest units, rounded down (a countdown never promises more time than there is). */
export function formatDuration(ms: number, language: string): string {
  const lang = language.startsWith('en') ? 'en' : 'fr';
  let rest = Math.max(0, Math.abs(ms));
  const parts: string[] = [];
  for (const unit of units) {
    const n = Math.floor(rest / unit.ms);
    if (n > 0 || (parts.length === 0 && unit.ms === 60_000)) parts.push(`${n} ${unit[lang]}`);
    rest -= n * unit.ms;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

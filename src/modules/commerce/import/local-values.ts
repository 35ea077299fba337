// Numbers, dates and product conditions as tills and spreadsheets write them, French first:
// "1 234,56 €" (a space, a no-break space or a narrow one between thousands, a decimal comma),
// "1.234,56", "1,234.56", "-12,50" or "(12,50)"; "31/12/2026", "31/12/2026 14:32", "31.12.26",
// "2026-12-31T14:32:05+01:00", "20261231", and Excel's day numbers (46022) from a spreadsheet.
// Pure functions: null means "not a valid value" (the caller reports the row); empty cells
// never reach them.

export interface Decimal {
  negative: boolean;
  /** The digits before the decimal separator, without thousands separators. */
  whole: string;
  /** The digits after it ('' when none). */
  fraction: string;
}

const NOISE = /[\s\u00a0\u202f'’€$£]|EUR|CAD|USD|CHF|TTC|HT/gi;

/**
 * Which separator is the decimal one: with both, the last; with a comma alone, a decimal comma
 * (French) unless there are several; with a point alone, a decimal point unless there are several.
 */
export function parseDecimal(text: string): Decimal | null {
  let s = text.replace(NOISE, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−+]/.test(s)) {
    negative = s[0] !== '+';
    s = s.slice(1);
  } else if (/-$/.test(s)) {
    negative = true;
    s = s.slice(0, -1);
  }
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(s)) return null;
  const commas = count(s, ',');
  const points = count(s, '.');
  let decimal: ',' | '.' | null = null;
  if (commas && points) decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) decimal = ',';
  else if (points === 1) decimal = '.';
  let whole = s;
  let fraction = '';
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d*$/.test(fraction)) return null;
  }
  const thousands = decimal === ',' ? '.' : ',';
  if (whole.includes(decimal ?? '#')) return null;
  // Thousands separators sit between groups of three digits: "1.234.567", not "12.34".
  if (whole.includes(thousands) || (!decimal && (commas > 1 || points > 1))) {
    const separator = whole.includes(thousands) ? thousands : commas > 1 ? ',' : '.';
    const groups = whole.split(separator);
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    whole = groups.join('');
  }
  if (!/^\d*$/.test(whole) || (whole === '' && fraction === '')) return null;
  return { negative, whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction };
}

/** An amount in the currency's smallest unit ("1 234,56" → 123456 for 2 digits), rounded half away from zero. */
export function parseMinorUnits(text: string, digits: number): number | null {
  const d = parseDecimal(text);
  if (!d || d.whole.length > 13) return null;
  const kept = (d.fraction + '0'.repeat(digits)).slice(0, digits);
  let value = Number(d.whole + kept);
  if ((d.fraction[digits] ?? '0') >= '5') value += 1;
  return d.negative && value !== 0 ? -value : value;
}

/** A whole quantity: "2", "-1" (a return), "3,00"; "1,5" is not one. */
export function parseQuantity(text: string): number | null {
  const d = parseDecimal(text);
  if (!d || !/^0*$/.test(d.fraction) || d.whole.length > 6) return null;
  const value = Number(d.whole);
  return d.negative && value !== 0 ? -value : value;
}

export type DateOrder = 'dmy' | 'mdy';

/** A moment as the file wrote it: a local wall-clock time, with the offset when it said one. */
export interface LocalMoment {
  /** 'YYYY-MM-DD HH:MM:SS'. */
  local: string;
  /** '+01:00', 'Z'… when the text gave one; otherwise the store's time zone applies. */
  offset: string | null;
  /** Only a date was given (the time was set to noon, see below). */
  dateOnly: boolean;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:(?:\s+|\s*[T-]\s*|\s+à\s+)(\d{1,2})\s*[:hH]\s*(\d{2})(?:\s*[:mM]\s*(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 20,000–80,000 spans 1954–2119. */
const EXCEL_SERIAL = /^(\d{5})(?:[.,](\d+))?$/;

/**
 * A purchase or delivery date. A date without a time is taken as noon (in the store's time
 * zone, applied later): the law counts calendar days, and noon stays the same day in every
 * zone within twelve hours of it, whoever reads the instant back.
 */
export function parseMoment(text: string, order: DateOrder = 'dmy'): LocalMoment | null {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) return moment(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], m[7] ? normaliseOffset(m[7]) : null);
  m = NUMERIC.exec(s);
  if (m) {
    const [first, second] = order === 'dmy' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    return moment(year, second, first, m[4], m[5], m[6], null);
  }
  m = COMPACT.exec(s);
  if (m) return moment(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], null);
  m = EXCEL_SERIAL.exec(s);
  if (m) return fromExcelSerial(Number(m[1]), m[2] ? Number(`0.${m[2]}`) : 0);
  return null;
}

function moment(y: string, mo: string, d: string, h: string | undefined, mi: string | undefined, se: string | undefined, offset: string | null): LocalMoment | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const hour = h === undefined ? 12 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = se === undefined ? 0 : Number(se);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const local = `${y.padStart(4, '0')}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return { local, offset, dateOnly: h === undefined };
}

function fromExcelSerial(days: number, dayFraction: number): LocalMoment | null {
  if (days < 20_000 || days > 80_000) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const dateOnly = dayFraction === 0;
  const seconds = dateOnly ? 12 * 3600 : Math.round(dayFraction * 86_400);
  if (seconds >= 86_400) return null;
  const local = `${date.toISOString().slice(0, 10)} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return { local, offset: null, dateOnly };
}

function normaliseOffset(offset: string): string {
  if (/^z$/i.test(offset)) return 'Z';
  const digits = offset.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

const conditions: Record<string, 'new' | 'used'> = {
  neuf: 'new',
  new: 'new',
  n: 'new',
  occasion: 'used',
  'd occasion': 'used',
  used: 'used',
  u: 'used',
  o: 'used',
  reconditionne: 'used',
  refurbished: 'used',
  'seconde main': 'used',
  'second hand': 'used',
  'pre owned': 'used',
};

/** "Neuf", "Occasion", "Reconditionné", "used"…; null when it is none of them. */
export function parseCondition(text: string): 'new' | 'used' | null {
  return conditions[comparable(text)] ?? null;
}

/** Lower-case, accents and punctuation gone, spaces collapsed: "N° Ticket" → "n ticket". */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

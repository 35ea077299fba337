// SMS text: how many segments a message costs, and a French-friendly way to keep it in the
// GSM 03.38 alphabet. One character outside that alphabet (a typographic apostrophe, a "ê",
// the "û" of "août") switches the whole message to UCS-2: 70 characters a segment instead of
// 160, which turns a two-segment acknowledgment into four. So SMS text is written with the
// closest GSM letter instead, the way phone keyboards do it ("août" → "aout").

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters that take an escape plus a code: two septets each. */
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

const isGsm = (c: string) => basic.has(c) || extended.has(c);

// What NFD cannot fix: ligatures, typographic punctuation and spaces.
const REPLACEMENTS: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '‑': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  'œ': 'oe',
  'Œ': 'OE',
  '·': '-',
  '\t': ' ',
};

/** The text with every character GSM lacks replaced by its closest GSM spelling. */
export function toGsm(text: string): string {
  let out = '';
  // French guillemets hold their spaces inside: « SAV » becomes "SAV".
  for (const c of text.replace(/«[\s\u00a0\u202f]*/g, '"').replace(/[\s\u00a0\u202f]*»/g, '"')) {
    if (isGsm(c)) out += c;
    else if (REPLACEMENTS[c] !== undefined) out += REPLACEMENTS[c];
    else {
      // ê → e + ◌̂ → e; a letter GSM has with its accent (é, à…) was kept above.
      const bare = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...bare].every(isGsm) ? bare : c;
    }
  }
  return out;
}

export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** The segments a message is billed as (a concatenated segment loses room to its header). */
export function smsSize(text: string): SmsSize {
  const chars = [...text];
  if (chars.every(isGsm)) {
    const units = chars.reduce((n, c) => n + (extended.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

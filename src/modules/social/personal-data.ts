// Personal data in a draft that is about to be posted where everyone can read it (a public
// reply under a tweet or a page comment): e-mail addresses, phone numbers, postal addresses,
// order numbers, IBANs and card numbers. The workspace warns before sending and suggests
// moving the conversation to private messages. Pure: the caller passes the deployment's
// default country (for national phone formats) and case prefix.
//
// Order numbers are personal data: with a name they are what a shop's order lookup, a
// carrier or a call centre asks for, so posting one lets anyone act on the customer's order.
// Our own case numbers (SAV-2026-000123) are not: a case is only opened through its tracking
// link's token, never by its number, and a public reply often needs to cite the case it
// opened. They are recognised first so their digits are not taken for anything else.
//
// `extractContactDetails` reads the same way the e-mails and phones a customer gave in a
// private message, for the social pipeline to attach to the customer.
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { personalDataKinds } from './social.contract.ts';

export type PersonalDataKind = (typeof personalDataKinds)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text found, exactly as written (`text.slice(start, end)`). */
  text: string;
  start: number;
  end: number;
}

export interface DetectOptions {
  /** ISO 3166 alpha-2, for numbers written the national way (06 12 34 56 78). Default FR. */
  defaultCountry?: string;
  /** The deployment's case-number prefix (COMPTOIR_CASE_PREFIX). Default SAV. */
  casePrefix?: string;
}

type Span = { start: number; end: number };

// A boundary is anything but a letter or digit ("06 12 34 56 78," and "(#1001)" are found).
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}${E}`, 'gu');

// Two letters, two check digits, then 11 to 30 letters or digits, grouped by four or not.
const IBAN = new RegExp(`${B}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}${E}`, 'gu');

// Cards: 4-4-4-4(-1..3) with one separator throughout, 4-6-5 (Amex), or 13 to 19 digits in a row.
const CARD = new RegExp(`${B}(?:\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?|\\d{4}([ -]?)\\d{6}\\2\\d{5}|\\d{13,19})${E}`, 'gu');

// "#1001" (what Shopify and most shops print), "commande n° 123456", "order #A12345", "CMD-2024-889".
const ORDER_HASH = new RegExp(`(?<![\\p{L}\\p{N}&])#\\d{3,12}${E}`, 'gu');
const ORDER_WORD = new RegExp(
  `${B}(?:commandes?|cdes?|orders?)\\s*(?:n°|n[oº]\\.?|num(?:[ée]ro)?|number|#|:)?\\s*:?\\s*((?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,24})${E}`,
  'dgiu',
);
const ORDER_PREFIXED = new RegExp(`${B}(?:CMD|CDE|ORD)-?\\d[A-Z0-9-]*${E}`, 'gu');

// The address patterns tell capitalised names from other words, so they cannot use the `i` flag
// (under which \p{Lu} matches any letter): their fixed words are spelt in either case instead.
function anyCase(pattern: string): string {
  // Escapes and character classes are kept as written (write both cases inside a class).
  return pattern.replace(/\\.|\[[^\]]*\]|\p{L}/gu, (c) => (c.length === 1 && c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c));
}

// French streets: a number (12, 12 bis, 12b), then the kind of way, then its name.
const STREET_WORDS = anyCase(
  'rue|avenue|av\\.?|bd|boulevard|all[éeÉE]e|chemin|ch\\.|place|pl\\.|impasse|quai|route|rte|cours|square|passage|voie|chauss[éeÉE]e|rond-point|esplanade|faubourg|fbg|sentier|hameau|lieu-dit|r[éeÉE]sidence|cit[éeÉE]|villa|parvis|promenade|lotissement',
);
const NAME_CONNECTORS = anyCase('de|du|des|la|le|les|aux|au|sur|sous|en');
const TOWN_CONNECTORS = anyCase('sur|sous|en|le|la|les|de|du|des|l[èeÈE]s|lez');
const CEDEX = `${anyCase('cedex')}(?: \\d{1,2})?`;
const POSTCODE = '(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}';
const TOWN_CAPITALISED = `\\p{Lu}[\\p{L}'’-]*(?:[ -](?:${CEDEX}|${TOWN_CONNECTORS}|\\p{Lu}[\\p{L}'’-]*))*`;
const TOWN_ANY = `\\p{L}[\\p{L}'’-]*(?:[ -](?:${CEDEX}|${TOWN_CONNECTORS}|\\p{Lu}[\\p{L}'’-]*))*`;
// The name: connectors and an elided article ("de l'"), then one word of any case ("3 place bellecour"), then capitalised words
// ("12 rue Victor Hugo"): lower-case words after the first end it, so "12 rue de la Paix et je
// suis furieux" stops at "Paix".
const STREET_FR = new RegExp(
  `${B}\\d{1,4}(?: ?(?:${anyCase('bis|ter|quater|[a-dA-D]')}))?,? (?:${STREET_WORDS})(?!\\p{L})(?: (?:(?:${NAME_CONNECTORS}) )*(?:[lLdD]['’])?\\p{L}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*)*)?(?:,? ${POSTCODE} ${TOWN_ANY})?${E}`,
  'gu',
);
// English ones put the name first: "221B Baker Street", "10 Downing St".
const STREET_EN = new RegExp(
  `${B}\\d{1,5}[A-Z]? (?:\\p{Lu}[\\p{L}'’-]* ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Crescent|Terrace)${E}`,
  'gu',
);
// A postcode followed by a town, on its own ("75011 Paris", "69002 LYON"): the town is capitalised
// so that "12000 euros" is not taken for Rodez.
const POSTCODE_TOWN = new RegExp(`${B}${POSTCODE} ${TOWN_CAPITALISED}${E}`, 'gu');

function* matches(re: RegExp, text: string, group = 0): Generator<Span & { text: string }> {
  for (const m of text.matchAll(re)) {
    // A group's place comes from the `d` flag's indices (the patterns that use a group have it).
    const [start, end] = group === 0 ? [m.index, m.index + m[0].length] : (m.indices?.[group] ?? [-1, -1]);
    if (start < 0) continue;
    yield { text: text.slice(start, end), start, end };
  }
}

/** The ISO 13616 check: the first four characters moved to the end, letters as numbers, mod 97 = 1. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** The Luhn check every payment card number passes. */
export function passesLuhn(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function caseNumbers(text: string, prefix: string): Span[] {
  const escaped = prefix.replace(/[^A-Za-z0-9]/g, '\\$&');
  return [...matches(new RegExp(`${B}${escaped}-\\d{4}-\\d{6,}${E}`, 'giu'), text)];
}

function phoneSpans(text: string, defaultCountry: string): (Span & { text: string; e164: string })[] {
  return findPhoneNumbersInText(text, { defaultCountry: defaultCountry as CountryCode }).map((f) => ({
    text: text.slice(f.startsAt, f.endsAt),
    start: f.startsAt,
    end: f.endsAt,
    e164: f.number.number,
  }));
}

/**
 * Every piece of personal data found, in reading order. Where two readings overlap the more
 * specific one wins, in this order: IBAN, card, e-mail, order, phone, address (an IBAN's digits
 * are not also a phone number).
 */
export function detectPersonalData(text: string, options: DetectOptions = {}): PersonalDataFinding[] {
  const taken: Span[] = caseNumbers(text, options.casePrefix ?? 'SAV');
  const findings: PersonalDataFinding[] = [];
  const keep = (kind: PersonalDataKind, spans: Iterable<Span & { text: string }>, valid: (s: string) => boolean = () => true) => {
    for (const s of spans) {
      if (!valid(s.text) || taken.some((t) => s.start < t.end && t.start < s.end)) continue;
      taken.push(s);
      findings.push({ kind, text: s.text, start: s.start, end: s.end });
    }
  };
  keep('iban', matches(IBAN, text), isValidIban);
  keep('card', matches(CARD, text), passesLuhn);
  keep('email', matches(EMAIL, text));
  keep('order', matches(ORDER_HASH, text));
  keep('order', matches(ORDER_PREFIXED, text));
  keep('order', matches(ORDER_WORD, text, 1));
  keep('phone', phoneSpans(text, options.defaultCountry ?? 'FR'));
  keep('address', matches(STREET_FR, text));
  keep('address', matches(STREET_EN, text));
  keep('address', matches(POSTCODE_TOWN, text));
  return findings.sort((a, b) => a.start - b.start);
}

export interface ContactDetails {
  /** Lower-cased, each once, in the order given. */
  emails: string[];
  /** E.164, each once, in the order given. */
  phones: string[];
}

/** The e-mail addresses and phone numbers a customer wrote, normalised for their identities. */
export function extractContactDetails(text: string, defaultCountry = 'FR'): ContactDetails {
  const emails = [...matches(EMAIL, text)].map((m) => m.text.toLowerCase());
  const inEmails = [...matches(EMAIL, text)];
  const phones = phoneSpans(text, defaultCountry)
    .filter((p) => !inEmails.some((e) => p.start < e.end && e.start < p.end))
    .map((p) => p.e164);
  return { emails: [...new Set(emails)], phones: [...new Set(phones)] };
}

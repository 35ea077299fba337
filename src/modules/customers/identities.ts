// Normalising identities so one person is recognised on every channel: e-mail lower-cased,
// phones in E.164 (libphonenumber-js, with the deployment's default country for national
// numbers), social handles without "@" and lower-cased. Pure functions.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { IdentityKind } from './customers.contract.ts';

export interface NormalisedIdentity {
  kind: IdentityKind;
  system: string;
  value: string;
  displayValue: string;
}

export class IdentityError extends Error {}

const emailSchema = z.email();
const handle = /^[a-z0-9_.]{1,50}$/;

export function normaliseIdentity(
  input: { kind: IdentityKind; value: string; system?: string | undefined },
  defaultCountry: string,
): NormalisedIdentity {
  const raw = input.value.trim();
  if (!raw) throw new IdentityError(`${input.kind}: empty value`);
  switch (input.kind) {
    case 'email': {
      const value = raw.toLowerCase();
      if (!emailSchema.safeParse(value).success) throw new IdentityError(`email: "${raw}" is not an e-mail address`);
      return { kind: 'email', system: '', value, displayValue: raw };
    }
    case 'phone':
    case 'whatsapp': {
      const value = normalisePhone(raw, defaultCountry);
      if (!value) throw new IdentityError(`${input.kind}: "${raw}" is not a valid phone number`);
      return { kind: input.kind, system: '', value, displayValue: raw };
    }
    case 'x':
    case 'instagram':
    case 'facebook': {
      const value = raw.replace(/^@/, '').toLowerCase();
      if (!handle.test(value)) throw new IdentityError(`${input.kind}: "${raw}" is not a handle or account id`);
      return { kind: input.kind, system: '', value, displayValue: raw };
    }
    case 'external': {
      const system = (input.system ?? '').trim().toLowerCase();
      if (!/^[a-z0-9_.-]{1,40}$/.test(system)) throw new IdentityError('external: name the system (e.g. shopify, pos)');
      if (raw.length > 200) throw new IdentityError('external: id longer than 200 characters');
      return { kind: 'external', system, value: raw, displayValue: raw };
    }
  }
}

/** E.164 for a valid number, else null. "06 12 34 56 78" with FR gives "+33612345678". */
export function normalisePhone(raw: string, defaultCountry: string): string | null {
  const cleaned = raw.replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) {
    // WhatsApp ids are international numbers without "+".
    if (/^\d{8,15}$/.test(cleaned)) {
      const intl = parsePhoneNumberFromString(`+${cleaned}`);
      return intl?.isValid() ? intl.number : null;
    }
    return null;
  }
  return parsed.number;
}

/** "+33612345678" → "0612345678": lets people search phones the way they write them. */
export function nationalDigits(identity: Pick<NormalisedIdentity, 'kind' | 'value'>): string | null {
  if (identity.kind !== 'phone' && identity.kind !== 'whatsapp') return null;
  const parsed = parsePhoneNumberFromString(identity.value);
  return parsed ? parsed.formatNational().replace(/\D/g, '') : null;
}

/** Lower-case, accents removed, spaces collapsed: what customer search compares. */
export function searchable(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search string looks like, to try exact identity matches before fuzzy search. */
export function classifyQuery(q: string, defaultCountry: string): { kind: 'email' | 'phone'; value: string } | null {
  const text = q.trim();
  if (text.includes('@') && emailSchema.safeParse(text.toLowerCase()).success) return { kind: 'email', value: text.toLowerCase() };
  if (/^[+0-9 ().-]{6,}$/.test(text)) {
    const phone = normalisePhone(text, defaultCountry);
    if (phone) return { kind: 'phone', value: phone };
  }
  return null;
}

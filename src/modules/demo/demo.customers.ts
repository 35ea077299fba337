// The demo's customers: who they are, how to reach them (e-mail, mobile, social handles),
// where they shop. Pure generation from the seeded generator; they reach the database
// through the customers service or case creation, which normalises every identity.
import { normalisePhone } from '../customers/identities.ts';
import type { BrandKey } from './demo.org-data.ts';
import { demoStores } from './demo.org-data.ts';
import {
  belgianLastNames,
  companies,
  customerNotes,
  emailDomains,
  englishFirstNames,
  englishLastNames,
  frenchFemaleFirstNames,
  frenchLastNames,
  frenchMaleFirstNames,
  quebecFirstNames,
  quebecLastNames,
} from './demo.names.ts';
import type { Rng } from './demo.random.ts';

export interface CustomerProfile {
  index: number;
  firstName: string;
  lastName: string;
  language: 'fr' | 'en';
  country: 'FR' | 'BE' | 'CA';
  email: string | null;
  /** As the customer wrote it ("06 12 34 56 78"); the service stores it in E.164. */
  phone: string | null;
  /** The same mobile number is also their WhatsApp account. */
  whatsapp: boolean;
  x: string | null;
  instagram: string | null;
  /** A Facebook account id (digits), as the Graph API gives it. */
  facebook: string | null;
  company: string | null;
  notes: string | null;
  /** The brand they mostly deal with, and the store or dealer near them. */
  brand: BrandKey;
  homeStore: string;
}

/** "Jérôme Le Goff" → "jerome.le-goff": e-mail and handle friendly. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9.-]/g, '');
}

const homesOf = (brand: BrandKey, country: CustomerProfile['country']) =>
  demoStores.filter((s) => s.brand === brand && s.country === country && (s.kind === 'store' || s.kind === 'dealer')).map((s) => s.code);

/** Mobile numbers that libphonenumber accepts as valid for the country (drawn until one is). */
function mobileNumber(rng: Rng, country: CustomerProfile['country']): string {
  for (;;) {
    const d = () => String(rng.int(0, 9));
    const pair = () => d() + d();
    let raw: string;
    if (country === 'FR') raw = `0${rng.pick(['6', '6', '7'])} ${pair()} ${pair()} ${pair()} ${pair()}`;
    else if (country === 'BE') raw = `+32 4${rng.pick(['70', '75', '77', '78', '85', '86', '95', '96'])} ${pair()} ${pair()} ${pair()}`;
    // 555-0100 to 555-0199 are the North American numbers reserved for fiction.
    else raw = `+1 ${rng.pick(['514', '438', '450', '418'])} 555 01${pair()}`;
    if (normalisePhone(raw, 'FR')) return raw;
  }
}

function handleFor(rng: Rng, first: string, last: string): string {
  const f = slug(first).replace(/[.-]/g, '');
  const l = slug(last).replace(/[.-]/g, '');
  const style = rng.int(0, 4);
  if (style === 0) return `${f}_${l}`;
  if (style === 1) return `${f}${l.slice(0, 1)}${rng.int(10, 99)}`;
  if (style === 2) return `${f}.${l}`;
  if (style === 3) return `${l}${f.slice(0, 1)}_${rng.pick(['jardin', 'potager', 'off', 'fr', 'auto', 'moto'])}`;
  return `${f}${rng.int(1970, 2005)}`;
}

function emailFor(rng: Rng, first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  const local = rng.pick([`${f}.${l}`, `${f}.${l}`, `${f.slice(0, 1)}${l}`, `${f}_${l}`, `${f}.${l}${rng.int(1, 99)}`, `${l}.${f}`, `${f}${rng.int(60, 99)}`]);
  return `${local}@${rng.pick(emailDomains)}`;
}

export function buildCustomers(rng: Rng, count: number): CustomerProfile[] {
  const out: CustomerProfile[] = [];
  const emails = new Set<string>();
  const phones = new Set<string>();
  const handles = new Set<string>();
  const unique = (set: Set<string>, make: () => string) => {
    for (;;) {
      const value = make();
      const key = value.toLowerCase().replace(/\s/g, '');
      if (!set.has(key)) return set.add(key), value;
    }
  };
  for (let index = 0; index < count; index++) {
    const country = rng.weighted({ FR: 90, BE: 5, CA: 5 }) as CustomerProfile['country'];
    const english = country === 'FR' && rng.chance(0.08);
    const female = rng.chance(0.52);
    const firstName =
      english ? rng.pick(englishFirstNames)
      : country === 'CA' ? rng.pick(quebecFirstNames)
      : rng.pick(female ? frenchFemaleFirstNames : frenchMaleFirstNames);
    const lastName =
      english ? rng.pick(englishLastNames)
      : country === 'BE' ? rng.pick(belgianLastNames)
      : country === 'CA' ? rng.pick(quebecLastNames)
      : rng.pick(frenchLastNames);
    // Abroad the demo retailer only has car dealers; the garden brand sells there online.
    const brand: BrandKey = country === 'CA' ? 'auto' : country === 'BE' ? (rng.chance(0.7) ? 'auto' : 'garden') : rng.chance(0.68) ? 'garden' : 'auto';
    const homes = homesOf(brand, country);
    const homeStore = homes.length ? rng.pick(homes) : brand === 'garden' ? 'JM-WEB' : 'AV-ACCESSOIRES';
    const hasEmail = rng.chance(0.93);
    const hasPhone = !hasEmail || rng.chance(0.72);
    const phone = hasPhone ? unique(phones, () => mobileNumber(rng, country)) : null;
    const social = rng.next();
    out.push({
      index,
      firstName,
      lastName,
      language: english ? 'en' : 'fr',
      country,
      email: hasEmail ? unique(emails, () => emailFor(rng, firstName, lastName)) : null,
      phone,
      whatsapp: !!phone && rng.chance(0.25),
      x: social < 0.1 ? unique(handles, () => handleFor(rng, firstName, lastName)) : null,
      instagram: social > 0.88 ? unique(handles, () => handleFor(rng, firstName, lastName)) : null,
      facebook: social > 0.1 && social < 0.2 ? String(100_000_000_000_000 + rng.int(0, 899_999_999) * 1000 + rng.int(0, 999)) : null,
      company: rng.chance(0.03) ? rng.pick(companies) : null,
      notes: rng.chance(0.05) ? rng.pick(customerNotes) : null,
      brand,
      homeStore,
    });
  }
  return out;
}

/**
 * The identities the customers service receives for a profile. French numbers are written
 * the French way ("06 12 34 56 78"), which only parses when the deployment's default country
 * is France; elsewhere they are written internationally.
 */
export function identitiesOf(p: CustomerProfile, defaultCountry: string): { kind: 'email' | 'phone' | 'whatsapp' | 'x' | 'instagram' | 'facebook'; value: string }[] {
  const phone = p.phone && p.phone.startsWith('0') && defaultCountry !== 'FR' ? `+33 ${p.phone.slice(1)}` : p.phone;
  return [
    ...(p.email ? [{ kind: 'email' as const, value: p.email }] : []),
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
    ...(phone && p.whatsapp ? [{ kind: 'whatsapp' as const, value: phone }] : []),
    ...(p.x ? [{ kind: 'x' as const, value: `@${p.x}` }] : []),
    ...(p.instagram ? [{ kind: 'instagram' as const, value: `@${p.instagram}` }] : []),
    ...(p.facebook ? [{ kind: 'facebook' as const, value: p.facebook }] : []),
  ];
}

// What a demo case is about: a story (the customer's problem, in their words, in several
// wordings) and the path the SAV takes to solve it. Stories live in demo.stories.*.ts.
//
// Placeholders filled when a case is planned:
//   {produit}   the product or vehicle concerned, bare ("programmateur d’arrosage T-20");
//               {le_produit}, {un_produit}, {mon_produit}, {du_produit} add the article
//               that agrees with it ("la guirlande", "l’olivier", "ma tondeuse", "mon
//               érable", "du taille-haie"); a capital first letter ({Le_produit}…) starts
//               a sentence
//   {chez}      where it was bought, in the customer's words ("au magasin de Lyon Vaise")
//   {quand}     when it was bought ("l'été dernier")
//   {commande}  the order number
//   {montant}   an amount in euros ("89,90 €")
//   {prenom}    the customer's first name
import type { Priority } from '../cases/cases.contract.ts';
import type { BrandKey } from './demo.org-data.ts';

export type ReasonKey = 'return' | 'delivery' | 'breakdown' | 'usage' | 'billing' | 'other';

/**
 * How the SAV resolves it (see demo.paths.ts): answer a question, exchange, repair with a
 * part, refund, chase the carrier, correct an invoice, or handle a formal dispute.
 */
export type PathKey = 'answer' | 'exchange' | 'repair' | 'refund' | 'carrier' | 'credit' | 'dispute';

/** One way a customer tells it: the subject line they give, their words, and what fits them. */
export interface Telling {
  subjects: readonly string[];
  text: string;
  /** When the words only fit some of the story's products (a robot's error code): chosen among these. */
  products?: readonly string[];
  /** For questions (the "answer" path): the body of the reply that answers these very words. */
  answer?: string;
  /** What the agent notes internally on reading it (disputes: a formal notice, a chargeback…). */
  note?: string;
  /** A public post (a tweet, a comment under the brand's post): only on X, Facebook and Instagram. */
  public?: boolean;
}

export interface StoryText {
  /** Full first messages: e-mail, web form, marketplace message, or what was said at the counter or on the phone. */
  messages: readonly Telling[];
  /** Short messages for chat, SMS, WhatsApp and social networks (public posts marked so); falls back to `messages`. */
  short?: readonly Telling[];
}

export interface Story {
  key: string;
  brand: BrandKey;
  reason: ReasonKey;
  /** Relative frequency among the brand's stories. */
  weight: number;
  /** Garden products break in their season: more watering-timer floods in July than in January. */
  season?: 'spring' | 'summer' | 'winter';
  /** Where the product comes from: decides the store, the order number and the team. */
  bought: 'store' | 'online' | 'any' | 'dealer';
  paths: Partial<Record<PathKey, number>>;
  /** "m:" or "f:" then the name: the gender makes the articles agree. */
  products: readonly string[];
  /** The same products named for English-speaking customers (same order); French names otherwise. */
  productsEn?: readonly string[];
  tags: readonly string[];
  priority?: Priority;
  /** Amount range in euros, for refunds, credit notes and gestures. */
  amount?: readonly [number, number];
  fr: StoryText;
  en?: StoryText;
}

/** Month weights (January first) of the seasons. */
export const seasonWeights: Record<NonNullable<Story['season']> | 'none', readonly number[]> = {
  spring: [0.3, 0.5, 1.2, 1.8, 1.8, 1.4, 1, 0.8, 0.8, 0.6, 0.3, 0.2],
  summer: [0.1, 0.2, 0.5, 1, 1.6, 2, 2.2, 2, 1.1, 0.4, 0.1, 0.1],
  winter: [1.6, 1, 0.5, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.6, 2.2],
  none: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

const vowel = /^[aeiouyàâäéèêëîïôöûüœ]/i;

/** The article forms of a product written "f:tondeuse thermique" or "m:olivier en pot". */
export function productVars(product: string, language: 'fr' | 'en'): Record<string, string> {
  const [gender, name] = product.startsWith('f:') || product.startsWith('m:') ? [product[0], product.slice(2)] : ['m', product];
  const elided = vowel.test(name!);
  const forms: Record<string, string> =
    language === 'en'
      ? { produit: name!, le_produit: `the ${name}`, un_produit: `a ${name}`, mon_produit: `my ${name}`, du_produit: `of the ${name}` }
      : {
          produit: name!,
          le_produit: elided ? `l’${name}` : `${gender === 'f' ? 'la' : 'le'} ${name}`,
          un_produit: `${gender === 'f' ? 'une' : 'un'} ${name}`,
          mon_produit: `${gender === 'f' && !elided ? 'ma' : 'mon'} ${name}`,
          du_produit: elided ? `de l’${name}` : gender === 'f' ? `de la ${name}` : `du ${name}`,
        };
  for (const [key, value] of Object.entries(forms)) forms[key[0]!.toUpperCase() + key.slice(1)] = value[0]!.toUpperCase() + value.slice(1);
  return forms;
}

/** Replaces {placeholders}; an unknown one is left visible so a typo shows in review. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

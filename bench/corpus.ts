// The text the benchmark writes: pools of sentences, subjects, product mentions and names
// drawn from the vocabularies with Zipf frequencies (seeded, so every run writes the same
// corpus), French messages for the API load, and the fixed mix of search terms.
import { mulberry32 } from '../src/modules/demo/demo.random.ts';
import { englishWords } from './vocabulary/en.ts';
import { frenchWords } from './vocabulary/fr.ts';
import { englishFirstNames, englishProducts, frenchFirstNames, frenchProducts, productBrands, rareWords, surnames } from './vocabulary/names.ts';

export type Lang = 'fr' | 'en';

/** The demo's seedable PRNG (mulberry32), so the benchmark corpus is the same every run. */
export const prng = mulberry32;

/** Draws items by rank with probability ∝ 1 / rank^s. */
export function zipf<T>(items: readonly T[], s: number, random: () => number): () => T {
  const cdf: number[] = [];
  let total = 0;
  for (let r = 1; r <= items.length; r++) cdf.push((total += 1 / r ** s));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];
const pick = <T>(items: readonly T[], random: () => number) => items[Math.floor(random() * items.length)]!;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const words: Record<Lang, string[]> = { fr: unique(frenchWords), en: unique(englishWords) };
const products: Record<Lang, string[]> = { fr: frenchProducts, en: englishProducts };
export const firstNames: Record<Lang, string[]> = { fr: frenchFirstNames, en: englishFirstNames };
const brands = unique(productBrands);

const subjectTemplates: Record<Lang, string[]> = {
  fr: ['Panne de mon', 'Problème avec mon', 'Retour de mon', 'Livraison en retard :', 'Échange', 'Remboursement', 'Pièce manquante sur mon', 'Réparation', 'Écran cassé', 'Bruit anormal', 'Garantie', 'Colis abîmé :', 'Erreur de commande :', 'Installation', 'Facture'],
  en: ['Fault with my', 'Problem with my', 'Return of my', 'Late delivery:', 'Exchange', 'Refund', 'Missing part on my', 'Repair', 'Broken screen', 'Strange noise', 'Warranty', 'Damaged parcel:', 'Wrong order:', 'Installation', 'Invoice'],
};
const notePrefixes: Record<Lang, string[]> = {
  fr: ['Client rappelé :', 'Vu avec le magasin :', 'Note interne :', 'Relance transporteur :', 'Diagnostic atelier :'],
  en: ['Called the customer back:', 'Checked with the store:', 'Internal note:', 'Chased the carrier:', 'Workshop diagnosis:'],
};

export interface Corpus {
  /** pools[kind][lang] = texts; surnames are the same list under both languages. */
  pools: Record<PoolKind, Record<Lang, string[]>>;
  rareWords: string[];
}
export type PoolKind = 'sentence' | 'subject' | 'product' | 'note' | 'first' | 'last';

export const poolSizes = { sentence: 4000, subject: 1000, product: 5000, note: 600, last: 5000 } as const;

export function buildCorpus(seed = 20_261_123): Corpus {
  const random = prng(seed);
  const sentence = (lang: Lang) => {
    const draw = zipf(words[lang], 1.0, random);
    const n = 8 + Math.floor(random() * 11);
    return `${capitalise(Array.from({ length: n }, draw).join(' '))}.`;
  };
  const brand = zipf(brands, 1.1, random);
  const surname = zipf(surnames, 1.0, random);
  const product = (lang: Lang) => (lang === 'fr' ? `mon ${pick(products.fr, random)} ${brand()}` : `my ${brand()} ${pick(products.en, random)}`);
  const subject = (lang: Lang) => `${pick(subjectTemplates[lang], random)} ${pick(products[lang], random)}`;
  const note = (lang: Lang) => `${pick(notePrefixes[lang], random)} ${sentence(lang)}`;
  const both = (n: number, make: (lang: Lang) => string) => ({
    fr: Array.from({ length: n }, () => make('fr')),
    en: Array.from({ length: n }, () => make('en')),
  });
  const lastNames = Array.from({ length: poolSizes.last }, surname);
  return {
    pools: {
      sentence: both(poolSizes.sentence, sentence),
      subject: both(poolSizes.subject, subject),
      product: both(poolSizes.product, product),
      note: both(poolSizes.note, note),
      first: { fr: firstNames.fr, en: firstNames.en },
      last: { fr: lastNames, en: lastNames },
    },
    rareWords,
  };
}

/** A new customer writing in French, as the API load sends it. */
export function frenchRequest(corpus: Corpus, random: () => number, serial: string) {
  const p = corpus.pools;
  const firstName = pick(p.first.fr, random);
  const lastName = pick(p.last.fr, random);
  const local = `${firstName}.${lastName}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-');
  return {
    customer: { email: `${local}.${serial}@exemple.fr`, firstName, lastName, language: 'fr' as const },
    subject: pick(p.subject.fr, random),
    message: `Bonjour, ${pick(p.sentence.fr, random)} ${capitalise(pick(p.product.fr, random))}. ${pick(p.sentence.fr, random)} Cordialement, ${firstName} ${lastName}`,
  };
}

/** The search mix: selectivities from a handful of cases to a large share of them. */
export const searchTerms = [
  { id: 'rare', label: 'rare word ("electrovanne", typed without its accent)', q: 'electrovanne' },
  { id: 'common', label: 'common word ("livraison")', q: 'livraison' },
  { id: 'two-words', label: 'two words ("écran cassé")', q: 'écran cassé' },
  { id: 'surname', label: 'customer surname ("Lefebvre")', q: 'Lefebvre' },
] as const;
export type SearchTermId = (typeof searchTerms)[number]['id'];

// What turns a complaint into a dispute, found in a customer's message: a formal notice
// (mise en demeure, a registered letter), a chargeback or a payment dispute with the bank or
// PayPal, the consumer-protection office (DGCCRF, SignalConso, UFC-Que Choisir, the consumer
// mediator, Québec's OPC, Belgium's SPF Économie), a lawyer or a bailiff, a court. Seed 004
// is the case: the seller's "we are not responsible", 37 e-mails, then a formal notice
// downloaded from the consumer-protection office and a chargeback — settled within three
// days once they arrived. Whoever reads such a message must see it at once.
//
// Pure. French and English, accent- and case-insensitive, whole words (platform/text/words.ts).
// Negation is not parsed: "je ne veux pas en arriver à un avocat" still names a lawyer, and a
// customer who says it is one step from doing it.
import { foldText, wordsPattern } from '../../platform/text/words.ts';
import { disputeKinds, type DisputeKind } from './disputes.contract.ts';

export { disputeKinds, type DisputeKind };

// Written on folded text (lower case, no accents); endings spelled out so inflections match.
const LEXICON: Readonly<Record<DisputeKind, readonly string[]>> = {
  formal_notice: [
    'mis(?:e|es)? en demeure',
    '(?:met|mets|mettons|mettez|mettre|mettrai|mettrons) en demeure',
    'lrar',
    'lettres? recommandees?',
    'courriers? recommandes?',
    'recommande avec (?:accuse de reception|a ?r)',
    'formal notice',
    'letter before (?:action|claim)',
    'notice before action',
    'demand letter',
    'final demand',
    'cease and desist',
  ],
  chargeback: [
    'retrofacturations?',
    'opposition (?:bancaire|a la banque|sur (?:ma |la |votre )?carte|au paiement|sur (?:le |ce )?(?:paiement|prelevement))',
    '(?:faire|fait|ferai|ferons) (?:une )?opposition',
    'litiges? bancaires?',
    'litiges? (?:(?:sur|avec|aupres de|via) )?paypal',
    'litige (?:aupres de|avec) (?:ma|la|mon) (?:banque|carte)',
    'contest(?:er|e|ee|erai|ation(?: de| du)?) (?:le |la |ce |cette )?(?:paiement|prelevement|transaction|debit)',
    'renvers(?:er|ement de) (?:le |la )?(?:paiement|transaction)',
    'charge ?-?backs?',
    'payment disputes?',
    'disput(?:e|ed|ing) (?:the |this |a )?(?:charge|payment|transaction)',
    '(?:disput(?:e|ed|ing)(?: it| the charge| the payment)?|claim) with (?:my |the )?(?:bank|card issuer|credit card(?: company)?|paypal)',
    'paypal (?:dispute|claim)s?',
    'revers(?:e|ed|ing) the (?:charge|payment|transaction)',
  ],
  consumer_office: [
    'dgccrf',
    'ddpp',
    'repression des fraudes',
    'signal ?conso',
    'ufc(?: ?- ?| )que choisir',
    'associations? de (?:defense des )?consommateurs',
    'mediat(?:eur|rice|ion) (?:de la |pour le )?consomm(?:ation|ateur)',
    // Québec's Office (and "bureau") de la protection du consommateur, and the phrase itself.
    'protection du consommateur',
    'spf economie',
    'spf eco',
    'service public federal economie',
    'consumer protection',
    'trading standards',
    'better business bureau',
    '(?:consumer )?ombudsman',
  ],
  lawyer: [
    'avocat(?:s|e|es)?',
    'huissiers?(?: de justice)?',
    'commissaires? de justice',
    'juristes?',
    'protection juridique',
    'conseil juridique',
    'lawyers?',
    'attorneys?',
    'solicitors?',
    'legal counsel',
  ],
  court: [
    'tribuna(?:l|ux)',
    'juge de (?:proximite|paix)',
    'juges? des contentieux de la protection',
    'en justice',
    'poursuites? judiciaires?',
    'petites creances',
    'conciliateur de justice',
    'injonction de payer',
    'small claims',
    // "court" alone is French for "short": only the English phrases that mean a court of law.
    '(?:to|in|into) court',
    'court (?:case|action|order|claim)',
    'legal (?:action|proceedings)',
    'lawsuits?',
  ],
};

// English words that folding turns into French ones ("sué" → "sue"): matched only when the
// message is not known to be French, on the text as written (where "sué" keeps its accent).
const ENGLISH_ONLY: Readonly<Partial<Record<DisputeKind, readonly string[]>>> = {
  court: ['su(?:e|ed|ing)'],
};

/** Every term, for whoever flags legal threats too (the social triage). */
export const disputeTerms: readonly string[] = disputeKinds.flatMap((k) => LEXICON[k]);
export const disputeEnglishOnlyTerms: readonly string[] = disputeKinds.flatMap((k) => ENGLISH_ONLY[k] ?? []);

const PATTERNS = disputeKinds.map((kind) => {
  const english = ENGLISH_ONLY[kind];
  return { kind, folded: wordsPattern(LEXICON[kind]), asWritten: english ? wordsPattern(english) : null };
});

export interface DisputeSignal {
  kind: DisputeKind;
  /** The words found, folded ("mise en demeure", "retrofacturation"). */
  term: string;
  /** The sentence they were found in, as the customer wrote it (at most 200 characters). */
  quote: string;
}

const QUOTE_MAX = 200;
const asWritten = (text: string) => text.normalize('NFC').toLowerCase();

function quoteOf(text: string, found: (sentence: string) => boolean, term: string): string {
  const sentence = text.split(/(?<=[.!?;])\s+|\n+/).find((s) => found(s))?.trim();
  if (!sentence) return term;
  return sentence.length > QUOTE_MAX ? `${sentence.slice(0, QUOTE_MAX - 1).trimEnd()}…` : sentence;
}

/** The dispute signals of a message, one per kind found, in `disputeKinds` order. */
export function detectDisputeSignals(text: string, language?: 'fr' | 'en' | null): DisputeSignal[] {
  if (!text.trim()) return [];
  const folded = foldText(text);
  const written = language === 'fr' ? '' : asWritten(text);
  const signals: DisputeSignal[] = [];
  for (const p of PATTERNS) {
    const hit = p.folded.exec(folded);
    if (hit) {
      signals.push({ kind: p.kind, term: hit[0], quote: quoteOf(text, (s) => p.folded.test(foldText(s)), hit[0]) });
      continue;
    }
    const english = p.asWritten && written ? p.asWritten.exec(written) : null;
    if (english) signals.push({ kind: p.kind, term: english[0], quote: quoteOf(text, (s) => p.asWritten!.test(asWritten(s)), english[0]) });
  }
  return signals;
}

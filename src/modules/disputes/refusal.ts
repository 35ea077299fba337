// Does an agent's draft refuse the customer? "Nous ne sommes pas responsables des composantes
// défectueuses" is where seed 004 went wrong: a refusal the law did not allow, then 37
// e-mails, a formal notice and a chargeback. The detector reads the draft before it leaves;
// `refusalWarning` sets it against the rulebook's verdict for the case: when the verdict says
// the customer is entitled to a remedy, the refusal needs a manager's approval.
//
// Pure. French and English, accent- and case-insensitive, whole words. Negation is not parsed
// ("ce n'est pas hors garantie" is still found): the agent sees a warning, never a block, and a
// warning too many costs a glance where a refusal too many costs a customer.
import { findAsWritten, foldText, wordsPattern } from '../../platform/text/words.ts';

// Written on folded text (lower case, no accents, straight apostrophes).
const REFUSALS = [
  // French: responsibility denied
  'ne sommes pas responsables?',
  "(?:ce )?n'est pas (?:de )?notre (?:responsabilite|faute|ressort)",
  'ne sommes pas tenus?',
  // French: what the seller will not do
  'ne (?:pouvons|pourrons|pourrions) (?:malheureusement )?pas (?:vous )?(?:accepter|donner suite|rembourser|echanger|remplacer|reparer|reprendre|prendre en charge|faire droit|honorer|accorder)',
  'ne sommes pas en mesure de (?:vous )?(?:accepter|donner suite|rembourser|echanger|remplacer|reparer|reprendre|prendre en charge)',
  'ne (?:rembourserons|echangerons|reparerons|reprendrons|accepterons|remplacerons) pas',
  '(?:pas|plus|non) pris(?:e|es|s)? en charge',
  'refus de (?:prise en charge|remboursement|garantie|votre demande)',
  '(?:nous )?(?:refusons|devons refuser|sommes contraints? de refuser)',
  '(?:demande|reclamation|requete|retour) (?:est |a ete )?(?:refusee?|rejetee?)',
  'aucun (?:remboursement|echange|avoir|geste commercial) (?:ne sera|n\'est|ne peut)',
  // French: the warranty said not to apply
  'hors garantie',
  '(?:pas|plus) couvert(?:e|s|es)?',
  "garantie (?:ne s'applique pas|ne couvre pas|est expiree|a expire)",
  'mauvaise utilisation',
  'usage (?:non conforme|anormal)',
  'de votre (?:fait|faute)',
  'usure normale',
  // English
  "(?:we are|we're|we) not (?:responsible|liable)",
  'not our (?:responsibility|fault|problem)',
  "(?:cannot|can't|can not|are unable to|are not able to|won't|will not) (?:accept|refund|replace|exchange|repair|honou?r|cover|take back)",
  'not covered',
  'no longer covered',
  'out of warranty',
  'outside (?:the|our) (?:warranty|return (?:window|period))',
  "warranty (?:has expired|does not cover|doesn't cover|is void)",
  'void(?:s|ed)? (?:the|your) warranty',
  '(?:request|claim|return) (?:has been|is|was) (?:rejected|denied|declined|refused)',
  'we (?:must |have to )?(?:decline|refuse|reject)',
  'no refunds?',
  'misuse',
  'wear and tear',
] as const;

const REFUSAL_RE = wordsPattern(REFUSALS, 'gu');

export interface RefusalCheck {
  refuses: boolean;
  /** The refusing words found, as written, in the order they appear (each once). */
  phrases: string[];
}

export function detectRefusal(text: string): RefusalCheck {
  const phrases: string[] = [];
  const seen = new Set<string>();
  for (const phrase of findAsWritten(text, REFUSAL_RE)) {
    const key = foldText(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return { refuses: phrases.length > 0, phrases };
}

/** What the warning needs of the rulebook's verdict (POST /api/v1/policies/evaluate's answer). */
export interface PolicyVerdictFacts {
  eligible: boolean;
  remedies: string[];
  legalGuaranteeUntil: string | null;
  /** Until when a defect is presumed to have existed at the sale (Québec: the product's counted life). */
  presumptionUntil?: string | null;
  withdrawalUntil: string | null;
  policyVersion: number;
}

export interface RefusalWarning {
  /** A refusal the verdict contradicts goes to a manager (gestures/approvals). */
  requiresApproval: true;
  legalGuaranteeUntil: string | null;
  withdrawalUntil: string | null;
  remedies: string[];
  policyVersion: number;
  /** What the agent reads, as is. */
  text: { fr: string; en: string };
}

const remedyWords: Record<string, { fr: string; en: string }> = {
  repair: { fr: 'réparation', en: 'repair' },
  replace: { fr: 'remplacement', en: 'replacement' },
  refund: { fr: 'remboursement', en: 'refund' },
  exchange_in_store: { fr: 'échange en magasin', en: 'exchange in store' },
  price_reduction: { fr: 'réduction du prix', en: 'price reduction' },
  rescission: { fr: 'résolution de la vente', en: 'rescission' },
};

const monthFormat = { fr: new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }) };

/** A legal date as the law writes it: "1er mars 2027", "12 March 2027". */
export function legalDateText(date: string, lang: 'fr' | 'en'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthName = monthFormat[lang].format(new Date(Date.UTC(year, month - 1, 1)));
  return `${lang === 'fr' && day === 1 ? '1er' : day} ${monthName} ${year}`;
}

const APPROVAL = { fr: 'un refus doit être approuvé par un responsable.', en: 'a refusal needs a manager’s approval.' };

/**
 * The warning when a draft refuses what the verdict grants; null when it does not refuse, or
 * when the verdict leaves the customer no remedy (a refusal is then the rule, not a mistake).
 */
export function refusalWarning(refuses: boolean, verdict: PolicyVerdictFacts | null): RefusalWarning | null {
  if (!refuses || !verdict?.eligible) return null;
  const g = verdict.legalGuaranteeUntil;
  const w = verdict.withdrawalUntil;
  // Québec's durability warranty has no end date, but the counted life gives the presumption one.
  const p = verdict.presumptionUntil ?? null;
  const list = (lang: 'fr' | 'en') => verdict.remedies.map((r) => remedyWords[r]?.[lang] ?? r).join(', ');
  const text = g
    ? { fr: `La garantie légale s’applique jusqu’au ${legalDateText(g, 'fr')} : ${APPROVAL.fr}`, en: `The legal guarantee applies until ${legalDateText(g, 'en')}: ${APPROVAL.en}` }
    : p
      ? {
          fr: `Un défaut apparu avant le ${legalDateText(p, 'fr')} est présumé exister dès la vente, et le client a droit à une solution (${list('fr')}) : ${APPROVAL.fr}`,
          en: `A defect that appears before ${legalDateText(p, 'en')} is presumed to have existed at the sale, and the customer is entitled to a remedy (${list('en')}): ${APPROVAL.en}`,
        }
      : w
      ? { fr: `Le client peut se rétracter jusqu’au ${legalDateText(w, 'fr')} : ${APPROVAL.fr}`, en: `The customer may withdraw until ${legalDateText(w, 'en')}: ${APPROVAL.en}` }
      : {
          fr: `Le règlement donne droit à une solution${verdict.remedies.length ? ` (${list('fr')})` : ''} : ${APPROVAL.fr}`,
          en: `The policy entitles the customer to a remedy${verdict.remedies.length ? ` (${list('en')})` : ''}: ${APPROVAL.en}`,
        };
  return { requiresApproval: true, legalGuaranteeUntil: g, withdrawalUntil: w, remedies: [...verdict.remedies], policyVersion: verdict.policyVersion, text };
}

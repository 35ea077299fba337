// The refusal detector on agents' drafts, and the warning against a verdict of the rulebook
// (hand-made verdicts in the answer shape of POST /api/v1/policies/evaluate).
import { describe, expect, it } from 'vitest';
import { detectRefusal, legalDateText, refusalWarning, type PolicyVerdictFacts } from './refusal.ts';

describe('a draft that refuses', () => {
  it.each([
    ['Nous ne sommes pas responsables des composantes défectueuses.', 'ne sommes pas responsables'],
    ['Cette panne n’est pas prise en charge.', 'pas prise en charge'],
    ['Votre produit est hors garantie.', 'hors garantie'],
    ['Ce dommage n’est pas couvert par la garantie.', 'pas couvert'],
    ['Nous ne pouvons malheureusement pas accepter votre retour.', 'ne pouvons malheureusement pas accepter'],
    ['Nous ne sommes pas en mesure de vous rembourser.', 'ne sommes pas en mesure de vous rembourser'],
    ['Votre demande a été refusée.', 'demande a été refusée'],
    ['La casse résulte d’une mauvaise utilisation.', 'mauvaise utilisation'],
    ["Ce n'est pas de notre responsabilité.", "Ce n'est pas de notre responsabilité"],
    ['We cannot accept this return.', 'cannot accept'],
    ["We're not responsible for carrier damage.", "We're not responsible"],
    ['This is not covered by the warranty.', 'not covered'],
    ['Your device is out of warranty.', 'out of warranty'],
    ['Your claim has been rejected.', 'claim has been rejected'],
    ['We must decline your request.', 'We must decline'],
  ])('"%s"', (text, phrase) => {
    expect(detectRefusal(text)).toEqual({ refuses: true, phrases: [phrase] });
  });

  it('lists every refusing phrase once, as written, in order', () => {
    expect(detectRefusal('Hors garantie, et nous ne sommes pas responsables. Hors garantie !')).toEqual({ refuses: true, phrases: ['Hors garantie', 'ne sommes pas responsables'] });
  });

  it('leaves a solution alone', () => {
    for (const text of [
      'Nous prenons en charge la réparation et vous renvoyons la pièce sous 5 jours.',
      'Votre produit est sous garantie : nous l’échangeons.',
      'We will refund you within 14 days.',
      'The repair is covered by the legal guarantee.',
      'Nous sommes responsables de la conformité du produit : voici la solution.',
    ]) {
      expect(detectRefusal(text), text).toEqual({ refuses: false, phrases: [] });
    }
  });
});

const verdict = (over: Partial<PolicyVerdictFacts> = {}): PolicyVerdictFacts => ({
  eligible: true,
  remedies: ['repair', 'replace'],
  legalGuaranteeUntil: '2027-03-12',
  withdrawalUntil: null,
  policyVersion: 3,
  ...over,
});

describe('the refusal warning against the verdict', () => {
  it('says until when the legal guarantee applies and that a manager must approve', () => {
    expect(refusalWarning(true, verdict())).toEqual({
      requiresApproval: true,
      legalGuaranteeUntil: '2027-03-12',
      withdrawalUntil: null,
      remedies: ['repair', 'replace'],
      policyVersion: 3,
      text: {
        fr: 'La garantie légale s’applique jusqu’au 12 mars 2027 : un refus doit être approuvé par un responsable.',
        en: 'The legal guarantee applies until 12 March 2027: a refusal needs a manager’s approval.',
      },
    });
  });

  it('names the withdrawal period when no guarantee date applies', () => {
    expect(refusalWarning(true, verdict({ legalGuaranteeUntil: null, withdrawalUntil: '2026-05-01', remedies: ['refund'] }))?.text).toEqual({
      fr: 'Le client peut se rétracter jusqu’au 1er mai 2026 : un refus doit être approuvé par un responsable.',
      en: 'The customer may withdraw until 1 May 2026: a refusal needs a manager’s approval.',
    });
  });

  it('names the presumption’s end when the guarantee has none (Québec’s durability warranty)', () => {
    expect(refusalWarning(true, verdict({ legalGuaranteeUntil: null, presumptionUntil: '2028-05-07', remedies: ['repair', 'replace'] }))?.text).toEqual({
      fr: 'Un défaut apparu avant le 7 mai 2028 est présumé exister dès la vente, et le client a droit à une solution (réparation, remplacement) : un refus doit être approuvé par un responsable.',
      en: 'A defect that appears before 7 May 2028 is presumed to have existed at the sale, and the customer is entitled to a remedy (repair, replacement): a refusal needs a manager’s approval.',
    });
  });

  it('names the remedies when the law gives no date', () => {
    expect(refusalWarning(true, verdict({ legalGuaranteeUntil: null, remedies: ['repair', 'refund'] }))?.text).toEqual({
      fr: 'Le règlement donne droit à une solution (réparation, remboursement) : un refus doit être approuvé par un responsable.',
      en: 'The policy entitles the customer to a remedy (repair, refund): a refusal needs a manager’s approval.',
    });
  });

  it('says nothing when the draft does not refuse, the verdict grants nothing, or there is no verdict', () => {
    expect(refusalWarning(false, verdict())).toBeNull();
    expect(refusalWarning(true, verdict({ eligible: false, remedies: [], legalGuaranteeUntil: null }))).toBeNull();
    expect(refusalWarning(true, null)).toBeNull();
  });

  it('writes legal dates as the law does', () => {
    expect(legalDateText('2026-03-01', 'fr')).toBe('1er mars 2026');
    expect(legalDateText('2026-12-31', 'fr')).toBe('31 décembre 2026');
    expect(legalDateText('2026-03-01', 'en')).toBe('1 March 2026');
  });
});

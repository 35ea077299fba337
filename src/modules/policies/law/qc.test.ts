// Québec's Loi sur la protection du consommateur, exact to the day.
import { describe, expect, it } from 'vitest';
import { ask, outline, policyWith } from '../../../../test/support/policy-requests.ts';

const qc = { country: 'QC', deliveredAt: '2026-03-10', price: { amount: 40_000, currency: 'CAD' } } as const;

describe('Québec — warranties of fitness and durability (LPC s. 37–38)', () => {
  it('a part defective on arrival (seed 004): covered, the merchant answers, no fixed duration', () => {
    const v = ask({ ...qc, category: 'electronic_parts', requestedAt: '2026-03-11' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['repair', 'replace', 'price_reduction', 'rescission'],
      legalGuaranteeUntil: null,
      presumptionUntil: '2028-03-10',
      burdenOfProof: 'seller',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: ['qc.lpc.fitness_and_durability', 'qc.lpc.merchant_and_manufacturer_liable', 'qc.durability.counted_life', 'qc.lpc.remedies'],
    });
    expect(v.explanation).toEqual({
      fr: 'La loi vous garantit que le produit sert à l’usage auquel il est destiné pendant une durée raisonnable, compte tenu de son prix et de son usage (garanties de qualité et de durabilité). Nous en répondons avec le fabricant : vous n’avez pas à vous adresser à lui. Pour ce type de produit, nous comptons une durée de vie d’au moins 24 mois, jusqu’au 10 mars 2028 : un défaut qui apparaît avant est présumé exister dès la vente. Vous pouvez demander la réparation, le remplacement, une réduction du prix ou l’annulation de la vente.',
      en: 'The law guarantees that the product serves its normal use for a reasonable time, given its price and use (warranties of fitness and durability). We answer for it together with the manufacturer: you do not have to deal with the manufacturer. For this kind of product we count a life of at least 24 months, until 10 March 2028: a defect that appears before then is presumed to have existed at the sale. You may ask for repair, replacement, a price reduction or the cancellation of the sale.',
    });
  });

  it('the last day of the counted life is in; the day after, the customer shows it did not last', () => {
    expect(ask({ ...qc, requestedAt: '2028-03-10' }).eligible).toBe(true);
    const v = ask({ ...qc, requestedAt: '2028-03-11' });
    expect(outline(v)).toMatchObject({ eligible: false, remedies: [], burdenOfProof: 'consumer', legalGuaranteeUntil: null, presumptionUntil: '2028-03-10' });
    expect(v.rules).toContain('qc.durability.beyond_counted_life');
    expect(v.explanation.fr).toContain('nous comptons une durée de vie de 24 mois, atteinte le 10 mars 2028 : si le produit n’a pas duré un temps raisonnable');
  });

  it('counts the life the document sets for the category', () => {
    const policy = policyWith({ quebec: { durabilityMonths: { default: 24, byCategory: { large_appliance: 84 } } } });
    expect(ask({ ...qc, category: 'large_appliance', requestedAt: '2033-03-10' }, policy).eligible).toBe(true);
    expect(ask({ ...qc, category: 'large_appliance', requestedAt: '2033-03-11' }, policy).eligible).toBe(false);
    expect(ask({ ...qc, category: 'phone', requestedAt: '2028-03-11' }, policy).eligible).toBe(false);
    expect(ask({ ...qc, category: null, requestedAt: '2028-03-10' }, policy).eligible).toBe(true);
  });

  it('applies to used goods and every channel alike', () => {
    expect(ask({ ...qc, condition: 'used', channel: 'store', requestedAt: '2028-03-10' }).eligible).toBe(true);
  });
});

describe('Québec — withdrawal', () => {
  it('none by law for a purchase online or in store', () => {
    for (const channel of ['online', 'marketplace', 'store'] as const) {
      const v = ask({ ...qc, channel, request: 'withdrawal', requestedAt: '2026-03-11' });
      expect(outline(v)).toMatchObject({ eligible: false, withdrawalUntil: null, rules: ['qc.withdrawal.none_for_this_sale'] });
      expect(v.explanation.en).toBe('In Québec, the law gives no right of withdrawal for this purchase.');
    }
  });

  it('an itinerant merchant’s contract: 10 days after it was made, refund within 15 days', () => {
    const v = ask({ ...qc, channel: 'off_premises', request: 'withdrawal', purchasedAt: '2026-03-02', deliveredAt: null, requestedAt: '2026-03-12' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['refund'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: '2026-03-12',
      refundDueBy: '2026-03-27',
      rules: ['qc.itinerant.10_days', 'qc.itinerant.refund_15_days'],
    });
    expect(ask({ ...qc, channel: 'off_premises', request: 'withdrawal', purchasedAt: '2026-03-02', deliveredAt: null, requestedAt: '2026-03-13' }).eligible).toBe(false);
  });

  it('ending on the Fête nationale (24 June) runs to the 25th', () => {
    const v = ask({ ...qc, channel: 'off_premises', request: 'withdrawal', purchasedAt: '2026-06-14', deliveredAt: null, requestedAt: '2026-06-25' });
    expect([v.eligible, v.withdrawalUntil]).toEqual([true, '2026-06-25']);
    expect(v.rules).toContain('qc.itinerant.next_working_day');
    expect(v.explanation.fr).toBe(
      'Ce contrat conclu hors de nos établissements peut être annulé jusqu’au 25 juin 2026, 10 jours après sa conclusion (reportés au premier jour ouvrable suivant). Nous vous remboursons dans les 15 jours, au plus tard le 10 juillet 2026.',
    );
  });

  it('ending on Good Friday skips Easter Monday too', () => {
    const v = ask({ ...qc, channel: 'off_premises', request: 'withdrawal', purchasedAt: '2026-03-24', deliveredAt: null, requestedAt: '2026-04-08' });
    expect([v.eligible, v.withdrawalUntil]).toEqual([false, '2026-04-07']);
  });
});

describe('Québec — late delivery of a distance contract (s. 54.9, 54.13, 54.14)', () => {
  const late = (over: object) => ask({ ...qc, request: 'late_delivery', purchasedAt: '2026-03-01', deliveredAt: null, ...over });

  it('may be rescinded 30 days after the order when no date was agreed: not on the 30th day', () => {
    const v = late({ requestedAt: '2026-03-31' });
    expect(outline(v)).toMatchObject({ eligible: false, rules: ['qc.delivery.order_plus_30_days'] });
    expect(v.explanation.fr).toBe('La vente pourra être annulée si la livraison n’a pas eu lieu au plus tard le 31 mars 2026, 30 jours après la commande.');
  });

  it('the day after: refund within 15 days, then the credit-card chargeback for 60 days', () => {
    const v = late({ requestedAt: '2026-04-01' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['refund', 'rescission'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: null,
      refundDueBy: '2026-04-16',
      rules: ['qc.delivery.order_plus_30_days', 'qc.distance.refund_15_days', 'qc.distance.chargeback_60_days'],
    });
    expect(v.explanation.en).toBe(
      'Delivery did not happen within 30 days after the order (by 31 March 2026): you may cancel the sale. We must then refund you within 15 days, by 16 April 2026; failing that, if you paid by credit card, you may ask the card issuer to charge the payment back, until 16 June 2026.',
    );
  });

  it('30 days after the agreed date when there was one', () => {
    expect(late({ promisedAt: '2026-03-10', requestedAt: '2026-04-09' }).eligible).toBe(false);
    const v = late({ promisedAt: '2026-03-10', requestedAt: '2026-04-10' });
    expect([v.eligible, v.refundDueBy, v.rules[0]]).toEqual([true, '2026-04-25', 'qc.delivery.promised_date_plus_30_days']);
  });

  it('not once delivered, and not for a sale in store', () => {
    expect(late({ deliveredAt: '2026-04-05', requestedAt: '2026-04-10' }).eligible).toBe(false);
    const v = late({ channel: 'store', requestedAt: '2026-06-01' });
    expect(outline(v)).toMatchObject({ eligible: false, rules: ['qc.delivery.not_a_distance_contract'] });
  });
});

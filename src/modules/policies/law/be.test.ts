// Belgian consumer law (contracts since 1 June 2022), exact to the day.
import { describe, expect, it } from 'vitest';
import { ask, outline, policyWith } from '../../../../test/support/policy-requests.ts';

const be = { country: 'BE', deliveredAt: '2026-03-10' } as const;

describe('Belgium — legal guarantee of conformity', () => {
  it('2 years from delivery, presumed for the full period: last day in', () => {
    const v = ask({ ...be, requestedAt: '2028-03-10' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['repair', 'replace'],
      legalGuaranteeUntil: '2028-03-10',
      presumptionUntil: '2028-03-10',
      burdenOfProof: 'seller',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: ['be.conformity.guarantee_2_years', 'be.conformity.presumption_full_period', 'be.conformity.report_within_2_months'],
    });
    expect(v.explanation).toEqual({
      fr: 'Votre produit est couvert par la garantie légale de conformité jusqu’au 10 mars 2028. Pendant toute cette garantie, un défaut est présumé exister depuis la livraison : vous n’avez pas à le prouver. Vous choisissez la réparation ou le remplacement : c’est sans frais et nous devons l’effectuer dans un délai raisonnable. À défaut, vous pourrez demander une réduction du prix ou l’annulation de la vente. Signalez-nous un défaut dans les 2 mois après l’avoir constaté.',
      en: 'Your product is covered by the legal guarantee of conformity until 10 March 2028. Throughout this guarantee, a defect is presumed to have existed at delivery: you do not have to prove it. You choose repair or replacement: it is free of charge and we must carry it out within a reasonable time. Failing that, you may ask for a price reduction or the cancellation of the sale. Report a defect to us within 2 months of noticing it.',
    });
  });

  it('first day out: hidden defects only', () => {
    const v = ask({ ...be, requestedAt: '2028-03-11' });
    expect(outline(v)).toMatchObject({ eligible: false, burdenOfProof: 'consumer', rules: ['be.conformity.guarantee_2_years', 'be.conformity.presumption_full_period', 'be.civil.hidden_defects'] });
    expect(v.explanation.en).toBe(
      'The legal guarantee of conformity ended on 10 March 2028. A hidden defect that existed before the purchase can still be invoked, provided you act promptly after discovering it.',
    );
  });

  it('used goods keep the 2 years unless the terms of sale agreed less', () => {
    const v = ask({ ...be, condition: 'used', requestedAt: '2028-03-10' });
    expect([v.eligible, v.presumptionUntil, v.burdenOfProof]).toEqual([true, '2028-03-10', 'seller']);
    expect(v.rules).not.toContain('be.conformity.used_goods_agreed_period');
  });

  it('used goods with a 12-month agreement: guarantee and presumption end together', () => {
    const policy = policyWith({ belgium: { usedGoodsGuaranteeMonths: 12 } });
    const last = ask({ ...be, condition: 'used', requestedAt: '2027-03-10' }, policy);
    expect([last.eligible, last.legalGuaranteeUntil, last.presumptionUntil, last.burdenOfProof]).toEqual([true, '2027-03-10', '2027-03-10', 'seller']);
    expect(last.rules[0]).toBe('be.conformity.used_goods_agreed_period');
    expect(ask({ ...be, condition: 'used', requestedAt: '2027-03-11' }, policy).eligible).toBe(false);
    expect(ask({ ...be, condition: 'new', requestedAt: '2027-03-11' }, policy).eligible).toBe(true);
  });

  it('an 18-month agreement', () => {
    const v = ask({ ...be, condition: 'used', requestedAt: '2027-09-10' }, policyWith({ belgium: { usedGoodsGuaranteeMonths: 18 } }));
    expect([v.eligible, v.legalGuaranteeUntil]).toEqual([true, '2027-09-10']);
  });

  it('a repair does not extend the guarantee (a French rule), but opens price reduction and rescission', () => {
    const v = ask({ ...be, repairs: [{ completedAt: '2027-01-15' }], requestedAt: '2028-03-10' });
    expect([v.legalGuaranteeUntil, v.remedies]).toEqual(['2028-03-10', ['repair', 'replace', 'price_reduction', 'rescission']]);
    expect(v.rules).toContain('be.conformity.price_reduction_or_rescission');
    expect(ask({ ...be, repairs: [{ completedAt: '2027-01-15' }], requestedAt: '2028-03-11' }).eligible).toBe(false);
  });

  it('nor does a replacement the seller imposed start a new one', () => {
    expect(ask({ ...be, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: true }], requestedAt: '2028-03-11' }).eligible).toBe(false);
  });
});

describe('Belgium — right of withdrawal', () => {
  const withdraw = (deliveredAt: string, requestedAt: string, over = {}) => ask({ ...be, request: 'withdrawal', purchasedAt: '2026-02-20', deliveredAt, requestedAt, ...over });

  it('14 calendar days from possession, refund within 14 days', () => {
    expect(outline(withdraw('2026-03-02', '2026-03-16'))).toEqual({
      eligible: true,
      remedies: ['refund'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: '2026-03-16',
      refundDueBy: '2026-03-30',
      rules: ['be.withdrawal.14_days', 'be.withdrawal.refund_14_days'],
    });
    expect(withdraw('2026-03-02', '2026-03-17').eligible).toBe(false);
  });

  it.each([
    ['2026-03-07', '2026-03-23', 'a Saturday'],
    ['2026-07-07', '2026-07-22', '21 July, the national day'],
    ['2026-03-23', '2026-04-07', 'Easter Monday'],
    ['2026-10-28', '2026-11-12', '11 November'],
  ])('received %s: runs to %s (ends on %s)', (receivedAt, until) => {
    expect(withdraw(receivedAt, until)).toMatchObject({ eligible: true, withdrawalUntil: until });
    expect(withdraw(receivedAt, until).rules).toContain('be.withdrawal.next_working_day');
  });

  it('uses Belgian holidays, not French ones: 8 May and 14 July are working days', () => {
    expect(withdraw('2026-04-24', '2026-05-08').withdrawalUntil).toBe('2026-05-08');
    expect(withdraw('2026-04-24', '2026-05-11').eligible).toBe(false);
    expect(withdraw('2026-06-30', '2026-07-14').withdrawalUntil).toBe('2026-07-14');
    expect(withdraw('2026-06-30', '2026-07-14').rules).not.toContain('be.withdrawal.next_working_day');
  });

  it('not in store; custom-made goods excluded', () => {
    expect(withdraw('2026-03-02', '2026-03-03', { channel: 'store' }).rules).toEqual(['be.withdrawal.not_in_store']);
    expect(withdraw('2026-03-02', '2026-03-03', { customMade: true }).rules).toEqual(['be.withdrawal.exception.custom_made']);
  });
});

describe('Belgium — late delivery', () => {
  it('30 days after the order, then rescission with a refund without delay (no date)', () => {
    expect(ask({ ...be, request: 'late_delivery', deliveredAt: null, requestedAt: '2026-03-31' }).eligible).toBe(false);
    const v = ask({ ...be, request: 'late_delivery', deliveredAt: null, requestedAt: '2026-04-01' });
    expect(outline(v)).toMatchObject({ eligible: true, remedies: ['refund', 'rescission'], refundDueBy: null, rules: ['be.delivery.30_days', 'be.delivery.rescission_refund_without_delay'] });
    expect(v.explanation.fr).toBe(
      'La livraison était due au plus tard le 31 mars 2026 (30 jours après la commande). Vous pouvez nous demander de livrer dans un délai supplémentaire raisonnable ; sans livraison dans ce délai, vous pouvez annuler la vente, et nous vous remboursons la totalité des sommes versées sans délai.',
    );
  });
});

// The retailer's rules on top of the law: longer return windows, store warranties, direct
// exchange in store — and never less than the law.
import { describe, expect, it } from 'vitest';
import { ask, outline, policyWith, purchase, calendar } from '../../../test/support/policy-requests.ts';
import { evaluatePolicy, PolicyRequestError } from './evaluate.ts';

const returns = (windowDays: Partial<Record<'store' | 'online' | 'marketplace' | 'off_premises', number>>, exchangeInStore = false) =>
  policyWith({ returns: { windowDays: { store: 0, online: 0, marketplace: 0, off_premises: 0, ...windowDays }, refundWithinDays: 10, exchangeInStore } });

describe('return windows per sales channel', () => {
  const online30 = returns({ online: 30, store: 30 }, true);
  const withdraw = (over: object, policy = online30) => ask({ request: 'withdrawal', purchasedAt: '2026-02-25', deliveredAt: '2026-03-02', ...over }, policy);

  it('within the legal 14 days: the law’s refund, and the window’s later end', () => {
    expect(outline(withdraw({ requestedAt: '2026-03-10' }))).toEqual({
      eligible: true,
      remedies: ['refund', 'exchange_in_store'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: '2026-04-01',
      refundDueBy: '2026-03-24',
      rules: ['fr.withdrawal.14_days', 'fr.withdrawal.refund_14_days', 'store.returns.window'],
    });
  });

  it('after the legal period, the window still takes it back, refunded within its own delay', () => {
    const v = withdraw({ requestedAt: '2026-03-20' });
    expect(outline(v)).toMatchObject({ eligible: true, withdrawalUntil: '2026-04-01', refundDueBy: '2026-03-30', rules: ['fr.withdrawal.14_days', 'store.returns.window', 'store.returns.refund'] });
    expect(v.explanation.fr).toBe(
      'Le délai légal de rétractation a pris fin le 16 mars 2026. Notre politique de retour vous laisse jusqu’au 1er avril 2026 (30 jours après la réception) pour retourner le produit, contre remboursement ou échange en magasin. En cas de retour, nous vous remboursons au plus tard le 30 mars 2026.',
    );
    expect(v.explanation.en).toBe(
      'The legal withdrawal period ended on 16 March 2026. Our returns policy gives you until 1 April 2026 (30 days after receipt) to return the product, for a refund or an exchange in store. If you return it, we refund you by 30 March 2026.',
    );
  });

  it('last day in, first day out (the window is not moved to a working day)', () => {
    expect(withdraw({ requestedAt: '2026-04-01' }).eligible).toBe(true);
    const out = withdraw({ requestedAt: '2026-04-02' });
    expect([out.eligible, out.withdrawalUntil]).toEqual([false, '2026-04-01']);
    expect(out.explanation.en).toContain('Our returns policy’s period (30 days after receipt) ended on 1 April 2026.');
  });

  it('a window no longer than the law’s says nothing', () => {
    const v = withdraw({ requestedAt: '2026-03-10' }, returns({ online: 10 }));
    expect(v.rules).toEqual(['fr.withdrawal.14_days', 'fr.withdrawal.refund_14_days']);
    expect(v.withdrawalUntil).toBe('2026-03-16');
  });

  it('in store, where the law gives none, counted from the purchase', () => {
    const v = ask({ request: 'withdrawal', channel: 'store', purchasedAt: '2026-03-02', deliveredAt: null, requestedAt: '2026-04-01' }, online30);
    expect(outline(v)).toMatchObject({ eligible: true, withdrawalUntil: '2026-04-01', refundDueBy: '2026-04-11', rules: ['fr.withdrawal.not_in_store', 'store.returns.window', 'store.returns.refund'] });
    expect(v.explanation.fr).toContain('(30 jours après l’achat)');
    expect(ask({ request: 'withdrawal', channel: 'store', purchasedAt: '2026-03-02', deliveredAt: null, requestedAt: '2026-04-02' }, online30).eligible).toBe(false);
  });

  it('in Québec, where the law gives none for an online purchase', () => {
    const v = ask({ country: 'QC', request: 'withdrawal', deliveredAt: '2026-03-02', requestedAt: '2026-03-20', price: { amount: 5000, currency: 'CAD' } }, online30);
    expect(outline(v)).toMatchObject({ eligible: true, withdrawalUntil: '2026-04-01', rules: ['qc.withdrawal.none_for_this_sale', 'store.returns.window', 'store.returns.refund'] });
  });

  it('not received yet: the window opens at receipt', () => {
    const v = ask({ country: 'QC', request: 'withdrawal', deliveredAt: null, requestedAt: '2026-03-01', price: { amount: 5000, currency: 'CAD' } }, online30);
    expect(outline(v)).toMatchObject({ eligible: true, withdrawalUntil: null, refundDueBy: '2026-03-11' });
    expect(v.explanation.en).toContain('Our returns policy gives you 30 days after receipt to return the product, for a refund or an exchange in store.');
  });

  it('what the law excludes, the window excludes too', () => {
    const policy = policyWith({ returns: { windowDays: { store: 30, online: 30, marketplace: 0, off_premises: 0 } }, withdrawalExceptions: { food: 'perishable' } });
    const custom = ask({ request: 'withdrawal', deliveredAt: '2026-03-02', requestedAt: '2026-03-03', customMade: true }, policy);
    expect(outline(custom)).toMatchObject({ eligible: false, rules: ['fr.withdrawal.exception.custom_made', 'store.returns.excluded'] });
    expect(custom.explanation.fr).toContain('Ce produit est exclu de notre politique de retour.');
    const food = ask({ request: 'withdrawal', channel: 'store', category: 'food', purchasedAt: '2026-03-02', deliveredAt: null, requestedAt: '2026-03-03' }, policy);
    expect(outline(food)).toMatchObject({ eligible: false, rules: ['fr.withdrawal.not_in_store', 'store.returns.excluded'] });
  });
});

describe('store warranty per category', () => {
  const tv3 = policyWith({ storeWarrantyMonths: { tv: 36, kettle: 12 } });
  const tv = (over: object) => ask({ deliveredAt: '2026-03-10', ...over }, tv3);

  it('within the legal guarantee it is mentioned, not relied on', () => {
    const v = tv({ requestedAt: '2027-06-01' });
    expect(v.rules).toEqual(['fr.conformity.guarantee_2_years', 'fr.conformity.presumption_24_months', 'fr.conformity.remedy_within_30_days', 'store.warranty']);
    expect(v.explanation.fr.endsWith('Votre garantie magasin court jusqu’au 10 mars 2029 ; elle s’ajoute aux garanties légales sans les remplacer.')).toBe(true);
  });

  it('after it, the store warranty covers: repair or replace, nothing to prove', () => {
    const v = tv({ requestedAt: '2029-03-10' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['repair', 'replace'],
      legalGuaranteeUntil: '2028-03-10',
      presumptionUntil: '2028-03-10',
      burdenOfProof: null,
      withdrawalUntil: null,
      refundDueBy: null,
      rules: ['fr.conformity.guarantee_2_years', 'fr.conformity.presumption_24_months', 'fr.civil.hidden_defects', 'store.warranty'],
    });
    expect(v.explanation.en.endsWith('Your 36-month store warranty runs until 10 March 2029: we repair or replace the product free of charge.')).toBe(true);
  });

  it('first day out', () => {
    const v = tv({ requestedAt: '2029-03-11' });
    expect([v.eligible, v.burdenOfProof]).toEqual([false, 'consumer']);
    expect(v.explanation.fr.endsWith('Votre garantie magasin a pris fin le 10 mars 2029.')).toBe(true);
  });

  it('a warranty shorter than the law says nothing', () => {
    expect(tv({ category: 'kettle', requestedAt: '2027-06-01' }).rules).not.toContain('store.warranty');
    expect(tv({ category: 'kettle', requestedAt: '2028-06-01' }).rules).not.toContain('store.warranty');
  });

  it('France: 7 days or more in repair extend it by that immobilisation (L217-16)', () => {
    const repairs = [{ startedAt: '2026-06-01', completedAt: '2026-06-20' }, { startedAt: '2026-09-01', completedAt: '2026-09-05' }];
    const v = tv({ repairs, requestedAt: '2029-03-29' });
    // Each repair also added 6 months to the legal guarantee; only the first kept it 7 days or more.
    expect([v.eligible, v.legalGuaranteeUntil, v.burdenOfProof]).toEqual([true, '2029-03-10', null]);
    expect(v.rules.slice(-2)).toEqual(['store.warranty', 'fr.commercial_guarantee.immobilisation_7_days']);
    expect(v.explanation.fr).toContain('Votre garantie magasin de 36 mois, prolongée de 19 jours d’immobilisation pour réparation, court jusqu’au 29 mars 2029');
    expect(tv({ repairs, requestedAt: '2029-03-30' }).eligible).toBe(false);
  });

  it('Québec: covers after the durable life counted', () => {
    const v = ask({ country: 'QC', deliveredAt: '2026-03-10', requestedAt: '2028-06-01', price: { amount: 90_000, currency: 'CAD' } }, tv3);
    expect([v.eligible, v.burdenOfProof, v.remedies]).toEqual([true, null, ['repair', 'replace']]);
  });
});

describe('direct exchange in store', () => {
  const exchange = policyWith({ storeExchange: { enabled: true, maxPrice: { EUR: 30_000 }, maxDaysSincePurchase: 30, requiresStock: true, channels: ['store', 'online'] } });
  const defect = (over: object) => ask({ channel: 'store', purchasedAt: '2026-03-01', deliveredAt: '2026-03-01', price: { amount: 29_900, currency: 'EUR' }, inStock: true, ...over }, exchange);

  it('price ≤ 300 €, purchase ≤ 30 days, in stock: exchanged on the spot', () => {
    const v = defect({ requestedAt: '2026-03-31' });
    expect(v.remedies).toEqual(['repair', 'replace', 'exchange_in_store']);
    expect(v.rules.at(-1)).toBe('store.exchange');
    expect(v.explanation.fr.endsWith('Vous pouvez aussi l’échanger directement en magasin.')).toBe(true);
    expect(v.policyVersion).toBe(7);
  });

  it('the 31st day is too late', () => {
    expect(defect({ requestedAt: '2026-04-01' }).remedies).toEqual(['repair', 'replace']);
  });

  it('300.00 € is in, 300.01 € is not; another currency is not listed', () => {
    expect(defect({ requestedAt: '2026-03-10', price: { amount: 30_000, currency: 'EUR' } }).remedies).toContain('exchange_in_store');
    expect(defect({ requestedAt: '2026-03-10', price: { amount: 30_001, currency: 'EUR' } }).remedies).not.toContain('exchange_in_store');
    expect(defect({ requestedAt: '2026-03-10', price: { amount: 100, currency: 'CAD' } }).remedies).not.toContain('exchange_in_store');
  });

  it('out of stock: not offered, and the verdict says why', () => {
    const v = defect({ requestedAt: '2026-03-10', inStock: false });
    expect([v.remedies, v.rules.at(-1)]).toEqual([['repair', 'replace'], 'store.exchange.out_of_stock']);
  });

  it('stock unknown: offered if in stock', () => {
    const v = defect({ requestedAt: '2026-03-10', inStock: null });
    expect(v.remedies).toContain('exchange_in_store');
    expect(v.explanation.en.endsWith('You can also exchange it directly in store, if it is in stock.')).toBe(true);
  });

  it('only for the channels listed, and only for a defect the rules cover', () => {
    expect(defect({ channel: 'marketplace', requestedAt: '2026-03-10' }).remedies).not.toContain('exchange_in_store');
    expect(defect({ requestedAt: '2026-03-10', request: 'withdrawal' }).remedies).not.toContain('exchange_in_store');
    const shortLife = policyWith({ quebec: { durabilityMonths: { default: 1, byCategory: {} } }, storeExchange: { enabled: true, maxPrice: { CAD: 50_000 }, maxDaysSincePurchase: 60 } });
    const expired = ask({ country: 'QC', channel: 'store', deliveredAt: '2026-03-01', requestedAt: '2026-04-15', price: { amount: 100, currency: 'CAD' } }, shortLife);
    expect([expired.eligible, expired.remedies]).toEqual([false, []]);
  });
});

describe('evaluatePolicy', () => {
  it('names the field of a date that is not one', () => {
    expect(() => evaluatePolicy(policyWith({}), purchase({ requestedAt: '2026-02-30' }), calendar)).toThrow(PolicyRequestError);
    try {
      evaluatePolicy(policyWith({}), purchase({ repairs: [{ completedAt: '2026-13-01' }] }), calendar);
    } catch (error) {
      expect((error as PolicyRequestError).field).toBe('repairs.0.completedAt');
    }
  });

  it('gives the same verdict for the same purchase, whoever asks', () => {
    const policy = policyWith({ storeWarrantyMonths: { tv: 36 } });
    const request = purchase({ requestedAt: '2028-06-01' });
    expect(evaluatePolicy(policy, request, calendar)).toEqual(evaluatePolicy(policy, structuredClone(request), calendar));
  });
});

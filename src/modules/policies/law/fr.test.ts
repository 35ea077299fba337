// French consumer law, exact to the day: the last day in and the first day out of each period.
import { describe, expect, it } from 'vitest';
import { ask, outline, policyWith } from '../../../../test/support/policy-requests.ts';

// Delivered Tuesday 10 March 2026 (a new television bought online on the 1st).
const delivered = '2026-03-10';

describe('France — legal guarantee of conformity (L217-3 ff.)', () => {
  it('new goods: 2 years from delivery, presumed all along; the last day is in', () => {
    expect(outline(ask({ deliveredAt: delivered, requestedAt: '2028-03-10' }))).toEqual({
      eligible: true,
      remedies: ['repair', 'replace'],
      legalGuaranteeUntil: '2028-03-10',
      presumptionUntil: '2028-03-10',
      burdenOfProof: 'seller',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: ['fr.conformity.guarantee_2_years', 'fr.conformity.presumption_24_months', 'fr.conformity.remedy_within_30_days'],
    });
  });

  it('the day after, the guarantee is over; hidden defects remain, to be proved by the consumer', () => {
    expect(outline(ask({ deliveredAt: delivered, requestedAt: '2028-03-11' }))).toEqual({
      eligible: false,
      remedies: [],
      legalGuaranteeUntil: '2028-03-10',
      presumptionUntil: '2028-03-10',
      burdenOfProof: 'consumer',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: ['fr.conformity.guarantee_2_years', 'fr.conformity.presumption_24_months', 'fr.civil.hidden_defects'],
    });
  });

  it('used goods: the presumption lasts 12 months (last day in)…', () => {
    const v = ask({ condition: 'used', deliveredAt: delivered, requestedAt: '2027-03-10' });
    expect([v.eligible, v.presumptionUntil, v.legalGuaranteeUntil, v.burdenOfProof]).toEqual([true, '2027-03-10', '2028-03-10', 'seller']);
    expect(v.rules).toContain('fr.conformity.presumption_used_12_months');
  });

  it('…then the consumer proves, still within the 2-year guarantee', () => {
    const v = ask({ condition: 'used', deliveredAt: delivered, requestedAt: '2027-03-11' });
    expect([v.eligible, v.burdenOfProof, v.remedies]).toEqual([true, 'consumer', ['repair', 'replace']]);
    expect(v.explanation.fr).toContain('Le délai de présomption a pris fin le 10 mars 2027 : c’est à vous de montrer que le défaut existait déjà à la livraison.');
  });

  it('used goods out of the guarantee on the day after its end', () => {
    expect(ask({ condition: 'used', deliveredAt: delivered, requestedAt: '2028-03-11' }).eligible).toBe(false);
  });

  it('counts months to the same date, or the last day of a shorter month', () => {
    const v = ask({ condition: 'used', purchasedAt: '2024-02-20', deliveredAt: '2024-02-29', requestedAt: '2025-02-28' });
    expect([v.presumptionUntil, v.legalGuaranteeUntil, v.burdenOfProof]).toEqual(['2025-02-28', '2026-02-28', 'seller']);
    expect(ask({ condition: 'used', purchasedAt: '2024-02-20', deliveredAt: '2024-02-29', requestedAt: '2025-03-01' }).burdenOfProof).toBe('consumer');
  });

  it('gives the 30-day deadline of the remedy in the words it sends', () => {
    const v = ask({ deliveredAt: delivered, requestedAt: '2026-03-12' });
    expect(v.explanation).toEqual({
      fr: 'Votre produit est couvert par la garantie légale de conformité jusqu’au 10 mars 2028. Pendant toute cette garantie, un défaut est présumé exister depuis la livraison : vous n’avez pas à le prouver. Vous choisissez la réparation ou le remplacement : c’est sans frais et nous devons l’effectuer au plus tard le 11 avril 2026. À défaut, vous pourrez demander une réduction du prix ou l’annulation de la vente.',
      en: 'Your product is covered by the legal guarantee of conformity until 10 March 2028. Throughout this guarantee, a defect is presumed to have existed at delivery: you do not have to prove it. You choose repair or replacement: it is free of charge and we must carry it out by 11 April 2026. Failing that, you may ask for a price reduction or the cancellation of the sale.',
    });
  });

  it('explains the hidden-defects path once the guarantee is over', () => {
    expect(ask({ deliveredAt: delivered, requestedAt: '2029-01-05' }).explanation).toEqual({
      fr: 'La garantie légale de conformité a pris fin le 10 mars 2028. Si le défaut était caché et existait avant l’achat, vous pouvez encore invoquer la garantie des vices cachés dans les 2 ans suivant sa découverte : réduction du prix ou annulation de la vente.',
      en: 'The legal guarantee of conformity ended on 10 March 2028. If the defect was hidden and existed before the purchase, you can still invoke the guarantee against hidden defects within 2 years of discovering it: price reduction or cancellation of the sale.',
    });
  });

  it('applies whatever the channel: store, marketplace, off premises', () => {
    for (const channel of ['store', 'marketplace', 'off_premises'] as const) {
      expect(ask({ channel, deliveredAt: delivered, requestedAt: '2028-03-10' }).legalGuaranteeUntil).toBe('2028-03-10');
    }
  });

  it('counts from the purchase when an online delivery date is unknown, and says so', () => {
    const v = ask({ deliveredAt: null, requestedAt: '2028-03-01' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2028-03-01', true]);
    expect(v.rules[0]).toBe('delivery.unknown_counted_from_purchase');
    expect(v.explanation.fr.startsWith('La date de livraison n’étant pas connue, nous comptons à partir de l’achat, le 1er mars 2026.')).toBe(true);
    expect(ask({ deliveredAt: null, requestedAt: '2028-03-02' }).eligible).toBe(false);
  });

  it('takes a store sale without delivery date as handed over at the till, without comment', () => {
    const v = ask({ channel: 'store', deliveredAt: null, purchasedAt: '2026-03-01', requestedAt: '2028-03-01' });
    expect([v.legalGuaranteeUntil, v.eligible, v.rules.includes('delivery.unknown_counted_from_purchase')]).toEqual(['2028-03-01', true, false]);
  });
});

describe('France — after a repair (+6 months, L217-13 al. 1)', () => {
  const repaired = { deliveredAt: delivered, repairs: [{ completedAt: '2027-01-15' }] };

  it('extends the guarantee by 6 months: last day in', () => {
    expect(outline(ask({ ...repaired, requestedAt: '2028-09-10' }))).toEqual({
      eligible: true,
      remedies: ['repair', 'replace', 'price_reduction', 'rescission'],
      legalGuaranteeUntil: '2028-09-10',
      presumptionUntil: '2028-03-10',
      burdenOfProof: 'consumer',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: [
        'fr.conformity.guarantee_2_years',
        'fr.conformity.presumption_24_months',
        'fr.conformity.repair_extends_6_months',
        'fr.conformity.remedy_within_30_days',
        'fr.conformity.price_reduction_or_rescission',
      ],
    });
  });

  it('first day out', () => {
    expect(ask({ ...repaired, requestedAt: '2028-09-11' }).eligible).toBe(false);
  });

  it('does not extend the presumption', () => {
    expect(ask({ ...repaired, requestedAt: '2028-03-10' }).burdenOfProof).toBe('seller');
    expect(ask({ ...repaired, requestedAt: '2028-03-11' }).burdenOfProof).toBe('consumer');
  });

  it('each repair adds 6 months', () => {
    const v = ask({ deliveredAt: delivered, repairs: [{ completedAt: '2028-05-01' }, { completedAt: '2027-01-15' }], requestedAt: '2029-03-10' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2029-03-10', true]);
  });

  it('a repair after the guarantee ended does not revive it', () => {
    const v = ask({ deliveredAt: delivered, repairs: [{ completedAt: '2028-04-01' }], requestedAt: '2028-05-01' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2028-03-10', false]);
    expect(v.rules).not.toContain('fr.conformity.repair_extends_6_months');
  });

  it('a repair handed in before the end counts even if completed after it', () => {
    const v = ask({ deliveredAt: delivered, repairs: [{ startedAt: '2028-03-01', completedAt: '2028-03-20' }], requestedAt: '2028-09-10' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2028-09-10', true]);
  });

  it('says why the date moved, and that a second tier is open', () => {
    const v = ask({ ...repaired, requestedAt: '2028-06-01' });
    expect(v.explanation.fr).toBe(
      'Votre produit est couvert par la garantie légale de conformité jusqu’au 10 septembre 2028. Chaque réparation faite sous cette garantie l’a prolongée de 6 mois. Le délai de présomption a pris fin le 10 mars 2028 : c’est à vous de montrer que le défaut existait déjà à la livraison. Vous choisissez la réparation ou le remplacement, sans frais, au plus tard le 1er juillet 2028. Le produit ayant déjà été réparé ou remplacé, vous pouvez aussi demander dès maintenant une réduction du prix ou l’annulation de la vente.',
    );
    expect(v.explanation.en).toBe(
      'Your product is covered by the legal guarantee of conformity until 10 September 2028. Each repair made under this guarantee extended it by 6 months. The presumption period ended on 10 March 2028: it is for you to show that the defect already existed at delivery. You choose repair or replacement, free of charge, by 1 July 2028. As the product has already been repaired or replaced, you may also ask straight away for a price reduction or the cancellation of the sale.',
    );
  });
});

describe('France — after a replacement (L217-13 al. 2)', () => {
  it('imposed by the seller: a new 2-year guarantee and presumption from the replacement', () => {
    const replaced = { deliveredAt: delivered, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: true }] };
    const v = ask({ ...replaced, requestedAt: '2029-06-01' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['repair', 'replace', 'price_reduction', 'rescission'],
      legalGuaranteeUntil: '2029-06-01',
      presumptionUntil: '2029-06-01',
      burdenOfProof: 'seller',
      withdrawalUntil: null,
      refundDueBy: null,
      rules: [
        'fr.conformity.guarantee_2_years',
        'fr.conformity.presumption_24_months',
        'fr.conformity.imposed_replacement_new_guarantee',
        'fr.conformity.remedy_within_30_days',
        'fr.conformity.price_reduction_or_rescission',
      ],
    });
    expect(v.explanation.fr).toContain('Le remplacement que nous avons choisi de faire le 1er juin 2027 a fait courir une nouvelle garantie de 2 ans.');
    expect(v.explanation.en).toContain('The replacement we chose to make on 1 June 2027 started a new 2-year guarantee.');
    expect(ask({ ...replaced, requestedAt: '2029-06-02' }).eligible).toBe(false);
  });

  it('chosen by the consumer: the guarantee runs on unchanged', () => {
    const v = ask({ deliveredAt: delivered, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: false }], requestedAt: '2028-03-10' });
    expect([v.legalGuaranteeUntil, v.presumptionUntil, v.eligible]).toEqual(['2028-03-10', '2028-03-10', true]);
    expect(v.rules).not.toContain('fr.conformity.imposed_replacement_new_guarantee');
    expect(ask({ deliveredAt: delivered, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: false }], requestedAt: '2028-03-11' }).eligible).toBe(false);
  });

  it('used goods replaced: the new presumption is 12 months again', () => {
    const v = ask({ condition: 'used', deliveredAt: delivered, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: true }], requestedAt: '2028-06-02' });
    expect([v.legalGuaranteeUntil, v.presumptionUntil, v.burdenOfProof]).toEqual(['2029-06-01', '2028-06-01', 'consumer']);
  });

  it('a repair before the replacement extended the old goods’ guarantee only', () => {
    const v = ask({ deliveredAt: delivered, repairs: [{ completedAt: '2026-09-01' }], replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: true }], requestedAt: '2029-06-01' });
    expect(v.legalGuaranteeUntil).toBe('2029-06-01');
    expect(v.rules).not.toContain('fr.conformity.repair_extends_6_months');
    expect(v.explanation.fr).not.toContain('Chaque réparation');
  });

  it('a repair of the replacement extends its new guarantee', () => {
    const v = ask({ deliveredAt: delivered, replacements: [{ deliveredAt: '2027-06-01', imposedBySeller: true }], repairs: [{ completedAt: '2028-01-10' }], requestedAt: '2029-12-01' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2029-12-01', true]);
  });

  it('a replacement imposed after the guarantee ended starts nothing', () => {
    const v = ask({ deliveredAt: delivered, replacements: [{ deliveredAt: '2028-04-01', imposedBySeller: true }], requestedAt: '2028-05-01' });
    expect([v.legalGuaranteeUntil, v.eligible]).toEqual(['2028-03-10', false]);
  });
});

describe('France — right of withdrawal (L221-18 ff.)', () => {
  const withdraw = (deliveredAt: string | null, requestedAt: string, over = {}) => ask({ request: 'withdrawal', purchasedAt: '2026-02-20', deliveredAt, requestedAt, ...over });

  it('14 days from receipt, the day of receipt not counted: last day in', () => {
    expect(outline(withdraw('2026-03-02', '2026-03-16'))).toEqual({
      eligible: true,
      remedies: ['refund'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: '2026-03-16',
      refundDueBy: '2026-03-30',
      rules: ['fr.withdrawal.14_days', 'fr.withdrawal.refund_14_days'],
    });
  });

  it('first day out', () => {
    expect(outline(withdraw('2026-03-02', '2026-03-17'))).toMatchObject({ eligible: false, remedies: [], withdrawalUntil: '2026-03-16', refundDueBy: null, rules: ['fr.withdrawal.14_days'] });
  });

  it.each([
    ['2026-03-07', '2026-03-23', 'ends on a Saturday → Monday'],
    ['2026-03-08', '2026-03-23', 'ends on a Sunday → Monday'],
    ['2026-03-23', '2026-04-07', 'ends on Easter Monday → Tuesday'],
    ['2026-03-21', '2026-04-07', 'ends on the Saturday before Easter Monday → Tuesday'],
    ['2026-04-17', '2026-05-04', 'ends on Friday 1 May → Monday'],
    ['2026-04-24', '2026-05-11', 'ends on Friday 8 May → Monday'],
    ['2026-04-30', '2026-05-15', 'ends on Ascension Thursday → Friday'],
    ['2026-06-30', '2026-07-15', 'ends on 14 July → 15 July'],
    ['2026-10-28', '2026-11-12', 'ends on 11 November → 12 November'],
    ['2026-12-11', '2026-12-28', 'ends on Christmas Friday → Monday 28'],
  ])('received %s: runs to %s (%s)', (receivedAt, until) => {
    const inTime = withdraw(receivedAt, until);
    expect([inTime.eligible, inTime.withdrawalUntil]).toEqual([true, until]);
    expect(inTime.rules).toContain('fr.withdrawal.next_working_day');
    const dayAfter = new Date(Date.parse(until) + 86_400_000).toISOString().slice(0, 10);
    expect(withdraw(receivedAt, dayAfter).eligible).toBe(false);
  });

  it('says the period was moved to the next working day', () => {
    expect(withdraw('2026-03-07', '2026-03-10').explanation).toEqual({
      fr: 'Vous pouvez vous rétracter jusqu’au 23 mars 2026 : 14 jours après la réception, reportés au premier jour ouvrable suivant. Renvoyez le produit au plus tard le 24 mars 2026 ; nous vous remboursons, livraison comprise, au plus tard le 24 mars 2026 (nous pouvons attendre d’avoir reçu le produit ou la preuve de son envoi).',
      en: 'You may withdraw until 23 March 2026: 14 days after receipt, moved to the next working day. Send the product back by 24 March 2026; we refund you, delivery included, by 24 March 2026 (we may wait until we have received it or proof that it was sent).',
    });
  });

  it('is open before receipt, with no end date yet', () => {
    expect(outline(withdraw(null, '2026-02-25'))).toMatchObject({ eligible: true, remedies: ['refund'], withdrawalUntil: null, refundDueBy: '2026-03-11' });
  });

  it('applies to marketplace and off-premises sales', () => {
    expect(withdraw('2026-03-02', '2026-03-16', { channel: 'marketplace' }).eligible).toBe(true);
    expect(withdraw('2026-03-02', '2026-03-16', { channel: 'off_premises' }).eligible).toBe(true);
  });

  it('not to a sale in store', () => {
    const v = withdraw('2026-03-02', '2026-03-03', { channel: 'store' });
    expect(outline(v)).toMatchObject({ eligible: false, withdrawalUntil: null, rules: ['fr.withdrawal.not_in_store'] });
    expect(v.explanation.fr).toBe('Un achat en magasin n’ouvre pas de droit légal de rétractation.');
  });

  it('excludes custom-made goods (L221-28 3°)', () => {
    const v = withdraw('2026-03-02', '2026-03-03', { customMade: true });
    expect(outline(v)).toMatchObject({ eligible: false, withdrawalUntil: null, rules: ['fr.withdrawal.exception.custom_made'] });
    expect(v.explanation.en).toBe('Goods made to your specifications or personalised are excluded from the right of withdrawal.');
  });

  it('excludes the categories the document puts under an exception', () => {
    const policy = policyWith({ withdrawalExceptions: { food: 'perishable', earbuds: 'hygiene_unsealed', games: 'media_unsealed' } });
    expect(ask({ request: 'withdrawal', category: 'food', deliveredAt: '2026-03-02', requestedAt: '2026-03-03' }, policy).rules).toEqual(['fr.withdrawal.exception.perishable']);
    expect(ask({ request: 'withdrawal', category: 'earbuds', deliveredAt: '2026-03-02', requestedAt: '2026-03-03' }, policy).rules).toEqual(['fr.withdrawal.exception.hygiene_unsealed']);
    expect(ask({ request: 'withdrawal', category: 'games', deliveredAt: '2026-03-02', requestedAt: '2026-03-03' }, policy).rules).toEqual(['fr.withdrawal.exception.media_unsealed']);
    expect(ask({ request: 'withdrawal', category: 'tv', deliveredAt: '2026-03-02', requestedAt: '2026-03-03' }, policy).eligible).toBe(true);
  });
});

describe('France — late delivery (L216-1 ff.)', () => {
  const late = (over: object) => ask({ request: 'late_delivery', purchasedAt: '2026-03-01', deliveredAt: null, ...over });

  it('no date promised: due within 30 days of the order (last day in, not late yet)', () => {
    const v = late({ requestedAt: '2026-03-31' });
    expect(outline(v)).toMatchObject({ eligible: false, remedies: [], refundDueBy: null, rules: ['fr.delivery.30_days'] });
    expect(v.explanation.fr).toBe('La livraison est due au plus tard le 31 mars 2026 (30 jours après la commande) : ce délai n’est pas dépassé.');
  });

  it('first day late: rescission and a refund within 14 days', () => {
    const v = late({ requestedAt: '2026-04-01' });
    expect(outline(v)).toEqual({
      eligible: true,
      remedies: ['refund', 'rescission'],
      legalGuaranteeUntil: null,
      presumptionUntil: null,
      burdenOfProof: null,
      withdrawalUntil: null,
      refundDueBy: '2026-04-15',
      rules: ['fr.delivery.30_days', 'fr.delivery.rescission_refund_14_days'],
    });
    expect(v.explanation.en).toBe(
      'Delivery was due by 31 March 2026 (30 days after the order). You may ask us to deliver within a reasonable additional time; if we do not, you may cancel the sale, and we refund everything you paid by 15 April 2026.',
    );
  });

  it('a promised date is the deadline', () => {
    expect(late({ promisedAt: '2026-03-10', requestedAt: '2026-03-10' }).eligible).toBe(false);
    const v = late({ promisedAt: '2026-03-10', requestedAt: '2026-03-11' });
    expect([v.eligible, v.refundDueBy, v.rules[0]]).toEqual([true, '2026-03-25', 'fr.delivery.promised_date']);
  });

  it('once delivered, the sale is not cancelled for lateness', () => {
    const v = late({ promisedAt: '2026-03-10', deliveredAt: '2026-03-20', requestedAt: '2026-03-20' });
    expect(v.eligible).toBe(false);
    expect(v.explanation.fr).toBe('Le produit a été livré le 20 mars 2026 : la vente ne peut plus être annulée pour retard de livraison.');
    expect(late({ promisedAt: '2026-03-10', deliveredAt: '2026-03-21', requestedAt: '2026-03-20' }).eligible).toBe(true);
  });
});

// French consumer law, as /work/shared/reference/service-levels-and-law.md states it (section
// "Consumer law — France"); every rule id below names its source. Where the reference is
// silent, the assumption is written beside the rule.
import type { LegalCalendar } from './calendar.ts';
import { conformity, lateDelivery, withdrawal, type ConformityTerms, type DeliveryTerms, type WithdrawalTerms } from './eu.ts';
import type { CountryLaw, LegalSettings, Purchase, Verdict } from './verdict.ts';

/** Rule id → its source, for the verdict's `rules` and the documentation. */
export const frRules = {
  /** Code de la consommation L217-3: the seller answers for defects existing at delivery that appear within 2 years of it, whatever the channel; it cannot be waived. */
  guarantee: 'fr.conformity.guarantee_2_years',
  /** L217-7: presumed to exist at delivery when it appears within 24 months (new goods). */
  presumptionNew: 'fr.conformity.presumption_24_months',
  /** L217-7 al. 2: 12 months for used goods (refurbished included). */
  presumptionUsed: 'fr.conformity.presumption_used_12_months',
  /** L217-13 al. 1: a repair under the guarantee extends it by 6 months. Assumption: each repair does, added to the guarantee's end as it stood; the presumption is not extended. */
  repairExtension: 'fr.conformity.repair_extends_6_months',
  /** L217-13 al. 2: a replacement imposed by the seller when the consumer asked for a repair starts a new 2-year guarantee. Assumption: from the replacement's delivery, with a new presumption of the same length as the original goods'. */
  imposedReplacement: 'fr.conformity.imposed_replacement_new_guarantee',
  /** L217-10 ff. (the reference: "the remedy is free and must be done within 30 days of the request"). */
  remedyDeadline: 'fr.conformity.remedy_within_30_days',
  /** L217-14: price reduction or rescission when the remedy is refused, late, or the defect persists after it (the reference names the first two; the third is L217-14 2°). */
  failedRemedy: 'fr.conformity.price_reduction_or_rescission',
  /** Code civil 1641 ff., 1648: hidden defects, action within 2 years of discovering the defect; rescission or price reduction. */
  hiddenDefects: 'fr.civil.hidden_defects',
  /** L221-18: 14 days from receipt of the goods, the day of receipt not counted; distance and off-premises sales only. */
  withdrawal: 'fr.withdrawal.14_days',
  /** L221-19 (and Regulation 1182/71 art. 3(4)): a period ending on a Saturday, Sunday or public holiday runs to the next working day. */
  withdrawalNextWorkingDay: 'fr.withdrawal.next_working_day',
  /** L221-24: refund, delivery included, within 14 days of the notice (deferrable until the goods or proof of shipment are received); L221-23: goods sent back within 14 days of the notice. */
  withdrawalRefund: 'fr.withdrawal.refund_14_days',
  /** L221-18 applies to distance and off-premises contracts: not to a sale in store. */
  withdrawalNotInStore: 'fr.withdrawal.not_in_store',
  /** L221-28 3°: goods made to the consumer's specifications or clearly personalised. */
  exceptionCustomMade: 'fr.withdrawal.exception.custom_made',
  /** L221-28 4°: goods likely to deteriorate or expire rapidly. */
  exceptionPerishable: 'fr.withdrawal.exception.perishable',
  /** L221-28 5°: goods unsealed after delivery that cannot be returned for hygiene reasons. */
  exceptionHygiene: 'fr.withdrawal.exception.hygiene_unsealed',
  /** L221-28 9°: audio or video recordings or software unsealed after delivery. */
  exceptionMedia: 'fr.withdrawal.exception.media_unsealed',
  /** L216-1: delivery by the date promised to the consumer. */
  deliveryPromised: 'fr.delivery.promised_date',
  /** L216-1 al. 2: within 30 days of the contract when no date was given. */
  delivery30Days: 'fr.delivery.30_days',
  /** L216-1 ff. (the reference: "after an additional deadline the consumer may rescind; refund within 14 days, then surcharges"). Assumption: the request is the rescission, so the refund is due 14 days after it. */
  deliveryRescission: 'fr.delivery.rescission_refund_14_days',
} as const;

const rules = (presumption: string): ConformityTerms['rules'] => ({
  guarantee: frRules.guarantee,
  presumption,
  repairExtension: frRules.repairExtension,
  imposedReplacement: frRules.imposedReplacement,
  failedRemedy: frRules.failedRemedy,
  remedyDeadline: frRules.remedyDeadline,
});

const common = { guaranteeMonths: 24, repairExtensionMonths: 6, imposedReplacementRestarts: true, remedyWithinDays: 30 };
const newGoods: ConformityTerms = { ...common, presumptionMonths: 24, rules: rules(frRules.presumptionNew) };
const usedGoods: ConformityTerms = { ...common, presumptionMonths: 12, rules: rules(frRules.presumptionUsed) };

const withdrawalTerms: WithdrawalTerms = {
  country: 'FR',
  days: 14,
  refundWithinDays: 14,
  rules: {
    period: frRules.withdrawal,
    nextWorkingDay: frRules.withdrawalNextWorkingDay,
    refund: frRules.withdrawalRefund,
    notInStore: frRules.withdrawalNotInStore,
    exceptions: {
      custom_made: frRules.exceptionCustomMade,
      perishable: frRules.exceptionPerishable,
      hygiene_unsealed: frRules.exceptionHygiene,
      media_unsealed: frRules.exceptionMedia,
    },
  },
};

const deliveryTerms: DeliveryTerms = {
  refundWithinDays: 14,
  rules: { promisedDate: frRules.deliveryPromised, thirtyDays: frRules.delivery30Days, rescission: frRules.deliveryRescission },
};

export const france: CountryLaw = {
  defect(p: Purchase, _settings: LegalSettings, v: Verdict): void {
    if (conformity(p, v, p.used ? usedGoods : newGoods)) return;
    // Out of the guarantee of conformity, hidden defects remain. Assumption: the defect was
    // discovered at the latest when reported, so the 2 years from discovery have not run out
    // by the request; the consumer has to prove the defect, hidden and prior to the sale.
    v.rule(frRules.hiddenDefects);
    v.say(
      'Si le défaut était caché et existait avant l’achat, vous pouvez encore invoquer la garantie des vices cachés dans les 2 ans suivant sa découverte : réduction du prix ou annulation de la vente.',
      'If the defect was hidden and existed before the purchase, you can still invoke the guarantee against hidden defects within 2 years of discovering it: price reduction or cancellation of the sale.',
    );
  },
  withdrawal(p: Purchase, settings: LegalSettings, calendar: LegalCalendar, v: Verdict): void {
    withdrawal(p, settings, calendar, v, withdrawalTerms);
  },
  lateDelivery(p: Purchase, _settings: LegalSettings, v: Verdict): void {
    lateDelivery(p, v, deliveryTerms);
  },
};

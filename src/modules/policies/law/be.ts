// Belgian consumer law, as /work/shared/reference/service-levels-and-law.md states it (section
// "Consumer law — Belgium": the regime of contracts since 1 June 2022). The reference is short;
// what it does not say is taken from the EU directives Belgium transposes, each marked
// "Assumption" with the text it comes from.
import type { LegalCalendar } from './calendar.ts';
import { conformity, lateDelivery, withdrawal, type ConformityTerms, type DeliveryTerms, type WithdrawalTerms } from './eu.ts';
import type { CountryLaw, LegalSettings, Purchase, Verdict } from './verdict.ts';

/** Rule id → its source. */
export const beRules = {
  /** Code civil art. 1649bis ff. as amended by the law of 20 March 2022 (reference: "2-year legal guarantee from delivery"). */
  guarantee: 'be.conformity.guarantee_2_years',
  /** Reference: "presumption for the full 2 years". */
  presumption: 'be.conformity.presumption_full_period',
  /** Reference: "used goods: may be limited to 1 year by agreement": the document's belgium.usedGoodsGuaranteeMonths (12–24), which then bounds the guarantee and its presumption alike. */
  usedGoodsAgreed: 'be.conformity.used_goods_agreed_period',
  /** Reference: "the consumer must report a defect within 2 months of noticing it" (a reminder: the noticing date is not known). */
  reportWithin2Months: 'be.conformity.report_within_2_months',
  /** Assumption (reference silent): repair or replacement, then price reduction or rescission when it fails, as directive 2019/771 art. 13 (Code civil art. 1649quinquies). No 30-day deadline (a "reasonable time") and no extension after a repair or replacement: those are French rules. */
  failedRemedy: 'be.conformity.price_reduction_or_rescission',
  /** Assumption (reference silent): Code civil art. 1641 and 1648, an action "within a short time" of the discovery; no date can be given. */
  hiddenDefects: 'be.civil.hidden_defects',
  /** Reference: "Withdrawal: 14 calendar days from possession" (Code de droit économique art. VI.47); distance and off-premises sales only. */
  withdrawal: 'be.withdrawal.14_days',
  /** Assumption (reference silent): Regulation 1182/71 art. 3(4), on which directive 2011/83 relies: a period ending on a Saturday, Sunday or public holiday ends on the next working day. */
  withdrawalNextWorkingDay: 'be.withdrawal.next_working_day',
  /** Reference: "refund within 14 days" (CDE art. VI.50; goods sent back within 14 days, VI.51). */
  withdrawalRefund: 'be.withdrawal.refund_14_days',
  /** CDE art. VI.47 covers distance and off-premises contracts only. */
  withdrawalNotInStore: 'be.withdrawal.not_in_store',
  /** Assumption (reference silent): CDE art. VI.53, the exceptions of directive 2011/83 art. 16 (c), (d), (e), (i). */
  exceptionCustomMade: 'be.withdrawal.exception.custom_made',
  exceptionPerishable: 'be.withdrawal.exception.perishable',
  exceptionHygiene: 'be.withdrawal.exception.hygiene_unsealed',
  exceptionMedia: 'be.withdrawal.exception.media_unsealed',
  /** Assumption (reference silent): CDE art. VI.43 (directive 2011/83 art. 18): delivery by the agreed date… */
  deliveryPromised: 'be.delivery.promised_date',
  /** …or within 30 days of the contract… */
  delivery30Days: 'be.delivery.30_days',
  /** …then an additional period, then rescission with a refund "without undue delay" (no fixed number of days: refundDueBy stays null). */
  deliveryRescission: 'be.delivery.rescission_refund_without_delay',
} as const;

const rules: ConformityTerms['rules'] = {
  guarantee: beRules.guarantee,
  presumption: beRules.presumption,
  repairExtension: '',
  imposedReplacement: '',
  failedRemedy: beRules.failedRemedy,
  remedyDeadline: '',
};
const newGoods: ConformityTerms = { guaranteeMonths: 24, presumptionMonths: 24, repairExtensionMonths: 0, imposedReplacementRestarts: false, remedyWithinDays: 0, rules };
/** The terms for used goods, per agreed period (12 to 24 months): made once each. */
const usedGoods = new Map<number, ConformityTerms>();

function termsFor(p: Purchase, settings: LegalSettings): ConformityTerms {
  if (!p.used || settings.belgiumUsedGoodsMonths >= 24) return newGoods;
  const months = settings.belgiumUsedGoodsMonths;
  let terms = usedGoods.get(months);
  if (!terms) usedGoods.set(months, (terms = { ...newGoods, guaranteeMonths: months, presumptionMonths: months }));
  return terms;
}

const withdrawalTerms: WithdrawalTerms = {
  country: 'BE',
  days: 14,
  refundWithinDays: 14,
  rules: {
    period: beRules.withdrawal,
    nextWorkingDay: beRules.withdrawalNextWorkingDay,
    refund: beRules.withdrawalRefund,
    notInStore: beRules.withdrawalNotInStore,
    exceptions: {
      custom_made: beRules.exceptionCustomMade,
      perishable: beRules.exceptionPerishable,
      hygiene_unsealed: beRules.exceptionHygiene,
      media_unsealed: beRules.exceptionMedia,
    },
  },
};

const deliveryTerms: DeliveryTerms = {
  refundWithinDays: 0,
  rules: { promisedDate: beRules.deliveryPromised, thirtyDays: beRules.delivery30Days, rescission: beRules.deliveryRescission },
};

export const belgium: CountryLaw = {
  defect(p: Purchase, settings: LegalSettings, v: Verdict): void {
    const terms = termsFor(p, settings);
    if (terms !== newGoods) v.rule(beRules.usedGoodsAgreed);
    if (conformity(p, v, terms)) {
      v.rule(beRules.reportWithin2Months);
      v.say('Signalez-nous un défaut dans les 2 mois après l’avoir constaté.', 'Report a defect to us within 2 months of noticing it.');
      return;
    }
    v.rule(beRules.hiddenDefects);
    v.say(
      'Un vice caché qui existait avant l’achat peut encore être invoqué, à condition d’agir rapidement après sa découverte.',
      'A hidden defect that existed before the purchase can still be invoked, provided you act promptly after discovering it.',
    );
  },
  withdrawal(p: Purchase, settings: LegalSettings, calendar: LegalCalendar, v: Verdict): void {
    withdrawal(p, settings, calendar, v, withdrawalTerms);
  },
  lateDelivery(p: Purchase, _settings: LegalSettings, v: Verdict): void {
    lateDelivery(p, v, deliveryTerms);
  },
};

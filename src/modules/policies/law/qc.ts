// Québec's Loi sur la protection du consommateur (LPC), as /work/shared/reference/service-levels-and-law.md
// states it (section "Consumer law — Québec"). The reference gives the warranties of fitness and
// durability and the distance-contract refund and chargeback; what it does not say is marked
// "Assumption" with the article it comes from.
import type { LegalCalendar } from './calendar.ts';
import { addMonths, englishDate as en, frenchDate as fr } from './dates.ts';
import { deliveredBeforeRequest, guaranteeStart } from './eu.ts';
import { PRICE_REDUCTION, REFUND, REPAIR, REPLACE, RESCISSION, type CountryLaw, type LegalSettings, type Purchase, type Verdict } from './verdict.ts';

/** Rule id → its source. */
export const qcRules = {
  /** LPC s. 37–38: goods must serve their normal use for a reasonable time given their price and use; no fixed duration (legalGuaranteeUntil stays null). */
  durability: 'qc.lpc.fitness_and_durability',
  /** Reference: "merchant and manufacturer are jointly liable. A merchant cannot disclaim responsibility for a defective product." */
  jointLiability: 'qc.lpc.merchant_and_manufacturer_liable',
  /** Assumption: the law gives no duration, so the retailer's document counts a durable life per category (quebec.durabilityMonths); within it the failure is premature and presumed to come from a defect existing at the sale (Civil Code of Québec art. 1729, not in the reference): presumptionUntil, burden on the seller. */
  countedLife: 'qc.durability.counted_life',
  /** Beyond the counted life the claim is not refused by law, but the consumer has to show that the goods did not last a reasonable time (eligible false, burden consumer). */
  beyondCountedLife: 'qc.durability.beyond_counted_life',
  /** Assumption (reference silent): LPC s. 272, the consumer may ask for performance (repair, replacement), a price reduction or rescission. */
  remedies: 'qc.lpc.remedies',
  /** Assumption (reference silent): the LPC gives no general right of withdrawal for a purchase at a distance or in store (its distance-contract rescissions are for missing information or late delivery, s. 54.8–54.9). */
  noWithdrawal: 'qc.withdrawal.none_for_this_sale',
  /** Assumption (reference silent): LPC s. 59: a contract made by an itinerant merchant (off premises) may be cancelled within the 10 days after the day both parties hold a copy (we take the purchase date). Assumption: no exception for custom-made goods applies to it (the exceptions are the EU's); the retailer's own return window still excludes them. */
  itinerant: 'qc.itinerant.10_days',
  /** Assumption (reference silent): a deadline falling on a holiday runs to the next day that is not (Loi d'interprétation art. 52, Sundays included, art. 61); we also skip Saturdays, as the Code of Civil Procedure (art. 83) does, which is the consumer's side. */
  itinerantNextWorkingDay: 'qc.itinerant.next_working_day',
  /** Assumption (reference silent): LPC s. 63: the itinerant merchant refunds within 15 days of the cancellation. */
  itinerantRefund: 'qc.itinerant.refund_15_days',
  /** Assumption (reference silent): LPC s. 54.9 c): a distance contract may be rescinded when the goods are not delivered within 30 days after the date agreed… */
  deliveryPromised: 'qc.delivery.promised_date_plus_30_days',
  /** …or, when no date was agreed, within 30 days after the contract. */
  deliveryOrder: 'qc.delivery.order_plus_30_days',
  /** Assumption (reference silent): s. 54.9 is about distance contracts; no LPC delivery deadline for a sale in store or off premises. */
  deliveryNotDistance: 'qc.delivery.not_a_distance_contract',
  /** LPC s. 54.13: after a rescission the merchant refunds within 15 days. */
  distanceRefund: 'qc.distance.refund_15_days',
  /** LPC s. 54.14: if not, a consumer who paid by credit card may ask the issuer, within 60 days of the default, to charge the payment back. Assumption: the default is the day after the refund was due, and the 60 days follow it. */
  chargeback: 'qc.distance.chargeback_60_days',
} as const;

const ITINERANT_DAYS = 10;
const REFUND_DAYS = 15;
const CHARGEBACK_DAYS = 60;

function durabilityMonths(p: Purchase, settings: LegalSettings): number {
  return (p.category === null ? undefined : settings.quebecDurabilityMonths.get(p.category)) ?? settings.quebecDefaultDurabilityMonths;
}

export const quebec: CountryLaw = {
  defect(p: Purchase, settings: LegalSettings, v: Verdict): void {
    const start = guaranteeStart(p, v);
    const months = durabilityMonths(p, settings);
    const life = addMonths(start, months);
    v.presumptionUntil = life;
    v.legalCoverUntil = life;
    v.rule(qcRules.durability);
    v.rule(qcRules.jointLiability);
    v.rule(qcRules.countedLife);
    v.say(
      'La loi vous garantit que le produit sert à l’usage auquel il est destiné pendant une durée raisonnable, compte tenu de son prix et de son usage (garanties de qualité et de durabilité). Nous en répondons avec le fabricant : vous n’avez pas à vous adresser à lui.',
      'The law guarantees that the product serves its normal use for a reasonable time, given its price and use (warranties of fitness and durability). We answer for it together with the manufacturer: you do not have to deal with the manufacturer.',
    );
    if (p.requested > life) {
      v.rule(qcRules.beyondCountedLife);
      v.burdenOfProof = 'consumer';
      v.say(
        `Pour ce type de produit, nous comptons une durée de vie de ${months} mois, atteinte le ${fr(life)} : si le produit n’a pas duré un temps raisonnable compte tenu de son prix et de son usage, expliquez-nous pourquoi, nous examinerons votre demande.`,
        `For this kind of product we count a life of ${months} months, reached on ${en(life)}: if the product did not last a reasonable time given its price and use, tell us why and we will look at your claim.`,
      );
      return;
    }
    v.rule(qcRules.remedies);
    v.burdenOfProof = 'seller';
    v.grant(REPAIR | REPLACE | PRICE_REDUCTION | RESCISSION);
    v.say(
      `Pour ce type de produit, nous comptons une durée de vie d’au moins ${months} mois, jusqu’au ${fr(life)} : un défaut qui apparaît avant est présumé exister dès la vente. Vous pouvez demander la réparation, le remplacement, une réduction du prix ou l’annulation de la vente.`,
      `For this kind of product we count a life of at least ${months} months, until ${en(life)}: a defect that appears before then is presumed to have existed at the sale. You may ask for repair, replacement, a price reduction or the cancellation of the sale.`,
    );
  },

  withdrawal(p: Purchase, _settings: LegalSettings, calendar: LegalCalendar, v: Verdict): void {
    if (p.channel !== 'off_premises') {
      v.rule(qcRules.noWithdrawal);
      v.say('Au Québec, la loi ne prévoit pas de droit de rétractation pour cet achat.', 'In Québec, the law gives no right of withdrawal for this purchase.');
      return;
    }
    v.rule(qcRules.itinerant);
    const end = p.purchased + ITINERANT_DAYS;
    const until = calendar.nextWorkingDay('QC', end);
    const moved = until !== end;
    if (moved) v.rule(qcRules.itinerantNextWorkingDay);
    v.withdrawalUntil = until;
    if (p.requested > until) {
      v.say(`Le délai d’annulation de ${ITINERANT_DAYS} jours a pris fin le ${fr(until)}.`, `The ${ITINERANT_DAYS}-day cancellation period ended on ${en(until)}.`);
      return;
    }
    v.rule(qcRules.itinerantRefund);
    v.grant(REFUND);
    v.refundDueBy = p.requested + REFUND_DAYS;
    v.say(
      `Ce contrat conclu hors de nos établissements peut être annulé jusqu’au ${fr(until)}, ${ITINERANT_DAYS} jours après sa conclusion${moved ? ' (reportés au premier jour ouvrable suivant)' : ''}. Nous vous remboursons dans les ${REFUND_DAYS} jours, au plus tard le ${fr(v.refundDueBy)}.`,
      `This contract made away from our premises can be cancelled until ${en(until)}, ${ITINERANT_DAYS} days after it was made${moved ? ' (moved to the next working day)' : ''}. We refund you within ${REFUND_DAYS} days, by ${en(v.refundDueBy)}.`,
    );
  },

  lateDelivery(p: Purchase, _settings: LegalSettings, v: Verdict): void {
    if (p.channel === 'store' || p.channel === 'off_premises') {
      v.rule(qcRules.deliveryNotDistance);
      v.say(
        'Pour un achat fait en magasin ou hors établissement, la loi ne fixe pas de délai de livraison : la date convenue avec nous s’applique.',
        'For a purchase made in store or away from our premises, the law sets no delivery deadline: the date agreed with us applies.',
      );
      return;
    }
    const promised = !Number.isNaN(p.promised);
    const due = (promised ? p.promised : p.purchased) + 30;
    v.rule(promised ? qcRules.deliveryPromised : qcRules.deliveryOrder);
    if (deliveredBeforeRequest(p, v)) return;
    const fromFr = promised ? 'la date de livraison prévue' : 'la commande';
    const fromEn = promised ? 'the agreed delivery date' : 'the order';
    if (p.requested <= due) {
      v.say(
        `La vente pourra être annulée si la livraison n’a pas eu lieu au plus tard le ${fr(due)}, 30 jours après ${fromFr}.`,
        `The sale may be cancelled if delivery has not happened by ${en(due)}, 30 days after ${fromEn}.`,
      );
      return;
    }
    v.rule(qcRules.distanceRefund);
    v.rule(qcRules.chargeback);
    v.grant(RESCISSION | REFUND);
    const refundBy = p.requested + REFUND_DAYS;
    const chargebackBy = refundBy + 1 + CHARGEBACK_DAYS;
    v.refundDueBy = refundBy;
    v.say(
      `La livraison n’a pas eu lieu dans les 30 jours suivant ${fromFr} (au plus tard le ${fr(due)}) : vous pouvez annuler la vente. Nous devons alors vous rembourser dans les ${REFUND_DAYS} jours, au plus tard le ${fr(refundBy)} ; à défaut, si vous avez payé par carte de crédit, vous pouvez demander à l’émetteur de la carte d’annuler le paiement, jusqu’au ${fr(chargebackBy)}.`,
      `Delivery did not happen within 30 days after ${fromEn} (by ${en(due)}): you may cancel the sale. We must then refund you within ${REFUND_DAYS} days, by ${en(refundBy)}; failing that, if you paid by credit card, you may ask the card issuer to charge the payment back, until ${en(chargebackBy)}.`,
    );
  },
};

// What France and Belgium share because both transpose the same EU directives: the 2-year
// guarantee of conformity with its presumption and remedies (directive 2019/771), the 14-day
// right of withdrawal (directive 2011/83 art. 9–16) and delivery within 30 days (2011/83 art.
// 18). The country files (fr.ts, be.ts) give the lengths, their own rule ids and national
// sources, and what differs (France's +6 months after a repair, its 30-day remedy deadline…).
import type { LegalCalendar, LegalCountry } from './calendar.ts';
import { addMonths, englishDate as en, frenchDate as fr } from './dates.ts';
import {
  PRICE_REDUCTION,
  REFUND,
  REPAIR,
  REPLACE,
  RESCISSION,
  type LegalSettings,
  type Purchase,
  type Verdict,
  type WithdrawalException,
} from './verdict.ts';

/** Rule id → its source, for the rules of this file that are not a country's. */
export const euRules = {
  /** Assumption (reference silent): no delivery date known, the guarantee is counted from the purchase, the earliest the delivery can have been. */
  deliveryUnknown: 'delivery.unknown_counted_from_purchase',
} as const;

/**
 * The day the guarantee runs from: the delivery. A store sale with no delivery date was handed
 * over at the till; for any other sale we count from the purchase and say so (the earliest the
 * delivery can have been: the agent should check the real date).
 */
export function guaranteeStart(p: Purchase, v: Verdict): number {
  if (!Number.isNaN(p.delivered)) return p.delivered;
  if (p.channel !== 'store') {
    v.rule(euRules.deliveryUnknown);
    v.say(
      `La date de livraison n’étant pas connue, nous comptons à partir de l’achat, le ${fr(p.purchased)}.`,
      `As the delivery date is not known, we count from the purchase, on ${en(p.purchased)}.`,
    );
  }
  return p.purchased;
}

export interface ConformityTerms {
  guaranteeMonths: number;
  presumptionMonths: number;
  /** Each repair under the guarantee extends it by this many months (France: 6; 0: no such rule). */
  repairExtensionMonths: number;
  /** A replacement the seller imposed (the consumer asked for a repair) starts a new guarantee. */
  imposedReplacementRestarts: boolean;
  /** The remedy is due within this many days of the request (France: 30); 0: "a reasonable time". */
  remedyWithinDays: number;
  rules: {
    guarantee: string;
    presumption: string;
    repairExtension: string;
    imposedReplacement: string;
    failedRemedy: string;
    remedyDeadline: string;
  };
}

/**
 * The legal guarantee of conformity: sets its end and the presumption's, the burden of proof,
 * and the remedies when the request falls within it. Repairs and replacements are taken in
 * date order; one counts only when it happened while the guarantee ran (a repair from the day
 * it was handed in when known, else the day it was completed). Returns whether it applies.
 */
export function conformity(p: Purchase, v: Verdict, t: ConformityTerms): boolean {
  const start = guaranteeStart(p, v);
  let until = addMonths(start, t.guaranteeMonths);
  let presumption = addMonths(start, t.presumptionMonths);
  let attempts = 0;
  let extensions = 0;
  let restartedOn = Number.NaN;
  if (p.repairs.length + p.replacements.length > 0) {
    for (const e of eventsInOrder(p)) {
      if (e.day > until) continue;
      attempts++;
      if (e.repair) {
        if (t.repairExtensionMonths > 0) {
          until = addMonths(until, t.repairExtensionMonths);
          extensions++;
        }
      } else if (e.imposed && t.imposedReplacementRestarts) {
        until = addMonths(e.day, t.guaranteeMonths);
        presumption = addMonths(e.day, t.presumptionMonths);
        restartedOn = e.day;
        extensions = 0; // the extensions belonged to the goods that were replaced
      }
    }
  }
  v.legalGuaranteeUntil = until;
  v.presumptionUntil = presumption;
  v.legalCoverUntil = until;
  v.rule(t.rules.guarantee);
  v.rule(t.rules.presumption);
  if (!Number.isNaN(restartedOn)) v.rule(t.rules.imposedReplacement);
  if (extensions > 0) v.rule(t.rules.repairExtension);
  if (p.requested > until) {
    v.burdenOfProof = 'consumer';
    v.say(`La garantie légale de conformité a pris fin le ${fr(until)}.`, `The legal guarantee of conformity ended on ${en(until)}.`);
    return false;
  }
  v.say(`Votre produit est couvert par la garantie légale de conformité jusqu’au ${fr(until)}.`, `Your product is covered by the legal guarantee of conformity until ${en(until)}.`);
  if (!Number.isNaN(restartedOn)) {
    v.say(
      `Le remplacement que nous avons choisi de faire le ${fr(restartedOn)} a fait courir une nouvelle garantie de ${t.guaranteeMonths / 12} ans.`,
      `The replacement we chose to make on ${en(restartedOn)} started a new ${t.guaranteeMonths / 12}-year guarantee.`,
    );
  }
  if (extensions > 0) {
    v.say(
      `Chaque réparation faite sous cette garantie l’a prolongée de ${t.repairExtensionMonths} mois.`,
      `Each repair made under this guarantee extended it by ${t.repairExtensionMonths} months.`,
    );
  }
  if (p.requested <= presumption && presumption === until) {
    v.burdenOfProof = 'seller';
    v.say(
      'Pendant toute cette garantie, un défaut est présumé exister depuis la livraison : vous n’avez pas à le prouver.',
      'Throughout this guarantee, a defect is presumed to have existed at delivery: you do not have to prove it.',
    );
  } else if (p.requested <= presumption) {
    v.burdenOfProof = 'seller';
    v.say(
      `Le défaut s’est manifesté dans le délai de présomption, qui court jusqu’au ${fr(presumption)} : il est présumé exister depuis la livraison, vous n’avez pas à le prouver.`,
      `The defect showed within the presumption period, which runs until ${en(presumption)}: it is presumed to have existed at delivery, so you do not have to prove it.`,
    );
  } else {
    v.burdenOfProof = 'consumer';
    v.say(
      `Le délai de présomption a pris fin le ${fr(presumption)} : c’est à vous de montrer que le défaut existait déjà à la livraison.`,
      `The presumption period ended on ${en(presumption)}: it is for you to show that the defect already existed at delivery.`,
    );
  }
  v.grant(REPAIR | REPLACE);
  const when =
    t.remedyWithinDays > 0
      ? { fr: `au plus tard le ${fr(p.requested + t.remedyWithinDays)}`, en: `by ${en(p.requested + t.remedyWithinDays)}` }
      : { fr: 'dans un délai raisonnable', en: 'within a reasonable time' };
  if (t.remedyWithinDays > 0) v.rule(t.rules.remedyDeadline);
  if (attempts > 0) {
    // The defect is back after the seller's attempt: the second tier opens at once.
    v.rule(t.rules.failedRemedy);
    v.grant(PRICE_REDUCTION | RESCISSION);
    v.say(
      `Vous choisissez la réparation ou le remplacement, sans frais, ${when.fr}. Le produit ayant déjà été réparé ou remplacé, vous pouvez aussi demander dès maintenant une réduction du prix ou l’annulation de la vente.`,
      `You choose repair or replacement, free of charge, ${when.en}. As the product has already been repaired or replaced, you may also ask straight away for a price reduction or the cancellation of the sale.`,
    );
  } else {
    v.say(
      `Vous choisissez la réparation ou le remplacement : c’est sans frais et nous devons l’effectuer ${when.fr}. À défaut, vous pourrez demander une réduction du prix ou l’annulation de la vente.`,
      `You choose repair or replacement: it is free of charge and we must carry it out ${when.en}. Failing that, you may ask for a price reduction or the cancellation of the sale.`,
    );
  }
  return true;
}

interface CareEvent {
  day: number;
  repair: boolean;
  imposed: boolean;
}

function eventsInOrder(p: Purchase): CareEvent[] {
  const events: CareEvent[] = [];
  for (const r of p.repairs) events.push({ day: Number.isNaN(r.started) ? r.completed : r.started, repair: true, imposed: false });
  for (const r of p.replacements) events.push({ day: r.delivered, repair: false, imposed: r.imposedBySeller });
  if (events.length > 1) events.sort((a, b) => a.day - b.day);
  return events;
}

/** What a customer reads about each exception to the right of withdrawal. */
export const exceptionWords: Record<WithdrawalException, { fr: string; en: string }> = {
  custom_made: {
    fr: 'Un produit fabriqué selon vos spécifications ou personnalisé est exclu du droit de rétractation.',
    en: 'Goods made to your specifications or personalised are excluded from the right of withdrawal.',
  },
  perishable: { fr: 'Un produit périssable est exclu du droit de rétractation.', en: 'Perishable goods are excluded from the right of withdrawal.' },
  hygiene_unsealed: {
    fr: 'Un produit d’hygiène descellé après la livraison est exclu du droit de rétractation.',
    en: 'Hygiene goods unsealed after delivery are excluded from the right of withdrawal.',
  },
  media_unsealed: {
    fr: 'Un enregistrement audio ou vidéo ou un logiciel descellé après la livraison est exclu du droit de rétractation.',
    en: 'Audio or video recordings and software unsealed after delivery are excluded from the right of withdrawal.',
  },
};

/** The exception a purchase falls under, if any: custom-made, or its category's in the document. */
export function withdrawalException(p: Purchase, settings: LegalSettings): WithdrawalException | undefined {
  if (p.customMade) return 'custom_made';
  return p.category === null ? undefined : settings.withdrawalExceptions.get(p.category);
}

export interface WithdrawalTerms {
  country: LegalCountry;
  days: number;
  refundWithinDays: number;
  rules: {
    period: string;
    nextWorkingDay: string;
    refund: string;
    notInStore: string;
    exceptions: Record<WithdrawalException, string>;
  };
}

/**
 * The 14-day right of withdrawal of distance and off-premises sales: from receipt (that day not
 * counted), to the next working day when it ends on a Saturday, a Sunday or a public holiday.
 * It can be exercised before receipt too: then it has no end date yet.
 */
export function withdrawal(p: Purchase, settings: LegalSettings, calendar: LegalCalendar, v: Verdict, t: WithdrawalTerms): void {
  if (p.channel === 'store') {
    v.rule(t.rules.notInStore);
    v.say('Un achat en magasin n’ouvre pas de droit légal de rétractation.', 'A purchase made in store carries no legal right of withdrawal.');
    return;
  }
  const exception = withdrawalException(p, settings);
  if (exception) {
    v.rule(t.rules.exceptions[exception]);
    v.say(exceptionWords[exception].fr, exceptionWords[exception].en);
    return;
  }
  v.rule(t.rules.period);
  const refundBy = p.requested + t.refundWithinDays;
  if (Number.isNaN(p.delivered)) {
    v.rule(t.rules.refund);
    v.grant(REFUND);
    v.refundDueBy = refundBy;
    v.say(
      `Vous pouvez vous rétracter dès maintenant, et jusqu’à ${t.days} jours après la réception du produit. Nous vous remboursons, livraison comprise, au plus tard le ${fr(refundBy)}.`,
      `You may withdraw now, and up to ${t.days} days after receiving the product. We refund you, delivery included, by ${en(refundBy)}.`,
    );
    return;
  }
  const end = p.delivered + t.days;
  const until = calendar.nextWorkingDay(t.country, end);
  const moved = until !== end;
  if (moved) v.rule(t.rules.nextWorkingDay);
  v.withdrawalUntil = until;
  if (p.requested > until) {
    v.say(`Le délai légal de rétractation a pris fin le ${fr(until)}.`, `The legal withdrawal period ended on ${en(until)}.`);
    return;
  }
  v.rule(t.rules.refund);
  v.grant(REFUND);
  v.refundDueBy = refundBy;
  v.say(
    `Vous pouvez vous rétracter jusqu’au ${fr(until)} : ${t.days} jours après la réception${moved ? ', reportés au premier jour ouvrable suivant' : ''}. Renvoyez le produit au plus tard le ${fr(p.requested + t.days)} ; nous vous remboursons, livraison comprise, au plus tard le ${fr(refundBy)} (nous pouvons attendre d’avoir reçu le produit ou la preuve de son envoi).`,
    `You may withdraw until ${en(until)}: ${t.days} days after receipt${moved ? ', moved to the next working day' : ''}. Send the product back by ${en(p.requested + t.days)}; we refund you, delivery included, by ${en(refundBy)} (we may wait until we have received it or proof that it was sent).`,
  );
}

/** Once delivered (at the latest on the day of the request), a sale is not cancelled for lateness. */
export function deliveredBeforeRequest(p: Purchase, v: Verdict): boolean {
  if (Number.isNaN(p.delivered) || p.delivered > p.requested) return false;
  v.say(
    `Le produit a été livré le ${fr(p.delivered)} : la vente ne peut plus être annulée pour retard de livraison.`,
    `The product was delivered on ${en(p.delivered)}: the sale can no longer be cancelled for late delivery.`,
  );
  return true;
}

export interface DeliveryTerms {
  /** The refund after a rescission is due within this many days; 0: "without undue delay". */
  refundWithinDays: number;
  rules: { promisedDate: string; thirtyDays: string; rescission: string };
}

/**
 * Delivery by the promised date, or within 30 days of the order when none was given; after
 * that the consumer may set an additional deadline and then rescind, with a full refund.
 */
export function lateDelivery(p: Purchase, v: Verdict, t: DeliveryTerms): void {
  const promised = !Number.isNaN(p.promised);
  const due = promised ? p.promised : p.purchased + 30;
  v.rule(promised ? t.rules.promisedDate : t.rules.thirtyDays);
  if (deliveredBeforeRequest(p, v)) return;
  const dueFr = `au plus tard le ${fr(due)}${promised ? '' : ' (30 jours après la commande)'}`;
  const dueEn = `by ${en(due)}${promised ? '' : ' (30 days after the order)'}`;
  if (p.requested <= due) {
    v.say(`La livraison est due ${dueFr} : ce délai n’est pas dépassé.`, `Delivery is due ${dueEn}: that date has not passed.`);
    return;
  }
  v.rule(t.rules.rescission);
  v.grant(RESCISSION | REFUND);
  let refundFr = 'sans délai';
  let refundEn = 'without delay';
  if (t.refundWithinDays > 0) {
    v.refundDueBy = p.requested + t.refundWithinDays;
    refundFr = `au plus tard le ${fr(v.refundDueBy)}`;
    refundEn = `by ${en(v.refundDueBy)}`;
  }
  v.say(
    `La livraison était due ${dueFr}. Vous pouvez nous demander de livrer dans un délai supplémentaire raisonnable ; sans livraison dans ce délai, vous pouvez annuler la vente, et nous vous remboursons la totalité des sommes versées ${refundFr}.`,
    `Delivery was due ${dueEn}. You may ask us to deliver within a reasonable additional time; if we do not, you may cancel the sale, and we refund everything you paid ${refundEn}.`,
  );
}

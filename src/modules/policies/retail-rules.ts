// The retailer's own rules, applied after the law's and only ever on top of them: a return
// window longer than the legal withdrawal, a store warranty longer than the legal cover, a
// direct exchange in store. None of them takes anything the law gives away.
import { addMonths, englishDate as en, frenchDate as fr } from './law/dates.ts';
import { withdrawalException } from './law/eu.ts';
import { EXCHANGE_IN_STORE, REFUND, REPAIR, REPLACE, type Purchase, type Verdict } from './law/verdict.ts';
import type { CompiledPolicy } from './policy-compile.ts';

/** Rule id → where it comes from (the policy document's fields, or the law it obeys). */
export const storeRules = {
  /** returns.windowDays: the return window of the purchase's channel, in calendar days after receipt (after the purchase for a store sale with no delivery date). Not moved to a working day: it is ours, and the date is the one we show. */
  returnWindow: 'store.returns.window',
  /** returns.refundWithinDays: the refund of a return that only the window allows. */
  returnRefund: 'store.returns.refund',
  /** withdrawalExceptions and customMade: what the law does not take back, our window does not either. */
  returnExcluded: 'store.returns.excluded',
  /** storeWarrantyMonths: the store's warranty of the product's category, from delivery; a commercial guarantee comes on top of the legal ones and never replaces them (reference, France). */
  warranty: 'store.warranty',
  /** Reference (France): "an immobilisation of 7 days or more for repair extends it (L217-16)"; counted from the day handed in (repairs[].startedAt) to the day completed. */
  immobilisation: 'fr.commercial_guarantee.immobilisation_7_days',
  /** storeExchange: price, days since purchase, channel and stock conditions all hold. */
  exchange: 'store.exchange',
  /** storeExchange requires stock and the product is not in stock. */
  exchangeOutOfStock: 'store.exchange.out_of_stock',
} as const;

export function applyReturnWindow(p: Purchase, policy: CompiledPolicy, v: Verdict): void {
  const days = policy.returnWindowDays[p.channel];
  if (days <= 0) return;
  if (withdrawalException(p, policy.legal)) {
    v.rule(storeRules.returnExcluded);
    v.say('Ce produit est exclu de notre politique de retour.', 'This product is excluded from our returns policy.');
    return;
  }
  const start = Number.isNaN(p.delivered) && p.channel === 'store' ? p.purchased : p.delivered;
  const exchange = policy.returnExchangeInStore;
  const how = exchange ? { fr: ', contre remboursement ou échange en magasin', en: ', for a refund or an exchange in store' } : { fr: '', en: '' };
  const legal = v.eligible;
  if (Number.isNaN(start)) {
    // Not received yet: the window opens at receipt.
    v.rule(storeRules.returnWindow);
    v.grant(REFUND | (exchange ? EXCHANGE_IN_STORE : 0));
    v.say(
      `Notre politique de retour vous laisse ${days} jours après la réception pour retourner le produit${how.fr}.`,
      `Our returns policy gives you ${days} days after receipt to return the product${how.en}.`,
    );
    if (!legal) refundUnderWindow(p, policy, v);
    return;
  }
  const until = start + days;
  if (!Number.isNaN(v.withdrawalUntil) && until <= v.withdrawalUntil) return; // the law already gives as long
  v.rule(storeRules.returnWindow);
  v.withdrawalUntil = until;
  const after = start === p.delivered ? { fr: 'la réception', en: 'receipt' } : { fr: 'l’achat', en: 'the purchase' };
  if (p.requested > until) {
    v.say(`Le délai de retour de notre politique (${days} jours après ${after.fr}) a pris fin le ${fr(until)}.`, `Our returns policy’s period (${days} days after ${after.en}) ended on ${en(until)}.`);
    return;
  }
  v.grant(REFUND | (exchange ? EXCHANGE_IN_STORE : 0));
  v.say(
    `Notre politique de retour vous laisse jusqu’au ${fr(until)} (${days} jours après ${after.fr}) pour retourner le produit${how.fr}.`,
    `Our returns policy gives you until ${en(until)} (${days} days after ${after.en}) to return the product${how.en}.`,
  );
  if (!legal) refundUnderWindow(p, policy, v);
}

function refundUnderWindow(p: Purchase, policy: CompiledPolicy, v: Verdict): void {
  v.rule(storeRules.returnRefund);
  v.refundDueBy = p.requested + policy.returnRefundWithinDays;
  v.say(`En cas de retour, nous vous remboursons au plus tard le ${fr(v.refundDueBy)}.`, `If you return it, we refund you by ${en(v.refundDueBy)}.`);
}

export function applyStoreWarranty(p: Purchase, policy: CompiledPolicy, v: Verdict): void {
  const months = p.category === null ? undefined : policy.storeWarrantyMonths.get(p.category);
  if (!months) return;
  const start = Number.isNaN(p.delivered) ? p.purchased : p.delivered;
  let until = addMonths(start, months);
  let immobilised = 0;
  if (p.country === 'FR') {
    for (const r of p.repairs) {
      const d = r.completed - r.started; // NaN when the hand-in day is not known
      if (d >= 7 && r.started <= until) immobilised += d;
    }
    until += immobilised;
  }
  if (!Number.isNaN(v.legalCoverUntil) && until <= v.legalCoverUntil) return; // nothing beyond the law
  v.rule(storeRules.warranty);
  const extra = immobilised > 0 ? { fr: `, prolongée de ${immobilised} jours d’immobilisation pour réparation,`, en: `, extended by ${immobilised} days the product was in for repair,` } : { fr: '', en: '' };
  if (immobilised > 0) v.rule(storeRules.immobilisation);
  if (v.eligible) {
    v.say(
      `Votre garantie magasin${extra.fr} court jusqu’au ${fr(until)} ; elle s’ajoute aux garanties légales sans les remplacer.`,
      `Your store warranty${extra.en} runs until ${en(until)}; it comes on top of the legal guarantees and never replaces them.`,
    );
    return;
  }
  if (p.requested > until) {
    v.say(`Votre garantie magasin${extra.fr} a pris fin le ${fr(until)}.`, `Your store warranty${extra.en} ended on ${en(until)}.`);
    return;
  }
  v.grant(REPAIR | REPLACE);
  v.burdenOfProof = null; // the store's warranty covers the failure itself: nothing to prove about its origin
  v.say(
    `Votre garantie magasin de ${months} mois${extra.fr} court jusqu’au ${fr(until)} : nous réparons ou remplaçons le produit sans frais.`,
    `Your ${months}-month store warranty${extra.en} runs until ${en(until)}: we repair or replace the product free of charge.`,
  );
}

export function applyStoreExchange(p: Purchase, policy: CompiledPolicy, v: Verdict): void {
  const x = policy.storeExchange;
  if (!x || !v.eligible || !x.channels.has(p.channel)) return;
  const max = x.maxPrice.get(p.currency);
  if (max === undefined || p.priceAmount > max || p.requested - p.purchased > x.maxDaysSincePurchase) return;
  if (x.requiresStock && p.inStock === false) {
    v.rule(storeRules.exchangeOutOfStock);
    return;
  }
  v.rule(storeRules.exchange);
  v.grant(EXCHANGE_IN_STORE);
  const ifInStock = x.requiresStock && p.inStock === null;
  v.say(
    `Vous pouvez aussi l’échanger directement en magasin${ifInStock ? ', s’il est en stock' : ''}.`,
    `You can also exchange it directly in store${ifInStock ? ', if it is in stock' : ''}.`,
  );
}

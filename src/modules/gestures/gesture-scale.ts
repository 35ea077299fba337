// The goodwill gesture scale: severity × first or repeat incident × customer value tier →
// the gesture to suggest, with its reason in plain words (fr, en) the agent can read at a glance.
// Pure: the facts come from the case (gesture-facts.ts).
import type { GestureScale, Recommendation, Severity } from './gestures.contract.ts';

export interface GestureFacts {
  severity: Severity;
  /** The customer's other cases within the scale's repeat window. */
  otherIncidents: number;
  /** What the customer bought in all, in the scale's currency (minor units). */
  lifetimeValue: number;
}

export interface GestureSuggestion {
  recommendation: Recommendation;
  tier: GestureScale['tiers'][number];
  repeat: boolean;
  /** What the suggested gesture costs the retailer. */
  cost: number;
  reason: { fr: string; en: string };
}

/** The highest tier whose threshold the lifetime value reaches (the first starts at 0). */
export function tierOf(scale: GestureScale, lifetimeValue: number): GestureScale['tiers'][number] {
  let found = scale.tiers[0]!;
  for (const tier of scale.tiers) if (lifetimeValue >= tier.minLifetimeValue) found = tier;
  return found;
}

/** What a gesture costs: its amount, the scale's express delivery, or its points' worth. */
export function costOf(scale: Pick<GestureScale, 'expressDeliveryCost' | 'loyaltyPointValue'>, g: { kind: string; amount?: number | undefined; points?: number | undefined }): number {
  switch (g.kind) {
    case 'apology':
      return 0;
    case 'express_delivery':
      return scale.expressDeliveryCost;
    case 'loyalty_points':
      return (g.points ?? 0) * scale.loyaltyPointValue;
    default:
      return g.amount ?? 0;
  }
}

export function recommendGesture(scale: GestureScale, facts: GestureFacts): GestureSuggestion {
  const tier = tierOf(scale, facts.lifetimeValue);
  const repeat = facts.otherIncidents > 0;
  const recommendation = scale.grid[tier.key]![facts.severity][repeat ? 'repeat' : 'first'];
  return {
    recommendation,
    tier,
    repeat,
    cost: costOf(scale, recommendation),
    reason: {
      fr: reasonFr(scale, facts, tier.label.fr, repeat, recommendation),
      en: reasonEn(scale, facts, tier.label.en, repeat, recommendation),
    },
  };
}

export function formatMoney(amount: number, currency: string, language: 'fr' | 'en'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(amount / 100);
}

const severityFr: Record<Severity, string> = { minor: 'Incident mineur', major: 'Incident majeur', critical: 'Incident critique' };
const severityEn: Record<Severity, string> = { minor: 'Minor incident', major: 'Major incident', critical: 'Critical incident' };

/** "un bon d'achat de 20,00 €", "500 points de fidélité"… */
export function gestureWords(r: { kind: string; amount?: number | undefined; points?: number | undefined }, currency: string, language: 'fr' | 'en'): string {
  const money = formatMoney(r.amount ?? 0, currency, language);
  const n = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(r.points ?? 0);
  if (language === 'fr') {
    switch (r.kind) {
      case 'apology':
        return 'des excuses et un suivi renforcé';
      case 'voucher':
        return `un bon d’achat de ${money}`;
      case 'express_delivery':
        return 'la livraison express offerte';
      case 'loyalty_points':
        return `${n} points de fidélité`;
      case 'upgrade':
        return `un modèle supérieur (jusqu’à ${money})`;
      case 'refund':
        return `un remboursement de ${money}`;
      default:
        return `un échange (${money})`;
    }
  }
  switch (r.kind) {
    case 'apology':
      return 'an apology and a closer follow-up';
    case 'voucher':
      return `a ${money} voucher`;
    case 'express_delivery':
      return 'free express delivery';
    case 'loyalty_points':
      return `${n} loyalty points`;
    case 'upgrade':
      return `an upgrade to a better model (up to ${money})`;
    case 'refund':
      return `a ${money} refund`;
    default:
      return `an exchange (${money})`;
  }
}

function reasonFr(scale: GestureScale, f: GestureFacts, tier: string, repeat: boolean, r: Recommendation): string {
  const history = repeat
    ? `${f.otherIncidents === 1 ? 'un autre incident' : `${f.otherIncidents} autres incidents`} en ${scale.repeatWithinMonths} mois`
    : `premier incident en ${scale.repeatWithinMonths} mois`;
  return `${severityFr[f.severity]}, ${history}, client ${tier} (${formatMoney(f.lifetimeValue, scale.currency, 'fr')} d’achats) : ${gestureWords(r, scale.currency, 'fr')}.`;
}

function reasonEn(scale: GestureScale, f: GestureFacts, tier: string, repeat: boolean, r: Recommendation): string {
  const history = repeat
    ? `${f.otherIncidents === 1 ? 'one other incident' : `${f.otherIncidents} other incidents`} in ${scale.repeatWithinMonths} months`
    : `first incident in ${scale.repeatWithinMonths} months`;
  return `${severityEn[f.severity]}, ${history}, ${tier} customer (${formatMoney(f.lifetimeValue, scale.currency, 'en')} spent): ${gestureWords(r, scale.currency, 'en')}.`;
}

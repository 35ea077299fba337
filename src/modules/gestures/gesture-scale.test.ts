import { describe, expect, it } from 'vitest';
import { builtInScale } from './default-settings.ts';
import { costOf, formatMoney, recommendGesture, tierOf } from './gesture-scale.ts';
import { gestureScaleSchema, type GestureScale } from './gestures.contract.ts';

const nb = '\u202f'; // Intl's narrow no-break space before € in French
const nbsp = '\u00a0';

describe('tierOf', () => {
  it('puts a customer in the highest tier whose threshold they reach', () => {
    expect(tierOf(builtInScale, 0).key).toBe('standard');
    expect(tierOf(builtInScale, 49_999).key).toBe('standard');
    expect(tierOf(builtInScale, 50_000).key).toBe('silver');
    expect(tierOf(builtInScale, 199_999).key).toBe('silver');
    expect(tierOf(builtInScale, 200_000).key).toBe('gold');
  });
});

describe('recommendGesture', () => {
  it('suggests an apology for a first minor incident of a standard customer', () => {
    const s = recommendGesture(builtInScale, { severity: 'minor', otherIncidents: 0, lifetimeValue: 12_000 });
    expect(s.recommendation).toEqual({ kind: 'apology' });
    expect(s.cost).toBe(0);
    expect(s.repeat).toBe(false);
    expect(s.reason).toEqual({
      fr: `Incident mineur, premier incident en 12 mois, client Standard (120,00${nbsp}€ d’achats) : des excuses et un suivi renforcé.`,
      en: 'Minor incident, first incident in 12 months, Standard customer (€120.00 spent): an apology and a closer follow-up.',
    });
  });
  it('turns a repeat minor incident into loyalty points, costed at the point’s value', () => {
    const s = recommendGesture(builtInScale, { severity: 'minor', otherIncidents: 1, lifetimeValue: 0 });
    expect(s.recommendation).toEqual({ kind: 'loyalty_points', points: 500 });
    expect(s.cost).toBe(500);
    expect(s.reason.fr).toBe(`Incident mineur, un autre incident en 12 mois, client Standard (0,00${nbsp}€ d’achats) : 500 points de fidélité.`);
    expect(s.reason.en).toBe('Minor incident, one other incident in 12 months, Standard customer (€0.00 spent): 500 loyalty points.');
  });
  it('suggests a voucher for a major incident of a silver customer, more on a repeat', () => {
    expect(recommendGesture(builtInScale, { severity: 'major', otherIncidents: 0, lifetimeValue: 50_000 }).recommendation).toEqual({ kind: 'voucher', amount: 2_000 });
    const repeat = recommendGesture(builtInScale, { severity: 'major', otherIncidents: 3, lifetimeValue: 50_000 });
    expect(repeat.recommendation).toEqual({ kind: 'voucher', amount: 3_000 });
    expect(repeat.reason.fr).toBe(`Incident majeur, 3 autres incidents en 12 mois, client Argent (500,00${nbsp}€ d’achats) : un bon d’achat de 30,00${nbsp}€.`);
    expect(repeat.reason.en).toBe('Major incident, 3 other incidents in 12 months, Silver customer (€500.00 spent): a €30.00 voucher.');
  });
  it('offers free express delivery to a gold customer’s first minor incident, costed as the scale says', () => {
    const s = recommendGesture(builtInScale, { severity: 'minor', otherIncidents: 0, lifetimeValue: 250_000 });
    expect(s.recommendation).toEqual({ kind: 'express_delivery' });
    expect(s.cost).toBe(990);
    expect(s.reason.en).toBe('Minor incident, first incident in 12 months, Gold customer (€2,500.00 spent): free express delivery.');
    expect(s.reason.fr).toBe(`Incident mineur, premier incident en 12 mois, client Or (2${nb}500,00${nbsp}€ d’achats) : la livraison express offerte.`);
  });
  it('suggests an upgrade for a critical incident of a gold customer', () => {
    const s = recommendGesture(builtInScale, { severity: 'critical', otherIncidents: 2, lifetimeValue: 200_000 });
    expect(s.recommendation).toEqual({ kind: 'upgrade', amount: 15_000 });
    expect(s.cost).toBe(15_000);
    expect(s.reason.en).toBe('Critical incident, 2 other incidents in 12 months, Gold customer (€2,000.00 spent): an upgrade to a better model (up to €150.00).');
  });
  it('speaks of the scale’s own window and tiers', () => {
    const scale: GestureScale = {
      ...builtInScale,
      repeatWithinMonths: 6,
      tiers: [
        { key: 'all', label: { fr: 'Tous', en: 'Everyone' }, minLifetimeValue: 0 },
        { key: 'vip', label: { fr: 'VIP', en: 'VIP' }, minLifetimeValue: 1 },
      ],
      grid: { all: builtInScale.grid.standard!, vip: builtInScale.grid.gold! },
    };
    expect(recommendGesture(scale, { severity: 'critical', otherIncidents: 0, lifetimeValue: 1 }).reason.en).toBe(
      'Critical incident, first incident in 6 months, VIP customer (€0.01 spent): an upgrade to a better model (up to €100.00).',
    );
  });
});

describe('costOf', () => {
  it('costs each kind', () => {
    expect(costOf(builtInScale, { kind: 'apology', amount: 5_000 })).toBe(0);
    expect(costOf(builtInScale, { kind: 'voucher', amount: 2_500 })).toBe(2_500);
    expect(costOf(builtInScale, { kind: 'express_delivery' })).toBe(990);
    expect(costOf({ expressDeliveryCost: 0, loyaltyPointValue: 2 }, { kind: 'loyalty_points', points: 750 })).toBe(1_500);
    expect(costOf(builtInScale, { kind: 'refund', amount: 39_900 })).toBe(39_900);
  });
});

describe('the scale document', () => {
  it('accepts the built-in scale', () => {
    expect(gestureScaleSchema.safeParse(builtInScale).success).toBe(true);
  });
  it('refuses tiers that do not start at 0, go down, or lack their row', () => {
    const issues = (doc: unknown) => (gestureScaleSchema.safeParse(doc).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ ...builtInScale, tiers: [{ ...builtInScale.tiers[0]!, minLifetimeValue: 10 }, ...builtInScale.tiers.slice(1)] })).toEqual(['tiers.0.minLifetimeValue: the first tier starts at 0']);
    expect(issues({ ...builtInScale, tiers: [builtInScale.tiers[0]!, builtInScale.tiers[2]!, builtInScale.tiers[1]!] })).toEqual(['tiers.2.minLifetimeValue: tiers go up: above the one before']);
    const { gold: _gold, ...grid } = builtInScale.grid;
    expect(issues({ ...builtInScale, grid })).toEqual(['grid.gold: no row for the tier gold']);
    expect(issues({ ...builtInScale, grid: { ...builtInScale.grid, platinum: builtInScale.grid.gold } })).toEqual(['grid.platinum: no tier platinum']);
  });
});

describe('formatMoney', () => {
  it('writes amounts the way each language does', () => {
    expect(formatMoney(123_456, 'EUR', 'fr')).toBe(`1${nb}234,56${nbsp}€`);
    expect(formatMoney(123_456, 'EUR', 'en')).toBe('€1,234.56');
  });
});

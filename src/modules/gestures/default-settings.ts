// The limits and the scale in force before an admin saves any (version 0). Amounts in cents
// of euros: an agent grants up to 50 € a case and 300 € a month, vouchers and express delivery
// without asking, refunds and exchanges only with an approval; store staff exchange on the spot
// up to 300 € (the retailer's direct store exchange); managers up to 500 € a case; admins
// without limit.
import { gestureKinds, type AuthorityLimits, type GestureScale } from './gestures.contract.ts';

/** Every kind, with no cap of its own (the role's budgets still apply). */
const everyKind = Object.fromEntries(gestureKinds.map((k) => [k, { max: null }])) as AuthorityLimits['roles']['admin']['kinds'];

export const builtInLimits: AuthorityLimits = {
  currency: 'EUR',
  roles: {
    agent: { perCase: 5_000, perMonth: 30_000, kinds: { apology: { max: null }, voucher: { max: null }, express_delivery: { max: null }, loyalty_points: { max: null } } },
    community_manager: { perCase: 3_000, perMonth: 20_000, kinds: { apology: { max: null }, voucher: { max: null }, loyalty_points: { max: null } } },
    store_staff: {
      perCase: 30_000,
      perMonth: 300_000,
      kinds: { apology: { max: null }, exchange: { max: 30_000 }, voucher: { max: 3_000 }, express_delivery: { max: null }, loyalty_points: { max: null } },
    },
    manager: { perCase: 50_000, perMonth: 500_000, kinds: everyKind },
    admin: { perCase: null, perMonth: null, kinds: everyKind },
  },
  storeOverrides: [],
};

const apology = { kind: 'apology' } as const;
const express = { kind: 'express_delivery' } as const;
const voucher = (amount: number) => ({ kind: 'voucher', amount }) as const;
const points = (n: number) => ({ kind: 'loyalty_points', points: n }) as const;
const upgrade = (amount: number) => ({ kind: 'upgrade', amount }) as const;

export const builtInScale: GestureScale = {
  currency: 'EUR',
  repeatWithinMonths: 12,
  tiers: [
    { key: 'standard', label: { fr: 'Standard', en: 'Standard' }, minLifetimeValue: 0 },
    { key: 'silver', label: { fr: 'Argent', en: 'Silver' }, minLifetimeValue: 50_000 },
    { key: 'gold', label: { fr: 'Or', en: 'Gold' }, minLifetimeValue: 200_000 },
  ],
  grid: {
    standard: {
      minor: { first: apology, repeat: points(500) },
      major: { first: voucher(1_000), repeat: voucher(2_000) },
      critical: { first: voucher(3_000), repeat: voucher(5_000) },
    },
    silver: {
      minor: { first: points(500), repeat: express },
      major: { first: voucher(2_000), repeat: voucher(3_000) },
      critical: { first: voucher(4_000), repeat: upgrade(8_000) },
    },
    gold: {
      minor: { first: express, repeat: voucher(1_500) },
      major: { first: voucher(3_000), repeat: voucher(5_000) },
      critical: { first: upgrade(10_000), repeat: upgrade(15_000) },
    },
  },
  expressDeliveryCost: 990,
  loyaltyPointValue: 1,
};

// The rulebook before an administrator saves one (version 0): the law alone. No return window
// beyond it, no store warranty, no direct exchange; Belgian used goods keep the full 2 years;
// Québec counts a durable life of 24 months for every category until the retailer sets its own
// (the law gives none: docs/policies.md).
import type { PolicyDocument } from './policies.contract.ts';

export const builtInDocument: PolicyDocument = {
  format: 1,
  returns: { windowDays: { store: 0, online: 0, marketplace: 0, off_premises: 0 }, refundWithinDays: 14, exchangeInStore: false },
  storeWarrantyMonths: {},
  storeExchange: { enabled: false, maxPrice: {}, maxDaysSincePurchase: 0, requiresStock: true, channels: ['store', 'online', 'marketplace', 'off_premises'] },
  withdrawalExceptions: {},
  belgium: { usedGoodsGuaranteeMonths: 24 },
  quebec: { durabilityMonths: { default: 24, byCategory: {} } },
};

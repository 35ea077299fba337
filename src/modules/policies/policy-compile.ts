// A policy document turned, once per version, into what a verdict reads: maps instead of
// records, the exchange conditions ready to test. A verdict then only looks things up.
import type { LegalSettings, SalesChannel, WithdrawalException } from './law/verdict.ts';
import type { PolicyDocument } from './policies.contract.ts';

export interface StoreExchangeTerms {
  maxPrice: Map<string, number>;
  maxDaysSincePurchase: number;
  requiresStock: boolean;
  channels: Set<SalesChannel>;
}

export interface CompiledPolicy {
  version: number;
  legal: LegalSettings;
  returnWindowDays: Record<SalesChannel, number>;
  returnRefundWithinDays: number;
  returnExchangeInStore: boolean;
  storeWarrantyMonths: Map<string, number>;
  /** null when the document does not allow direct exchanges. */
  storeExchange: StoreExchangeTerms | null;
}

const mapOf = <V>(record: Record<string, V>) => new Map(Object.entries(record));

export function compilePolicy(version: number, document: PolicyDocument): CompiledPolicy {
  const x = document.storeExchange;
  return {
    version,
    legal: {
      withdrawalExceptions: mapOf<WithdrawalException>(document.withdrawalExceptions),
      belgiumUsedGoodsMonths: document.belgium.usedGoodsGuaranteeMonths,
      quebecDurabilityMonths: mapOf(document.quebec.durabilityMonths.byCategory),
      quebecDefaultDurabilityMonths: document.quebec.durabilityMonths.default,
    },
    returnWindowDays: { ...document.returns.windowDays },
    returnRefundWithinDays: document.returns.refundWithinDays,
    returnExchangeInStore: document.returns.exchangeInStore,
    storeWarrantyMonths: mapOf(document.storeWarrantyMonths),
    storeExchange: x.enabled
      ? { maxPrice: mapOf(x.maxPrice), maxDaysSincePurchase: x.maxDaysSincePurchase, requiresStock: x.requiresStock, channels: new Set(x.channels) }
      : null,
  };
}

// What the rules read (a purchase, in day numbers) and what they write (a verdict being
// built): the country files and the retailer's rules fill one Verdict in turn, then it is
// turned into the API's answer once. Remedies are bits so adding one twice costs nothing and
// they come out in one fixed order.
import type { SalesChannel } from '../../commerce/commerce.schema.ts';
import { formatDay } from './dates.ts';
import type { LegalCalendar } from './calendar.ts';

export type { SalesChannel };
/** The countries whose consumer law the rulebook knows (QC: Québec, in Canada). */
export const legalCountries = ['FR', 'BE', 'QC'] as const;
export type LegalCountry = (typeof legalCountries)[number];
/** The sales channels as consumer law sees them (commerce.schema's list, checked by type). */
export const policyChannels = ['store', 'online', 'marketplace', 'off_premises'] as const satisfies readonly SalesChannel[];
export const policyRequests = ['withdrawal', 'defect', 'late_delivery'] as const;
export type PolicyRequestKind = (typeof policyRequests)[number];

export const remedyNames = ['repair', 'replace', 'refund', 'exchange_in_store', 'price_reduction', 'rescission'] as const;
export type Remedy = (typeof remedyNames)[number];

export const REPAIR = 1;
export const REPLACE = 2;
export const REFUND = 4;
export const EXCHANGE_IN_STORE = 8;
export const PRICE_REDUCTION = 16;
export const RESCISSION = 32;


/** The exceptions to the right of withdrawal a retailer's categories can fall under (L221-28). */
export const withdrawalExceptionReasons = ['custom_made', 'perishable', 'hygiene_unsealed', 'media_unsealed'] as const;
export type WithdrawalException = (typeof withdrawalExceptionReasons)[number];

/** What the law leaves to the retailer's policy document, compiled (policy-compile.ts). */
export interface LegalSettings {
  /** Categories that fall under a legal exception to the right of withdrawal. */
  withdrawalExceptions: Map<string, WithdrawalException>;
  /** Belgium: the guarantee agreed for used goods, 12 to 24 months. */
  belgiumUsedGoodsMonths: number;
  /** Québec: the durable life counted per category (the law gives none), and for the others. */
  quebecDurabilityMonths: Map<string, number>;
  quebecDefaultDurabilityMonths: number;
}

/** A country's consumer law, one function per kind of request (law/fr.ts, be.ts, qc.ts). */
export interface CountryLaw {
  defect(p: Purchase, settings: LegalSettings, v: Verdict): void;
  withdrawal(p: Purchase, settings: LegalSettings, calendar: LegalCalendar, v: Verdict): void;
  lateDelivery(p: Purchase, settings: LegalSettings, v: Verdict): void;
}

/** NaN stands for "no such date" throughout (not delivered yet, no promised date). */
export interface Purchase {
  country: LegalCountry;
  channel: SalesChannel;
  used: boolean;
  category: string | null;
  purchased: number;
  delivered: number;
  requested: number;
  promised: number;
  request: PolicyRequestKind;
  customMade: boolean;
  repairs: { started: number; completed: number }[];
  replacements: { delivered: number; imposedBySeller: boolean }[];
  priceAmount: number;
  currency: string;
  /** Whether the product is in stock for a direct exchange; null when the caller does not know. */
  inStock: boolean | null;
}

/** Distance and off-premises sales: the ones consumer law gives a withdrawal period. */
export const isDistanceOrOffPremises = (channel: SalesChannel) => channel !== 'store';

export interface PolicyVerdict {
  eligible: boolean;
  remedies: Remedy[];
  legalGuaranteeUntil: string | null;
  presumptionUntil: string | null;
  burdenOfProof: 'seller' | 'consumer' | null;
  withdrawalUntil: string | null;
  refundDueBy: string | null;
  rules: string[];
  explanation: { fr: string; en: string };
  policyVersion: number;
}

export class Verdict {
  eligible = false;
  remedies = 0;
  legalGuaranteeUntil = Number.NaN;
  presumptionUntil = Number.NaN;
  burdenOfProof: 'seller' | 'consumer' | null = null;
  withdrawalUntil = Number.NaN;
  refundDueBy = Number.NaN;
  /**
   * The last day the legal cover is certain (FR, BE: the guarantee's end; QC: the durable life
   * counted): a store warranty says something only when it runs longer.
   */
  legalCoverUntil = Number.NaN;
  readonly rules: string[] = [];
  fr = '';
  en = '';

  rule(id: string): void {
    this.rules.push(id);
  }

  /** One sentence of the explanation, in both languages. */
  say(fr: string, en: string): void {
    this.fr = this.fr ? `${this.fr} ${fr}` : fr;
    this.en = this.en ? `${this.en} ${en}` : en;
  }

  grant(remedies: number): void {
    this.eligible = true;
    this.remedies |= remedies;
  }

  answer(policyVersion: number): PolicyVerdict {
    const remedies: Remedy[] = [];
    for (let i = 0; i < remedyNames.length; i++) if (this.remedies & (1 << i)) remedies.push(remedyNames[i]!);
    return {
      eligible: this.eligible,
      remedies,
      legalGuaranteeUntil: dateOrNull(this.legalGuaranteeUntil),
      presumptionUntil: dateOrNull(this.presumptionUntil),
      burdenOfProof: this.burdenOfProof,
      withdrawalUntil: dateOrNull(this.withdrawalUntil),
      refundDueBy: dateOrNull(this.refundDueBy),
      rules: this.rules,
      explanation: { fr: this.fr, en: this.en },
      policyVersion,
    };
  }
}

const dateOrNull = (day: number) => (Number.isNaN(day) ? null : formatDay(day));

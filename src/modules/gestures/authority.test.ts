import { describe, expect, it } from 'vitest';
import { checkAuthority, effectiveLimit, latitudeOf, monthWindow } from './authority.ts';
import { builtInLimits } from './default-settings.ts';
import type { AuthorityLimits } from './gestures.contract.ts';

const STORE = '00000000-0000-4000-8000-000000000001';
const OTHER_STORE = '00000000-0000-4000-8000-000000000002';
const agent = { role: 'agent', storeIds: null };
const staff = { role: 'store_staff', storeIds: [STORE] };

const withOverride: AuthorityLimits = {
  ...builtInLimits,
  storeOverrides: [{ storeId: STORE, role: 'store_staff', perCase: 10_000, kinds: { exchange: { max: 10_000 } } }],
};

describe('checkAuthority', () => {
  it('lets an agent grant a voucher of exactly the per-case limit', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 5_000 }, 0, 0)).toEqual({ within: true });
  });
  it('refuses one cent above the per-case limit', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 5_001 }, 0, 0)).toEqual({ within: false, reasons: ['over_case_limit'] });
  });
  it('counts what the case already had', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 2_000 }, 3_000, 3_000)).toEqual({ within: true });
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 2_001 }, 3_000, 3_000)).toEqual({ within: false, reasons: ['over_case_limit'] });
  });
  it('stops at the monthly limit exactly', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 1_000 }, 29_000, 0)).toEqual({ within: true });
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 1_001 }, 29_000, 0)).toEqual({ within: false, reasons: ['over_month_limit'] });
  });
  it('gives every reason at once', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'voucher', amount: 6_000 }, 29_500, 0)).toEqual({ within: false, reasons: ['over_case_limit', 'over_month_limit'] });
  });
  it('never lets an agent refund or exchange without asking, at any amount', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'refund', amount: 1 }, 0, 0)).toEqual({ within: false, reasons: ['kind_not_allowed'] });
    expect(checkAuthority(builtInLimits, agent, { kind: 'exchange', amount: 0 }, 0, 0)).toEqual({ within: false, reasons: ['kind_not_allowed'] });
    expect(checkAuthority(builtInLimits, agent, { kind: 'upgrade', amount: 100 }, 0, 0)).toEqual({ within: false, reasons: ['kind_not_allowed'] });
  });
  it('lets an apology through even when the budgets are spent', () => {
    expect(checkAuthority(builtInLimits, agent, { kind: 'apology', amount: 0 }, 30_000, 5_000)).toEqual({ within: true });
  });
  it('lets store staff exchange up to 300 € and not a cent more', () => {
    expect(checkAuthority(builtInLimits, staff, { kind: 'exchange', amount: 30_000 }, 0, 0)).toEqual({ within: true });
    expect(checkAuthority(builtInLimits, staff, { kind: 'exchange', amount: 30_001 }, 0, 0)).toEqual({ within: false, reasons: ['over_kind_limit', 'over_case_limit'] });
  });
  it('caps a kind below the role’s budgets', () => {
    expect(checkAuthority(builtInLimits, staff, { kind: 'voucher', amount: 3_000 }, 0, 0)).toEqual({ within: true });
    expect(checkAuthority(builtInLimits, staff, { kind: 'voucher', amount: 3_001 }, 0, 0)).toEqual({ within: false, reasons: ['over_kind_limit'] });
  });
  it('applies the override of one of the actor’s stores', () => {
    expect(checkAuthority(withOverride, staff, { kind: 'exchange', amount: 10_001 }, 0, 0)).toEqual({ within: false, reasons: ['over_kind_limit', 'over_case_limit'] });
    expect(checkAuthority(withOverride, staff, { kind: 'exchange', amount: 10_000 }, 0, 0)).toEqual({ within: true });
    // The override's kinds replace the role's: vouchers are not in it.
    expect(checkAuthority(withOverride, staff, { kind: 'voucher', amount: 100 }, 0, 0)).toEqual({ within: false, reasons: ['kind_not_allowed'] });
    // The monthly limit was not overridden: the role's stands.
    expect(effectiveLimit(withOverride, staff).perMonth).toBe(300_000);
  });
  it('ignores an override for another store or another role', () => {
    expect(checkAuthority(withOverride, { role: 'store_staff', storeIds: [OTHER_STORE] }, { kind: 'exchange', amount: 30_000 }, 0, 0)).toEqual({ within: true });
    expect(checkAuthority(withOverride, { role: 'agent', storeIds: [STORE] }, { kind: 'voucher', amount: 5_000 }, 0, 0)).toEqual({ within: true });
    expect(checkAuthority(withOverride, { role: 'store_staff', storeIds: null }, { kind: 'exchange', amount: 30_000 }, 0, 0)).toEqual({ within: true });
  });
  it('lets an override lift a limit (null: unlimited)', () => {
    const lifted: AuthorityLimits = { ...builtInLimits, storeOverrides: [{ storeId: STORE, role: 'store_staff', perMonth: null }] };
    expect(checkAuthority(lifted, staff, { kind: 'exchange', amount: 30_000 }, 10_000_000, 0)).toEqual({ within: true });
  });
  it('gives a manager 500 € a case', () => {
    const manager = { role: 'manager', storeIds: null };
    expect(checkAuthority(builtInLimits, manager, { kind: 'refund', amount: 50_000 }, 0, 0)).toEqual({ within: true });
    expect(checkAuthority(builtInLimits, manager, { kind: 'refund', amount: 50_001 }, 0, 0)).toEqual({ within: false, reasons: ['over_case_limit'] });
  });
  it('leaves admins unlimited', () => {
    expect(checkAuthority(builtInLimits, { role: 'admin', storeIds: null }, { kind: 'refund', amount: 99_000_000 }, 99_000_000, 99_000_000)).toEqual({ within: true });
  });
  it('gives a viewer nothing', () => {
    expect(checkAuthority(builtInLimits, { role: 'viewer', storeIds: null }, { kind: 'voucher', amount: 1 }, 0, 0)).toEqual({
      within: false,
      reasons: ['kind_not_allowed', 'over_case_limit', 'over_month_limit'],
    });
  });
});

describe('latitudeOf', () => {
  it('says what is left on the case and in the month, and the most each kind may cost', () => {
    const l = latitudeOf(builtInLimits, agent, 28_000, 1_000, ['voucher', 'refund', 'apology']);
    expect(l).toEqual({
      perCaseLeft: 4_000,
      perMonthLeft: 2_000,
      kinds: [
        { kind: 'voucher', allowed: true, upTo: 2_000 },
        { kind: 'refund', allowed: false, upTo: 0 },
        { kind: 'apology', allowed: true, upTo: 2_000 },
      ],
    });
  });
  it('never goes below zero, and says null for no limit', () => {
    expect(latitudeOf(builtInLimits, agent, 40_000, 9_000, []).perMonthLeft).toBe(0);
    expect(latitudeOf(builtInLimits, { role: 'admin', storeIds: null }, 1, 1, ['refund'])).toEqual({ perCaseLeft: null, perMonthLeft: null, kinds: [{ kind: 'refund', allowed: true, upTo: null }] });
    expect(latitudeOf(builtInLimits, staff, 0, 0, ['exchange']).kinds).toEqual([{ kind: 'exchange', allowed: true, upTo: 30_000 }]);
  });
});

describe('monthWindow', () => {
  it('is the calendar month in the zone, not in UTC', () => {
    // 31 January 23:30 in Paris is 22:30 UTC: January.
    expect(monthWindow('Europe/Paris', new Date('2026-01-31T22:30:00Z'))).toEqual({ start: new Date('2025-12-31T23:00:00Z'), end: new Date('2026-01-31T23:00:00Z') });
    // 1 February 00:30 in Paris is still 31 January in UTC: February.
    expect(monthWindow('Europe/Paris', new Date('2026-01-31T23:30:00Z')).start).toEqual(new Date('2026-01-31T23:00:00Z'));
  });
  it('follows daylight saving (March starts in winter time, April in summer time)', () => {
    expect(monthWindow('Europe/Paris', new Date('2026-03-15T12:00:00Z'))).toEqual({ start: new Date('2026-02-28T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') });
  });
  it('rolls December into January of the next year', () => {
    expect(monthWindow('America/Toronto', new Date('2026-12-31T12:00:00Z'))).toEqual({ start: new Date('2026-12-01T05:00:00Z'), end: new Date('2027-01-01T05:00:00Z') });
  });
});

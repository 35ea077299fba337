import { describe, expect, it } from 'vitest';
import { countExchanges, effortLevel, effortWarningDue, type TurnSide } from './effort.ts';

const sides = (s: string): TurnSide[] => [...s].map((c) => (c === 'c' ? 'customer' : 'agent'));

describe('customer effort', () => {
  it('counts the turns of the conversation, consecutive messages of one side as one', () => {
    expect(countExchanges([])).toBe(0);
    expect(countExchanges(sides('c'))).toBe(1);
    expect(countExchanges(sides('ca'))).toBe(2);
    expect(countExchanges(sides('cccaa'))).toBe(2);
    expect(countExchanges(sides('cacaca'))).toBe(6);
    expect(countExchanges(sides('ccacaac'))).toBe(5);
  });

  it('counts a call as a turn of its own', () => {
    expect(countExchanges(['customer', 'call', 'call', 'agent'])).toBe(4);
  });

  it('reads seed 004: 37 e-mails back and forth are 37 exchanges', () => {
    expect(countExchanges(sides('ca'.repeat(18) + 'c'))).toBe(37);
  });

  it('warns from the threshold, then at each multiple of it, once', () => {
    expect(effortLevel(5, 6)).toBe(0);
    expect(effortLevel(6, 6)).toBe(1);
    expect(effortLevel(11, 6)).toBe(1);
    expect(effortLevel(12, 6)).toBe(2);
    expect(effortLevel(37, 6)).toBe(6);
    expect(effortWarningDue(5, 6, 0)).toBeNull();
    expect(effortWarningDue(6, 6, 0)).toBe(1);
    expect(effortWarningDue(7, 6, 1)).toBeNull();
    expect(effortWarningDue(12, 6, 1)).toBe(2);
    // A late job that finds the case far past two crossings warns once, for the higher one.
    expect(effortWarningDue(13, 6, 0)).toBe(2);
  });
});

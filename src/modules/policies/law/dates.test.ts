// Day arithmetic the rulebook counts with: exact against the platform's Date on a wide range,
// months ending on the same date or the month's last day, the words of a date.
import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, englishDate, formatDay, frenchDate, parseDay, ymdOf } from './dates.ts';

const d = (iso: string) => parseDay(iso);

describe('day numbers', () => {
  it('agree with Date on every day of 1890–2230 (inside and outside the cached table)', () => {
    const wrong: number[] = [];
    for (let day = -29_000; day < 95_000; day++) {
      const ymd = ymdOf(day);
      if (formatDay(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10)) wrong.push(day);
      if (dayOf(Math.floor(ymd / 10_000), Math.floor(ymd / 100) % 100, ymd % 100) !== day) wrong.push(day);
      if (parseDay(formatDay(day)) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('parses real dates only', () => {
    expect(d('1970-01-01')).toBe(0);
    expect(d('2024-02-29')).toBe(19_782);
    for (const bad of ['2025-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-10', '26-01-10', '2026/01/10', '2026-01-1x', '']) {
      expect(d(bad), bad).toBeNaN();
    }
  });
});

describe('addMonths (CPC art. 641, Regulation 1182/71 art. 3(2)(c))', () => {
  it.each([
    ['2026-03-10', 24, '2028-03-10'],
    ['2026-03-10', 12, '2027-03-10'],
    ['2026-03-10', 6, '2026-09-10'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-10', 0, '2026-03-10'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(formatDay(addMonths(d(from), months))).toBe(to);
  });
});

describe('dates in words', () => {
  it('writes the first of the month as French letters do', () => {
    expect(frenchDate(d('2026-03-01'))).toBe('1er mars 2026');
    expect(frenchDate(d('2026-08-15'))).toBe('15 août 2026');
    expect(frenchDate(d('2027-02-02'))).toBe('2 février 2027');
    expect(englishDate(d('2026-03-01'))).toBe('1 March 2026');
    expect(englishDate(d('2026-12-25'))).toBe('25 December 2026');
    expect(frenchDate(d('2250-12-31'))).toBe('31 décembre 2250');
  });
});

import { describe, expect, it } from 'vitest';
import { easterSunday, formatDay } from './dates.ts';
import { holidaysOf } from './holidays.ts';

describe('Easter', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [2000, '2000-04-23'],
  ])('%i → %s', (year, date) => expect(formatDay(easterSunday(year))).toBe(date));
});

describe('France', () => {
  it('has the eleven days of L3133-1 in 2026', () => {
    expect(holidaysOf(2026, { country: 'FR', region: null })).toEqual([
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('adds Good Friday and St Stephen’s Day in Alsace-Moselle', () => {
    const alsace = holidaysOf(2026, { country: 'FR', region: 'alsace-moselle' });
    expect(alsace).toHaveLength(13);
    expect(alsace).toContainEqual({ date: '2026-04-03', name: 'Vendredi saint' });
    expect(alsace).toContainEqual({ date: '2026-12-26', name: 'Saint-Étienne' });
  });

  it('moves with Easter', () => {
    const h2027 = holidaysOf(2027, { country: 'FR', region: null }).map((h) => h.date);
    expect(h2027).toContain('2027-03-29');
    expect(h2027).toContain('2027-05-06');
    expect(h2027).toContain('2027-05-17');
  });
});

describe('Belgium', () => {
  it('has its ten legal holidays', () => {
    const days = holidaysOf(2026, { country: 'BE', region: null });
    expect(days).toHaveLength(10);
    expect(days).toContainEqual({ date: '2026-07-21', name: 'Fête nationale' });
    expect(days.map((d) => d.date)).not.toContain('2026-05-08');
  });
});

describe('Québec', () => {
  it('follows art. 60 in 2026', () => {
    expect(holidaysOf(2026, { country: 'CA', region: 'QC' })).toEqual([
      { date: '2026-01-01', name: 'Jour de l’An' },
      { date: '2026-04-03', name: 'Vendredi saint' },
      { date: '2026-05-18', name: 'Journée nationale des patriotes' },
      { date: '2026-06-24', name: 'Fête nationale du Québec' },
      { date: '2026-07-01', name: 'Fête du Canada' },
      { date: '2026-09-07', name: 'Fête du Travail' },
      { date: '2026-10-12', name: 'Action de grâce' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('lets the employer choose Easter Monday', () => {
    expect(holidaysOf(2026, { country: 'CA', region: 'QC', quebecEaster: 'easter_monday' })).toContainEqual({ date: '2026-04-06', name: 'Lundi de Pâques' });
  });

  it('moves 24 June and 1 July off a Sunday, and takes the Monday before 25 May', () => {
    const h2029 = holidaysOf(2029, { country: 'CA', region: 'QC' }).map((h) => h.date);
    expect(h2029).toContain('2029-06-25'); // 24 June 2029 is a Sunday
    const h2029b = holidaysOf(2029, { country: 'CA', region: 'QC' });
    expect(h2029b.find((h) => h.name === 'Fête du Canada')!.date).toBe('2029-07-02'); // 1 July 2029 is a Sunday
    // 25 May 2026 is a Monday: the patriots' day is the Monday before, the 18th.
    expect(holidaysOf(2026, { country: 'CA', region: 'QC' }).find((h) => h.name.startsWith('Journée'))!.date).toBe('2026-05-18');
    // 25 May 2025 is a Sunday: the 19th.
    expect(holidaysOf(2025, { country: 'CA', region: 'QC' }).find((h) => h.name.startsWith('Journée'))!.date).toBe('2025-05-19');
  });

  it('refuses unknown rules', () => {
    expect(() => holidaysOf(2026, { country: 'FR' as 'FR', region: 'bretagne' })).toThrow(/no holiday rules/);
  });
});

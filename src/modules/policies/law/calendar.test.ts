// The days a consumer deadline cannot end on, from the sla module's holiday rules.
import { describe, expect, it } from 'vitest';
import { LegalCalendar, type LegalCountry } from './calendar.ts';
import { formatDay, parseDay } from './dates.ts';

const calendar = new LegalCalendar();
const next = (country: LegalCountry, iso: string) => formatDay(calendar.nextWorkingDay(country, parseDay(iso)));

describe('nextWorkingDay', () => {
  it.each([
    ['FR', '2026-03-16', '2026-03-16', 'a Monday is itself'],
    ['FR', '2026-03-21', '2026-03-23', 'Saturday → Monday'],
    ['FR', '2026-03-22', '2026-03-23', 'Sunday → Monday'],
    ['FR', '2026-04-06', '2026-04-07', 'Easter Monday'],
    ['FR', '2026-04-04', '2026-04-07', 'Saturday before Easter Monday'],
    ['FR', '2026-05-01', '2026-05-04', 'Friday 1 May, then the weekend'],
    ['FR', '2026-05-08', '2026-05-11', 'Friday 8 May (Victoire 1945)'],
    ['FR', '2026-05-14', '2026-05-15', 'Ascension'],
    ['FR', '2026-05-25', '2026-05-26', 'Whit Monday'],
    ['FR', '2026-07-14', '2026-07-15', '14 July'],
    ['FR', '2026-11-11', '2026-11-12', '11 November'],
    ['FR', '2026-12-25', '2026-12-28', 'Christmas on a Friday: 26 December is not a national holiday'],
    ['FR', '2026-04-03', '2026-04-03', 'Good Friday is only Alsace-Moselle’s'],
    ['BE', '2026-05-08', '2026-05-08', '8 May is not a Belgian holiday'],
    ['BE', '2026-07-14', '2026-07-14', 'nor 14 July'],
    ['BE', '2026-07-21', '2026-07-22', 'Belgian national day'],
    ['BE', '2026-05-14', '2026-05-15', 'Ascension'],
    ['QC', '2026-04-03', '2026-04-07', 'Good Friday and Easter Monday both count'],
    ['QC', '2026-04-06', '2026-04-07', 'Easter Monday'],
    ['QC', '2026-05-18', '2026-05-19', 'Journée nationale des patriotes'],
    ['QC', '2026-06-24', '2026-06-25', 'Fête nationale du Québec'],
    ['QC', '2026-07-01', '2026-07-02', 'Canada Day'],
    ['QC', '2026-09-07', '2026-09-08', 'Labour Day'],
    ['QC', '2026-10-12', '2026-10-13', 'Thanksgiving'],
    ['QC', '2026-07-14', '2026-07-14', '14 July is French'],
  ] as const)('%s %s → %s (%s)', (country, from, to, _why) => {
    expect(next(country, from)).toBe(to);
  });

  it('takes extra holidays (an overseas department’s)', () => {
    const reunion = new LegalCalendar({ extra: { FR: ['2026-12-20'] } });
    expect(formatDay(reunion.nextWorkingDay('FR', parseDay('2026-12-18')))).toBe('2026-12-18');
    expect(formatDay(reunion.nextWorkingDay('FR', parseDay('2026-12-19')))).toBe('2026-12-21');
    expect(reunion.isHoliday('FR', parseDay('2026-12-20'))).toBe(true);
    expect(calendar.isHoliday('FR', parseDay('2026-12-20'))).toBe(false);
  });
});

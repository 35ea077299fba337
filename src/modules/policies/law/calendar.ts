// The days a consumer deadline cannot end on: Saturdays, Sundays and the public holidays of
// the consumer's country, from the sla module's holiday rules (src/modules/sla/holidays.ts: Code
// du travail L3133-1, Belgium's ten legal holidays, Québec's Loi sur les normes du travail art.
// 60), never from a list of our own. Each year is worked out once, on first use.
//
// Assumptions, where the reference is silent:
// - France: the national holidays; Alsace-Moselle's two extra days are local (L3134-13) and
//   the consumer's region is not known, so they are not counted.
// - Québec: the Loi sur les normes du travail lets an employer choose Good Friday or Easter
//   Monday; a consumer's deadline is not an employer's, so both count (the Loi
//   d'interprétation, RLRQ c. I-16, art. 61, lists both as holidays): the later date, which is
//   the consumer's side.
// - Overseas departments' own days (abolition of slavery) can be added with `extra`.
import { holidayDays, type HolidayRules } from '../../sla/holidays.ts';
import { parseDay, weekday, yearOfDay, type IsoDate } from './dates.ts';
import type { LegalCountry } from './verdict.ts';

export type { LegalCountry };

const rulesOf: Record<LegalCountry, HolidayRules[]> = {
  FR: [{ country: 'FR', region: null }],
  BE: [{ country: 'BE', region: null }],
  QC: [
    { country: 'CA', region: 'QC', quebecEaster: 'good_friday' },
    { country: 'CA', region: 'QC', quebecEaster: 'easter_monday' },
  ],
};

export interface LegalCalendarOptions {
  /** Extra public holidays per country (an overseas department's, a one-off national day). */
  extra?: Partial<Record<LegalCountry, IsoDate[]>>;
}

export class LegalCalendar {
  private readonly years: Record<LegalCountry, Map<number, Set<number>>> = { FR: new Map(), BE: new Map(), QC: new Map() };
  private readonly extra: Record<LegalCountry, Set<number>>;

  constructor(options: LegalCalendarOptions = {}) {
    const days = (country: LegalCountry) => new Set((options.extra?.[country] ?? []).map(parseDay).filter((d) => !Number.isNaN(d)));
    this.extra = { FR: days('FR'), BE: days('BE'), QC: days('QC') };
  }

  isHoliday(country: LegalCountry, day: number): boolean {
    const year = yearOfDay(day);
    const cache = this.years[country];
    let set = cache.get(year);
    if (!set) {
      set = new Set(this.extra[country]);
      for (const rules of rulesOf[country]) for (const d of holidayDays(rules, year, year)) set.add(d);
      cache.set(year, set);
    }
    return set.has(day);
  }

  /** Not a Saturday, a Sunday or a public holiday. */
  isWorkingDay(country: LegalCountry, day: number): boolean {
    const wd = weekday(day);
    return wd !== 0 && wd !== 6 && !this.isHoliday(country, day);
  }

  /** `day` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(country: LegalCountry, day: number): number {
    let d = day;
    while (!this.isWorkingDay(country, d)) d++;
    return d;
  }
}

// Public holidays from rules, never from hand-kept lists: France (Code du travail L3133-1),
// Alsace-Moselle (L3134-13), Belgium, Québec (Loi sur les normes du travail, art. 60).
// Names are in French, as customers and agents read them.
import { dayNumber, easterSunday, formatDay, nthWeekday, weekday, type IsoDate } from './dates.ts';

export interface Holiday {
  date: IsoDate;
  name: string;
}

export const holidayRegions = {
  FR: [null, 'alsace-moselle'],
  BE: [null],
  CA: ['QC'],
} as const;

export type HolidayCountry = keyof typeof holidayRegions;

export interface HolidayRules {
  country: HolidayCountry;
  region: string | null;
  /** Québec: the employer chooses Good Friday or Easter Monday (art. 60). */
  quebecEaster?: 'good_friday' | 'easter_monday';
}

type Rule = [day: number, name: string];

function france(year: number, alsaceMoselle: boolean): Rule[] {
  const easter = easterSunday(year);
  const rules: Rule[] = [
    [dayNumber(year, 1, 1), 'Jour de l’an'],
    [easter + 1, 'Lundi de Pâques'],
    [dayNumber(year, 5, 1), 'Fête du Travail'],
    [dayNumber(year, 5, 8), 'Victoire 1945'],
    [easter + 39, 'Ascension'],
    [easter + 50, 'Lundi de Pentecôte'],
    [dayNumber(year, 7, 14), 'Fête nationale'],
    [dayNumber(year, 8, 15), 'Assomption'],
    [dayNumber(year, 11, 1), 'Toussaint'],
    [dayNumber(year, 11, 11), 'Armistice 1918'],
    [dayNumber(year, 12, 25), 'Noël'],
  ];
  if (alsaceMoselle) rules.push([easter - 2, 'Vendredi saint'], [dayNumber(year, 12, 26), 'Saint-Étienne']);
  return rules;
}

function belgium(year: number): Rule[] {
  const easter = easterSunday(year);
  return [
    [dayNumber(year, 1, 1), 'Nouvel An'],
    [easter + 1, 'Lundi de Pâques'],
    [dayNumber(year, 5, 1), 'Fête du Travail'],
    [easter + 39, 'Ascension'],
    [easter + 50, 'Lundi de Pentecôte'],
    [dayNumber(year, 7, 21), 'Fête nationale'],
    [dayNumber(year, 8, 15), 'Assomption'],
    [dayNumber(year, 11, 1), 'Toussaint'],
    [dayNumber(year, 11, 11), 'Armistice'],
    [dayNumber(year, 12, 25), 'Noël'],
  ];
}

function quebec(year: number, easterChoice: 'good_friday' | 'easter_monday'): Rule[] {
  const easter = easterSunday(year);
  const may25 = dayNumber(year, 5, 25);
  // The Monday before 25 May (a 25 May that is a Monday gives the 18th).
  const patriotes = may25 - ((weekday(may25) + 6) % 7 || 7);
  const sundayShift = (d: number) => (weekday(d) === 0 ? d + 1 : d);
  return [
    [dayNumber(year, 1, 1), 'Jour de l’An'],
    easterChoice === 'good_friday' ? [easter - 2, 'Vendredi saint'] : [easter + 1, 'Lundi de Pâques'],
    [patriotes, 'Journée nationale des patriotes'],
    [sundayShift(dayNumber(year, 6, 24)), 'Fête nationale du Québec'],
    [sundayShift(dayNumber(year, 7, 1)), 'Fête du Canada'],
    [nthWeekday(year, 9, 1, 1), 'Fête du Travail'],
    [nthWeekday(year, 10, 1, 2), 'Action de grâce'],
    [dayNumber(year, 12, 25), 'Noël'],
  ];
}

export function isSupported(country: string, region: string | null): country is HolidayCountry {
  const regions = (holidayRegions as Record<string, readonly (string | null)[]>)[country];
  return !!regions && regions.includes(region);
}

/** The public holidays of a year, sorted by date. */
export function holidaysOf(year: number, rules: HolidayRules): Holiday[] {
  if (!isSupported(rules.country, rules.region)) {
    throw new Error(`no holiday rules for ${rules.country}${rules.region ? `/${rules.region}` : ''}`);
  }
  const list =
    rules.country === 'FR'
      ? france(year, rules.region === 'alsace-moselle')
      : rules.country === 'BE'
        ? belgium(year)
        : quebec(year, rules.quebecEaster ?? 'good_friday');
  return list.sort((a, b) => a[0] - b[0]).map(([day, name]) => ({ date: formatDay(day), name }));
}

/** Day numbers of the holidays of every year from `fromYear` to `toYear` (inclusive). */
export function holidayDays(rules: HolidayRules, fromYear: number, toYear: number): Set<number> {
  const days = new Set<number>();
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of holidaysOf(y, rules)) days.add(Math.floor(Date.parse(h.date) / 86_400_000));
  }
  return days;
}

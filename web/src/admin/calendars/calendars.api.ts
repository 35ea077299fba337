// What the calendar screens ask the API besides the calendars themselves: one calendar, the
// promise a spec would make (POST /sla/preview: the deadline function the clocks use), and
// the public holidays of a year (GET /holidays: the days the clocks skip).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { holidaySchema, previewResponse, targetSchema } from '../../../../src/modules/sla/sla.contract.ts';
import { api } from '../../api/http.ts';
import { calendars, type Calendar } from '../admin.api.ts';
import type { CalendarSpec, HolidayCountry } from './calendar-draft.ts';

export type Target = z.infer<typeof targetSchema>;
export type Preview = z.infer<typeof previewResponse>;
export type Holiday = z.infer<typeof holidaySchema>;

export function calendarQuery(id: string) {
  return queryOptions({
    queryKey: [...calendars.key, 'one', id],
    queryFn: ({ signal }) => api<Calendar>(`/api/v1/calendars/${encodeURIComponent(id)}`, { signal }),
  });
}

export function previewQuery(calendar: CalendarSpec, start: string, target: Target) {
  return queryOptions({
    queryKey: ['admin', 'sla-preview', calendar, start, target],
    queryFn: ({ signal }) => api<Preview>('/api/v1/sla/preview', { method: 'POST', body: { calendar, start, target }, signal }),
    // While the admin types, the last promise stays on screen until the next one arrives.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

export function holidaysQuery(country: HolidayCountry, region: string, year: number, quebecEaster?: string) {
  const query = { country, region: region || undefined, year, quebecEaster: country === 'CA' ? quebecEaster : undefined };
  return queryOptions({
    queryKey: ['admin', 'holidays', query],
    queryFn: ({ signal }) => api<Holiday[]>('/api/v1/holidays', { query, signal }),
    staleTime: Infinity,
  });
}

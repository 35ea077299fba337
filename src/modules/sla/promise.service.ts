// The promise preview ("if a case arrived now, we would promise…") and the holiday list:
// the same calendar, holiday rules and deadline function the clocks use.
import type { z } from 'zod';
import { AppError, invalid } from '../../platform/errors.ts';
import { checkedCalendar } from './calendars.service.ts';
import { computeDeadline } from './deadline.ts';
import { promiseText } from './deadline-text.ts';
import { holidaysOf, isSupported, type Holiday } from './holidays.ts';
import type { holidaysQuery, previewBody, previewResponse } from './sla.contract.ts';
import { isoWithOffset } from './zone.ts';

export function holidaysFor(q: z.infer<typeof holidaysQuery>): Holiday[] {
  const region = q.region ?? null;
  if (!isSupported(q.country, region)) {
    throw invalid('region', `no holiday rules for ${q.country}${region ? ` region ${region}` : ''} (FR: none or alsace-moselle; BE: none; CA: QC)`);
  }
  return holidaysOf(q.year, { country: q.country, region, ...(q.quebecEaster ? { quebecEaster: q.quebecEaster } : {}) });
}

export function previewPromise(input: z.infer<typeof previewBody>): z.infer<typeof previewResponse> {
  const calendar = checkedCalendar(input.calendar);
  const start = Date.parse(input.start);
  const pauses = input.pauses.map((p, i) => {
    const from = Date.parse(p.from);
    const to = Date.parse(p.to);
    if (to < from) throw new AppError('validation_failed', `pauses.${i}: ends before it starts`, { errors: [{ field: `pauses.${i}`, message: 'ends before it starts' }] });
    return { from, to };
  });
  const deadline = computeDeadline(calendar, start, input.target, pauses);
  return { deadline: isoWithOffset(calendar.timezone, deadline), text: promiseText(deadline, calendar.timezone) };
}

import { describe, expect, it } from 'vitest';
import { quietUntil } from './quiet-hours.ts';

const night = { from: 21 * 60, to: 8 * 60 };
const until = (at: string, window = night) => quietUntil(new Date(at), 'Europe/Paris', window)?.toISOString() ?? null;

describe('SMS quiet hours (21:00–08:00, Paris)', () => {
  it('sends during the day, up to 20:59', () => {
    expect(until('2026-04-03T08:00:00+02:00')).toBeNull();
    expect(until('2026-04-03T20:59:00+02:00')).toBeNull();
  });

  it('holds from 21:00 to the next morning at 08:00', () => {
    expect(until('2026-04-03T21:00:00+02:00')).toBe('2026-04-04T06:00:00.000Z');
    expect(until('2026-04-03T23:59:00+02:00')).toBe('2026-04-04T06:00:00.000Z');
  });

  it('holds after midnight until 08:00 the same day', () => {
    expect(until('2026-04-04T00:30:00+02:00')).toBe('2026-04-04T06:00:00.000Z');
    expect(until('2026-04-04T07:59:00+02:00')).toBe('2026-04-04T06:00:00.000Z');
  });

  it('wakes at 08:00 local time across daylight-saving changes', () => {
    // Spring forward (29 March 2026): 08:00 is already UTC+2.
    expect(until('2026-03-28T22:00:00+01:00')).toBe('2026-03-29T06:00:00.000Z');
    // Fall back (25 October 2026): 08:00 is UTC+1 again.
    expect(until('2026-10-24T23:00:00+02:00')).toBe('2026-10-25T07:00:00.000Z');
  });

  it('supports a window within one day, and none at all', () => {
    expect(until('2026-04-03T13:00:00+02:00', { from: 12 * 60, to: 14 * 60 })).toBe('2026-04-03T12:00:00.000Z');
    expect(until('2026-04-03T14:00:00+02:00', { from: 12 * 60, to: 14 * 60 })).toBeNull();
    expect(quietUntil(new Date('2026-04-03T23:00:00+02:00'), 'Europe/Paris', null)).toBeNull();
  });
});

// The SLA policies and calendars as every case creation needs them, kept in memory: they
// change a few times a year and are read on every new case. A write in this process drops
// the copy at once (after its commit); other processes reload within 10 s. A case opened on
// another node in those seconds takes the policy as it was, which is what it would have got a
// moment earlier: promises already made are never rewritten anyway.
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { SharedCopy } from '../../platform/cache/shared-copy.ts';
import { calendar, store, team } from '../org/org.schema.ts';
import type { CalendarSpec } from './calendar.ts';
import type { CalendarLookup, PolicyEntry } from './policy-match.ts';
import { slaPolicy } from './sla.schema.ts';

export interface Book {
  policies: PolicyEntry[];
  lookup: CalendarLookup;
}

export type CalendarRow = typeof calendar.$inferSelect;

export function specOf(row: Pick<CalendarRow, 'timezone' | 'hours' | 'holidays' | 'openings'>): CalendarSpec {
  return { timezone: row.timezone, hours: row.hours, holidays: row.holidays ?? null, openings: row.openings };
}

/** The policies and calendars, as a shared copy (platform/cache/shared-copy.ts). */
export class PolicyBook extends SharedCopy<Book> {
  constructor(ttlMs = 10_000) {
    super(load, ttlMs);
  }
}

async function load(db: Db): Promise<Book> {
  // One after the other: `db` may be a transaction, which runs one query at a time.
  const policies = await db.select().from(slaPolicy).where(eq(slaPolicy.active, true)).orderBy(asc(slaPolicy.position), asc(slaPolicy.id));
  const calendars = await db.select().from(calendar);
  const stores = await db.select({ id: store.id, calendarId: store.calendarId }).from(store).where(isNotNull(store.calendarId));
  const teams = await db.select({ id: team.id, calendarId: team.calendarId }).from(team).where(isNotNull(team.calendarId));
  return {
    policies,
    lookup: {
      calendars: new Map(calendars.map((c) => [c.id, specOf(c)])),
      defaultCalendarId: calendars.find((c) => c.isDefault)?.id ?? null,
      storeCalendar: new Map(stores.map((s) => [s.id, s.calendarId!])),
      teamCalendar: new Map(teams.map((t) => [t.id, t.calendarId!])),
    },
  };
}

// The SLA policies and calendars as every case creation needs them, kept in memory: they
// change a few times a year and are read on every new case. A write in this process drops
// the copy at once (after its commit); other processes reload within `ttlMs`. A case opened on
// another node in those seconds takes the policy as it was, which is what it would have got a
// moment earlier: promises already made are never rewritten anyway.
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { afterCommit } from '../../platform/db/transaction.ts';
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

export class PolicyBook {
  private cached: { at: number; book: Promise<Book> } | undefined;
  private readonly ttlMs: number;

  constructor(ttlMs = 10_000) {
    this.ttlMs = ttlMs;
  }

  get(db: Db): Promise<Book> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const book = load(db);
      this.cached = { at: now, book };
      book.catch(() => {
        if (this.cached?.book === book) this.cached = undefined;
      });
    }
    return this.cached.book;
  }

  /** Call from the transaction that changes policies, calendars, or a team's or store's calendar. */
  changed(db: Db): void {
    afterCommit(db, () => (this.cached = undefined));
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

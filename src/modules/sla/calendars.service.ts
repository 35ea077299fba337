// Business calendars: created, changed and removed by admins; checked by compiling them (a
// calendar that is never open, overlapping intervals or an unknown holiday region is refused
// with the reason). Changing a calendar never moves deadlines already promised: clocks keep
// the calendar they started with.
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, invalid, isForeignKeyViolation, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { calendar } from '../org/org.schema.ts';
import { BusinessCalendar, CalendarError, type CalendarSpec } from './calendar.ts';
import type { CalendarRow } from './policy-book.ts';
import type { CalendarDto, createCalendarBody, updateCalendarBody } from './sla.contract.ts';

export function presentCalendar(row: CalendarRow): CalendarDto {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    hours: row.hours as CalendarDto['hours'],
    holidays: row.holidays ?? null,
    openings: row.openings,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Compiles the spec, turning what is wrong with it into a 422 naming the field. */
export function checkedCalendar(spec: CalendarSpec): BusinessCalendar {
  try {
    return new BusinessCalendar(spec);
  } catch (error) {
    if (error instanceof CalendarError) throw new AppError('validation_failed', `calendar: ${error.message}`, { errors: [{ field: 'calendar', message: error.message }] });
    throw error;
  }
}

export async function listCalendars(ctx: Ctx, actor: Actor): Promise<CalendarDto[]> {
  requirePermission(actor, 'org.read');
  const rows = await ctx.db.select().from(calendar).orderBy(asc(calendar.name), asc(calendar.id));
  return rows.map(presentCalendar);
}

async function loadCalendar(ctx: Ctx, id: string): Promise<CalendarRow> {
  const [row] = await ctx.db.select().from(calendar).where(eq(calendar.id, id));
  if (!row) throw notFound('calendar', id);
  return row;
}

export async function getCalendar(ctx: Ctx, actor: Actor, id: string): Promise<CalendarDto> {
  requirePermission(actor, 'org.read');
  return presentCalendar(await loadCalendar(ctx, id));
}

/** Only one calendar is the default: naming a new one demotes the old one in the same transaction. */
async function demoteDefault(ctx: Ctx): Promise<void> {
  await ctx.db.update(calendar).set({ isDefault: false }).where(eq(calendar.isDefault, true));
}

export async function createCalendar(ctx: Ctx, actor: Actor, input: z.infer<typeof createCalendarBody>): Promise<CalendarDto> {
  requirePermission(actor, 'org.manage');
  const spec: CalendarSpec = { timezone: input.timezone, hours: input.hours, holidays: input.holidays, openings: input.openings };
  checkedCalendar(spec);
  const now = ctx.clock.now();
  const row: CalendarRow = {
    id: uuidv7(now.getTime()),
    name: input.name,
    timezone: spec.timezone,
    hours: spec.hours,
    holidays: spec.holidays,
    openings: spec.openings ?? [],
    isDefault: input.isDefault,
    createdAt: now,
    updatedAt: now,
  };
  await inTransaction(ctx, async (tx) => {
    if (row.isDefault) await demoteDefault(tx);
    await tx.db.insert(calendar).values(row);
    await recordAudit(tx, actor, { action: 'calendar.created', targetType: 'calendar', targetId: row.id, details: { name: row.name } });
    tx.policyBook.changed(tx.db);
  });
  return presentCalendar(row);
}

export async function updateCalendar(ctx: Ctx, actor: Actor, id: string, input: z.infer<typeof updateCalendarBody>): Promise<CalendarDto> {
  requirePermission(actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await loadCalendar(tx, id);
    const spec: CalendarSpec = {
      timezone: input.timezone ?? before.timezone,
      hours: input.hours ?? before.hours,
      holidays: input.holidays !== undefined ? input.holidays : (before.holidays ?? null),
      openings: input.openings ?? before.openings,
    };
    checkedCalendar(spec);
    if (input.isDefault && !before.isDefault) await demoteDefault(tx);
    const [after] = await tx.db
      .update(calendar)
      .set({ timezone: spec.timezone, hours: spec.hours, holidays: spec.holidays, openings: spec.openings ?? [], ...(input.name ? { name: input.name } : {}), ...(input.isDefault ? { isDefault: true } : {}), updatedAt: tx.clock.now() })
      .where(eq(calendar.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'calendar.updated', targetType: 'calendar', targetId: id, details: input });
    tx.policyBook.changed(tx.db);
    return presentCalendar(after!);
  });
}

export async function deleteCalendar(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'org.manage');
  try {
    await inTransaction(ctx, async (tx) => {
      const row = await loadCalendar(tx, id);
      if (row.isDefault) throw conflict('This is the default calendar: make another one the default first');
      await tx.db.execute(sql`DELETE FROM calendar WHERE id = ${id}`);
      await recordAudit(tx, actor, { action: 'calendar.deleted', targetType: 'calendar', targetId: id, details: { name: row.name } });
      tx.policyBook.changed(tx.db);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('A policy, team or store still uses this calendar');
    throw error;
  }
}

/** The calendar an id names, for policies: a 422 when it does not exist. */
export async function requireCalendar(ctx: Ctx, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const [row] = await ctx.db.select({ id: calendar.id }).from(calendar).where(eq(calendar.id, id));
  if (!row) throw invalid(field, 'no such calendar');
}

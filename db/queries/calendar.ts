import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { calendarYears } from '../schema/calendar.js';
import type { CalendarData } from '../../workflows/common/working-days.js';

/** The bureau's uploaded years, keyed by year. */
export async function loadUploadedCalendar(db: DbOrTx): Promise<CalendarData> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return Object.fromEntries(rows.map((r) => [String(r.year), { holidays: r.holidays, workdays: r.workdays }]));
}

/** One uploaded year with who uploaded it and when, or null when the bureau has not uploaded it. */
export async function getUploadedCalendarYear(db: DbOrTx, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row ?? null;
}

/** Publishes (or replaces) a year's calendar. */
export async function putCalendarYear(db: DbOrTx, input: { year: number; holidays: string[]; workdays: string[]; uploadedBy: string }) {
  const values = { ...input, uploadedAt: new Date() };
  const [row] = await db.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: values }).returning();
  return row!;
}

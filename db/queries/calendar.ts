import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.js';
import { calendarPublications, calendarYears } from '../schema/calendar.js';
import type { CalendarData } from '../../workflows/common/working-days.js';
import { recordReferenceChange, type ReferenceActor } from './audit.js';

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

let generation = 0;
/** Moves on each time this process publishes a year: a calendar cached before it is stale. */
export const calendarGeneration = (): number => generation;

/** Writes (or replaces) a year's calendar; the callers below say when the cache moves on. */
async function writeCalendarYear(
  db: DbOrTx,
  input: { year: number; holidays: string[]; workdays: string[]; uploadedBy: string },
) {
  const values = { ...input, uploadedAt: new Date() };
  const [row] = await db
    .insert(calendarYears)
    .values(values)
    .onConflictDoUpdate({ target: calendarYears.year, set: values })
    .returning();
  return row!;
}

/** Publishes (or replaces) a year's calendar. */
export async function putCalendarYear(
  db: DbOrTx,
  input: { year: number; holidays: string[]; workdays: string[]; uploadedBy: string },
) {
  const row = await writeCalendarYear(db, input);
  generation += 1;
  return row;
}

export type CalendarPublicationRow = typeof calendarPublications.$inferSelect;

/** Opens a publication job's progress row. */
export async function createCalendarPublication(
  db: DbOrTx,
  input: { id: string; year: number; publishedBy: string },
): Promise<CalendarPublicationRow> {
  const [row] = await db
    .insert(calendarPublications)
    .values({ ...input, state: 'running' })
    .returning();
  return row!;
}

export async function getCalendarPublication(db: DbOrTx, id: string): Promise<CalendarPublicationRow | null> {
  const [row] = await db.select().from(calendarPublications).where(eq(calendarPublications.id, id));
  return row ?? null;
}

/** Moves a job's progress on: a page told (counts added, cursor moved) or a page being retried. */
export async function advanceCalendarPublication(
  db: DbOrTx,
  id: string,
  p: {
    total?: number;
    told?: number;
    gone?: number;
    retrying: number;
    pass: 'open' | 'opened_since';
    cursor: { caseType: string; caseId: string } | null;
  },
): Promise<void> {
  const told = p.pass === 'open' ? calendarPublications.told : calendarPublications.retold;
  await db
    .update(calendarPublications)
    .set({
      ...(p.total === undefined ? {} : { total: p.total }),
      [p.pass === 'open' ? 'told' : 'retold']: sql`${told} + ${p.told ?? 0}`,
      ...(p.pass === 'open' ? { gone: sql`${calendarPublications.gone} + ${p.gone ?? 0}` } : {}),
      retrying: p.retrying,
      pass: p.pass,
      cursor: p.cursor,
    })
    .where(eq(calendarPublications.id, id));
}

export async function finishCalendarPublication(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(calendarPublications)
    .set({ state: 'done', retrying: 0, cursor: null, finishedAt: new Date() })
    .where(and(eq(calendarPublications.id, id), eq(calendarPublications.state, 'running')));
}

/** Records that a job's workflow was ended unfinished (by an operator): nobody will tell its cases. */
export async function abandonCalendarPublication(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(calendarPublications)
    .set({ state: 'abandoned', finishedAt: new Date() })
    .where(and(eq(calendarPublications.id, id), eq(calendarPublications.state, 'running')));
}

/**
 * Publishes a year and opens the job that tells its open cases, in one transaction: a process that
 * dies before starting the job's workflow leaves the job for `resumeCalendarPublications` to start.
 */
export async function publishCalendarYear(
  db: Db,
  input: { year: number; holidays: string[]; workdays: string[]; uploadedBy: string; jobId: string },
  actor?: ReferenceActor,
) {
  const { jobId, ...year } = input;
  const published = await db.transaction(async (tx) => {
    const row = await writeCalendarYear(tx, year);
    const job = await createCalendarPublication(tx, { id: jobId, year: year.year, publishedBy: year.uploadedBy });
    // The upload is an audited change of reference data, in the same transaction.
    if (actor)
      await recordReferenceChange(tx, {
        kind: 'calendar',
        id: String(year.year),
        action: 'calendar_published',
        actor,
        data: { holidays: year.holidays, workdays: year.workdays, jobId },
      });
    return { row, job };
  });
  // Once committed: a calendar read meanwhile (still the old one) must not be cached as current.
  generation += 1;
  return published;
}

/**
 * The jobs not yet done, oldest first, each with the time it was opened: in the same transaction as its
 * year's upload, so that is the job's `publishedAt` (a later upload of the year has a job of its own).
 */
export async function listUnfinishedPublications(db: DbOrTx, createdBefore: Date) {
  return db
    .select({ id: calendarPublications.id, year: calendarPublications.year, startedAt: calendarPublications.startedAt })
    .from(calendarPublications)
    .where(and(eq(calendarPublications.state, 'running'), lt(calendarPublications.startedAt, createdBefore)))
    .orderBy(asc(calendarPublications.startedAt));
}

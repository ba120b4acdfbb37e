import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Working-day calendars uploaded by the bureau; they replace the built-in year of the same number. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  workdays: jsonb('workdays').$type<string[]>().notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A calendar publication job (日历发布作业): after a year is published, a workflow tells every
 * open case with a deadline, page by page, until each has heard; this row is its progress.
 */
export const calendarPublications = pgTable('calendar_publications', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  /**
   * running → done: it retries until every case has heard. `abandoned` only when its workflow was
   * ended unfinished by hand (terminated), which a worker notices and records.
   */
  state: text('state').$type<'running' | 'done' | 'abandoned'>().notNull(),
  /** Open cases with a deadline when the job started: what the first pass has to tell. */
  total: integer('total').notNull().default(0),
  /** Cases the first pass told so far, and those that closed before they could be told. */
  told: integer('told').notNull().default(0),
  gone: integer('gone').notNull().default(0),
  /** Cases opened around the publication, told once more by the second pass. */
  retold: integer('retold').notNull().default(0),
  /** Signals that failed and are being retried. */
  retrying: integer('retrying').notNull().default(0),
  /** Where the current pass has reached (case type and id of the last case told). */
  pass: text('pass').$type<'open' | 'opened_since'>().notNull().default('open'),
  cursor: jsonb('cursor').$type<{ caseType: string; caseId: string } | null>(),
  publishedBy: text('published_by').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
});

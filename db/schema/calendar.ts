import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Working-day calendars uploaded by the bureau; they replace the built-in year of the same number. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  workdays: jsonb('workdays').$type<string[]>().notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

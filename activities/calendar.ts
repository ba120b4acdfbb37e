import type { Db } from '../db/client.js';
import { loadUploadedCalendar } from '../db/queries/calendar.js';
import { BUILTIN_CALENDAR } from '../workflows/common/calendar-data.js';
import { mergeCalendars, type CalendarData } from '../workflows/common/working-days.js';

/** The working-day calendar in force: the built-in years with the bureau's uploads over them. */
export async function currentCalendar(db: Db): Promise<CalendarData> {
  return mergeCalendars(BUILTIN_CALENDAR, await loadUploadedCalendar(db));
}

export function createCalendarActivities({ db }: { db: Db }) {
  return {
    /** Read once by a workflow when it starts; later uploads reach it by the calendarUpdated signal. */
    loadCalendar: (): Promise<CalendarData> => currentCalendar(db),
  };
}

// A deadline is kept as the rule that made it (start date + N working days), so it can be
// recomputed when the bureau uploads a calendar year that a provisional deadline reached.
import { addWorkingDays, endOfLocalDay, type CalendarData, type Deadline } from './working-days.js';

export interface DeadlineSpec {
  /** Local date (Asia/Shanghai) of the triggering event; not itself counted. */
  from: string;
  /** Working days. */
  days: number;
}

export interface TrackedDeadline extends DeadlineSpec, Deadline {}

export function trackDeadline(spec: DeadlineSpec, calendar: CalendarData): TrackedDeadline {
  const { due, provisional } = addWorkingDays(spec.from, spec.days, calendar);
  return { from: spec.from, days: spec.days, dueDate: due, dueAt: endOfLocalDay(due), provisional };
}

export const isPast = (dueAt: string, nowMs: number): boolean => nowMs > Date.parse(dueAt);

/** A deadline recomputed on a newer calendar, if it was provisional and has not passed; else as it was. */
export function retrack(d: TrackedDeadline, calendar: CalendarData, nowMs: number): TrackedDeadline {
  return d.provisional && !isPast(d.dueAt, nowMs) ? trackDeadline(d, calendar) : d;
}

/**
 * A deadline recomputed on a newly published calendar while it is still open (not yet passed); a
 * passed deadline stays as it was, since what happened at it (overdue, lapsed) has happened.
 */
export function recomputeOpen<D extends TrackedDeadline | null | undefined>(
  d: D,
  calendar: CalendarData,
  nowMs: number,
): D {
  return d && !isPast(d.dueAt, nowMs) ? (trackDeadline(d, calendar) as D) : d;
}

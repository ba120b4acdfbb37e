// Catalog freshness (更新周期), DOMAIN.md P6: pure, so the daily sweep and its tests agree.
import { addCalendarDays, addMonths, addWorkingDays, type CalendarData } from '../common/working-days.js';
import type { Freshness, UpdateCycle } from '../../db/schema/catalog.js';

/** The date by which the next update is expected: one update cycle after the last. */
export function nextExpected(lastUpdate: string, cycle: UpdateCycle, cycles = 1): string {
  switch (cycle) {
    case 'realtime':
    case 'daily':
      return addCalendarDays(lastUpdate, cycles);
    case 'weekly':
      return addCalendarDays(lastUpdate, 7 * cycles);
    case 'monthly':
      return addMonths(lastUpdate, cycles);
    case 'quarterly':
      return addMonths(lastUpdate, 3 * cycles);
    case 'yearly':
      return addMonths(lastUpdate, 12 * cycles);
  }
}

/**
 * DOMAIN P6: fresh → due (the cycle has elapsed) → overdue (cycle + freshness.overdueGraceWd working
 * days) → delinquent (two cycles). Dates are local (Asia/Shanghai) dates.
 */
export function freshnessOf(cycle: UpdateCycle, lastUpdate: string, today: string, calendar: CalendarData, graceWd: number): Freshness {
  const expected = nextExpected(lastUpdate, cycle);
  if (today >= nextExpected(lastUpdate, cycle, 2)) return 'delinquent';
  if (today > addWorkingDays(expected, graceWd, calendar).due) return 'overdue';
  if (today >= expected) return 'due';
  return 'fresh';
}

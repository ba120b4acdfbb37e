// Catalog freshness (更新周期), docs/processes.md P6: pure, so the daily sweep and its tests agree.
import { addCalendarDays, addMonths, addWorkingDays, type CalendarData } from '../common/working-days.js';
import type { Freshness, UpdateCycle } from './types.js';

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

/** The policy keys freshness reads (policy.freshness). */
export interface FreshnessPolicy {
  overdueGraceWd: number;
  delinquentCycles: number;
}

/**
 * processes.md P6: fresh → due (the cycle has elapsed) → overdue (cycle + freshness.overdueGraceWd working
 * days) → delinquent (freshness.delinquentCycles cycles, two by default). Dates are local
 * (Asia/Shanghai) dates. A data update dated in the past counts from its own date, so a backdated
 * update can leave a resource due or overdue.
 */
export function freshnessOf(
  cycle: UpdateCycle,
  lastUpdate: string,
  today: string,
  calendar: CalendarData,
  policy: FreshnessPolicy,
): Freshness {
  const expected = nextExpected(lastUpdate, cycle);
  if (today >= nextExpected(lastUpdate, cycle, policy.delinquentCycles)) return 'delinquent';
  if (today > addWorkingDays(expected, policy.overdueGraceWd, calendar).due) return 'overdue';
  if (today >= expected) return 'due';
  return 'fresh';
}

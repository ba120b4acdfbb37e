// processes.md P6 freshness states, counted on the real 2026 calendar.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import { freshnessOf, nextExpected } from '../../workflows/freshness/rules.js';

import { defaultPolicy } from '../../policy/index.js';

const grace = defaultPolicy.freshness;

describe('nextExpected', () => {
  it.each([
    ['daily', '2026-11-23', '2026-11-24'],
    ['realtime', '2026-11-23', '2026-11-24'],
    ['weekly', '2026-11-23', '2026-11-30'],
    ['monthly', '2026-01-31', '2026-02-28'],
    ['quarterly', '2026-11-30', '2027-02-28'],
    ['yearly', '2024-02-29', '2025-02-28'],
  ] as const)('a %s resource updated %s is next expected on %s', (cycle, last, expected) => {
    expect(nextExpected(last, cycle)).toBe(expected);
  });
});

describe('freshnessOf', () => {
  // Weekly, updated Thu 2026-09-24: expected Thu 10-01, inside National Day (10-01..10-07 off).
  // The two working days of grace after 10-01 are Thu 10-08 and Fri 10-09; Sat 10-10 is a make-up
  // working day but the grace is already spent, so 10-10 is overdue. Two cycles: 10-08.
  it.each([
    ['2026-09-30', 'fresh'],
    ['2026-10-01', 'due'],
    ['2026-10-07', 'due'],
  ] as const)('a weekly resource updated 2026-09-24 is %s → %s', (today, expected) => {
    expect(freshnessOf('weekly', '2026-09-24', today, BUILTIN_CALENDAR, grace)).toBe(expected);
  });

  it('counts the grace in working days across the holiday and its make-up Saturday', () => {
    // Monthly, updated 2026-09-01: expected 10-01; grace 10-08, 10-09 → overdue from 10-10.
    expect(freshnessOf('monthly', '2026-09-01', '2026-10-09', BUILTIN_CALENDAR, grace)).toBe('due');
    expect(freshnessOf('monthly', '2026-09-01', '2026-10-10', BUILTIN_CALENDAR, grace)).toBe('overdue');
    // Without the holiday, the same grace would have ended on 10-05.
    expect(freshnessOf('monthly', '2026-09-01', '2026-10-06', {}, grace)).toBe('overdue');
    expect(freshnessOf('monthly', '2026-09-01', '2026-10-06', BUILTIN_CALENDAR, grace)).toBe('due');
  });

  it('is delinquent once two cycles have passed, before or after the overdue grace', () => {
    expect(freshnessOf('weekly', '2026-09-24', '2026-10-08', BUILTIN_CALENDAR, grace)).toBe('delinquent');
    expect(freshnessOf('daily', '2026-11-23', '2026-11-25', BUILTIN_CALENDAR, grace)).toBe('delinquent');
    expect(freshnessOf('daily', '2026-11-23', '2026-11-24', BUILTIN_CALENDAR, grace)).toBe('due');
    expect(freshnessOf('monthly', '2026-09-01', '2026-11-01', BUILTIN_CALENDAR, grace)).toBe('delinquent');
  });
});

describe('freshness policy', () => {
  it('is delinquent after freshness.delinquentCycles cycles, two by default', () => {
    expect(defaultPolicy.freshness.delinquentCycles).toBe(2);
    // Monthly, updated 09-01: two cycles are 11-01; with three, 11-01 is overdue and 12-01 delinquent.
    const three = { ...defaultPolicy.freshness, delinquentCycles: 3 };
    expect(freshnessOf('monthly', '2026-09-01', '2026-11-01', BUILTIN_CALENDAR, three)).toBe('overdue');
    expect(freshnessOf('monthly', '2026-09-01', '2026-12-01', BUILTIN_CALENDAR, three)).toBe('delinquent');
  });
});

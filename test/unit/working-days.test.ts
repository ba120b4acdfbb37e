import { describe, it, expect } from 'vitest';
import { BUILTIN_CALENDAR } from '../../workflows/common/calendar-data.js';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  mergeCalendars,
  startOfLocalDay,
  validateCalendarYear,
  workingDaysBetween,
  workingDeadline,
  type CalendarData,
} from '../../workflows/common/working-days.js';

const cal = BUILTIN_CALENDAR;

// A hypothetical 2027 notice (New Year off on Fri 1-1 .. Sun 1-3), standing in for a bureau upload.
const upload2027: CalendarData = { '2027': { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] } };

describe('built-in State Council calendar', () => {
  it.each([
    ['2024', 28, 8],
    ['2025', 28, 5],
    ['2026', 33, 6],
  ])('lists %s with %i days off and %i make-up working days', (year, holidays, workdays) => {
    expect(cal[year]?.holidays).toHaveLength(holidays);
    expect(cal[year]?.workdays).toHaveLength(workdays);
  });

  it.each(['2024', '2025', '2026'])('has no validation problems for %s', (year) => {
    expect(validateCalendarYear(Number(year), cal[year]!)).toEqual([]);
  });

  it.each([
    ['2024', 251],
    ['2025', 248],
    ['2026', 248],
  ])('gives %s a total of %i working days', (year, total) => {
    expect(workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`, cal)).toBe(total);
  });

  it('cannot be edited in place', () => {
    expect(() => cal['2026']!.holidays.push('2026-12-25')).toThrow(TypeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-23', true, 'an ordinary Monday'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    ['2026-11-22', false, 'an ordinary Sunday'],
    ['2026-10-01', false, 'National Day, a Thursday'],
    ['2026-10-05', false, 'a Monday inside the National Day holiday'],
    ['2026-10-10', true, 'the Saturday make-up day after National Day'],
    ['2026-09-20', true, 'the Sunday make-up day before National Day'],
    ['2026-09-25', false, 'Mid-Autumn Festival, a Friday'],
    ['2026-02-14', true, 'the Saturday make-up day before Spring Festival'],
    ['2026-02-23', false, 'the last Monday of the Spring Festival holiday'],
    ['2026-02-28', true, 'the Saturday make-up day after Spring Festival'],
    ['2026-01-04', true, 'the Sunday make-up day after New Year'],
    ['2025-10-08', false, 'the Wednesday ending the 2025 National Day holiday'],
    ['2025-01-26', true, 'the 2025 Sunday make-up day before Spring Festival'],
    ['2024-02-18', true, 'the 2024 Sunday make-up day after Spring Festival'],
    ['2024-06-10', false, 'Dragon Boat Festival 2024, a Monday'],
  ])('says %s is working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date, cal)).toEqual({ working, provisional: false });
  });

  it.each([
    ['2027-01-01', true],
    ['2027-01-02', false],
    ['2027-01-03', false],
    ['2027-01-04', true],
  ])('decides %s in a year without a calendar by weekends alone, provisionally (working=%s)', (date, working) => {
    expect(isWorkingDay(date, cal)).toEqual({ working, provisional: true });
  });
});

describe('addWorkingDays', () => {
  it.each([
    // [from, days, due, why]
    ['2026-11-23', 10, '2026-12-07', 'ten working days from a Monday skip two weekends'],
    ['2026-11-23', 1, '2026-11-24', 'the trigger day is not counted even when it is a working day'],
    ['2026-11-21', 1, '2026-11-23', 'an event on a Saturday starts counting on Monday'],
    ['2026-11-22', 10, '2026-12-04', 'an event on a Sunday counts Monday as day one'],
    ['2026-09-30', 1, '2026-10-08', 'National Day 10-1..10-7 is skipped'],
    ['2026-09-30', 3, '2026-10-10', 'the Saturday make-up day 10-10 counts'],
    ['2026-10-03', 1, '2026-10-08', 'an event on a holiday starts counting after the holiday'],
    ['2026-10-01', 10, '2026-10-20', 'ten working days from National Day'],
    ['2026-09-18', 1, '2026-09-20', 'the Sunday make-up day 9-20 counts'],
    ['2026-09-24', 1, '2026-09-28', 'Mid-Autumn 9-25..9-27 is skipped'],
    ['2026-09-24', 4, '2026-10-08', 'Mid-Autumn and National Day in one span'],
    ['2026-02-13', 1, '2026-02-14', 'Spring Festival make-up Saturday 2-14 counts'],
    ['2026-02-13', 2, '2026-02-24', 'Spring Festival 2-15..2-23 is skipped'],
    ['2026-02-13', 5, '2026-02-27', 'the week after Spring Festival'],
    ['2026-02-13', 6, '2026-02-28', 'Spring Festival make-up Saturday 2-28 counts'],
    ['2026-02-13', 7, '2026-03-02', 'the Sunday after the make-up Saturday does not'],
    ['2026-04-03', 1, '2026-04-07', 'Qingming 4-4..4-6 is skipped'],
    ['2026-04-30', 1, '2026-05-06', 'Labour Day 5-1..5-5 is skipped'],
    ['2026-05-08', 1, '2026-05-09', 'Labour Day make-up Saturday 5-9 counts'],
    ['2026-06-18', 1, '2026-06-22', 'Dragon Boat 6-19..6-21 is skipped'],
    ['2026-01-01', 10, '2026-01-15', 'New Year 2026 with its make-up Sunday 1-4'],
    ['2025-12-31', 1, '2026-01-04', 'crossing from 2025 into 2026 through New Year'],
    ['2025-01-24', 1, '2025-01-26', '2025 Spring Festival make-up Sunday 1-26 counts'],
    ['2025-01-24', 2, '2025-01-27', '2025: Monday before Spring Festival'],
    ['2025-01-24', 3, '2025-02-05', '2025 Spring Festival 1-28..2-4 is skipped'],
    ['2025-01-24', 5, '2025-02-07', '2025: the week after Spring Festival'],
    ['2025-01-24', 6, '2025-02-08', '2025 make-up Saturday 2-8 counts'],
    ['2025-04-30', 1, '2025-05-06', '2025 Labour Day 5-1..5-5 is skipped'],
    ['2025-05-30', 1, '2025-06-03', '2025 Dragon Boat 5-31..6-2 is skipped'],
    ['2025-09-30', 1, '2025-10-09', '2025 National Day and Mid-Autumn 10-1..10-8 are skipped'],
    ['2025-09-30', 3, '2025-10-11', '2025 make-up Saturday 10-11 counts'],
    ['2024-02-02', 1, '2024-02-04', '2024 make-up Sunday 2-4 counts'],
    ['2024-02-08', 1, '2024-02-09', '2024: Friday before Spring Festival is a working day'],
    ['2024-02-09', 1, '2024-02-18', '2024 Spring Festival 2-10..2-17 skipped, make-up Sunday 2-18 counts'],
    ['2024-02-28', 1, '2024-02-29', '2024 is a leap year'],
    ['2024-06-07', 1, '2024-06-11', '2024 Dragon Boat 6-10 is skipped'],
    ['2024-09-13', 1, '2024-09-14', '2024 Mid-Autumn make-up Saturday 9-14 counts'],
    ['2024-09-13', 2, '2024-09-18', '2024 Mid-Autumn 9-15..9-17 is skipped'],
    ['2024-09-30', 1, '2024-10-08', '2024 National Day 10-1..10-7 is skipped'],
    ['2024-09-30', 5, '2024-10-12', '2024 make-up Saturday 10-12 counts'],
  ])('from %s plus %i working days is %s (%s)', (from, days, due) => {
    expect(addWorkingDays(from, days, cal)).toEqual({ due, provisional: false });
  });

  it.each([
    // [from, days, due without 2027, due with the 2027 upload, provisional without upload]
    ['2026-12-25', 4, '2026-12-31', '2026-12-31', false],
    ['2026-12-25', 5, '2027-01-01', '2027-01-04', true],
    ['2026-12-24', 10, '2027-01-07', '2027-01-08', true],
    ['2027-03-05', 1, '2027-03-08', '2027-03-08', true],
  ])(
    'from %s plus %i: %s on weekends alone, %s once 2027 is uploaded',
    (from, days, weekendsOnly, withUpload, provisional) => {
      expect(addWorkingDays(from, days, cal)).toEqual({ due: weekendsOnly, provisional });
      expect(addWorkingDays(from, days, mergeCalendars(cal, upload2027))).toEqual({
        due: withUpload,
        provisional: false,
      });
    },
  );

  it.each([
    ['2026-11-23', 0],
    ['2026-11-23', -1],
    ['2026-11-23', 1.5],
    ['2026-11-23', Number.NaN],
    ['2026-11-23', Number.POSITIVE_INFINITY],
    ['2026-02-30', 1],
    ['2026-13-01', 1],
    ['2026-1-5', 1],
    ['20261123', 1],
    ['2026-11-23T00:00:00Z', 1],
    ['', 1],
  ])('rejects from=%j days=%s with a RangeError', (from, days) => {
    expect(() => addWorkingDays(from, days, cal)).toThrow(RangeError);
  });

  it('agrees with workingDaysBetween for every start day of 2026 and spans up to 30', () => {
    for (let i = 0; i < 365; i += 1) {
      const from = addCalendarDays('2026-01-01', i);
      for (const days of [1, 2, 5, 10, 15, 30]) {
        const { due } = addWorkingDays(from, days, cal);
        expect(workingDaysBetween(from, due, cal)).toBe(days);
        expect(isWorkingDay(due, cal).working).toBe(true);
        expect(workingDaysBetween(from, addCalendarDays(due, -1), cal)).toBe(days - 1);
      }
    }
  });
});

describe('local time in Asia/Shanghai (UTC+08:00)', () => {
  it.each([
    ['2026-11-22T16:30:00Z', '2026-11-23'],
    ['2026-11-22T15:59:59.999Z', '2026-11-22'],
    ['2026-11-22T16:00:00.000Z', '2026-11-23'],
    ['2026-11-23T00:30:00+08:00', '2026-11-23'],
    ['2026-11-22T23:30:00-01:00', '2026-11-23'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    [Date.UTC(2026, 10, 22, 16, 30), '2026-11-23'],
    [0, '1970-01-01'],
    [-8 * 3_600_000 - 1, '1969-12-31'],
  ])('localDate(%j) is %s', (instant, date) => {
    expect(localDate(instant)).toBe(date);
  });

  it.each([
    'not a date',
    '2026-11-23',
    '2026-11-23T10:00:00',
    '2026-02-30T00:00:00Z',
    '',
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('localDate rejects %j with a RangeError', (instant) => {
    expect(() => localDate(instant)).toThrow(RangeError);
  });

  it.each([
    ['2026-12-07', '2026-12-06T16:00:00.000Z', '2026-12-07T15:59:59.999Z'],
    ['2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T15:59:59.999Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T15:59:59.999Z'],
  ])('%s runs from %s to %s', (date, start, end) => {
    expect(startOfLocalDay(date)).toBe(start);
    expect(endOfLocalDay(date)).toBe(end);
    expect(localDate(start)).toBe(date);
    expect(localDate(end)).toBe(date);
  });

  it('rejects a malformed date in startOfLocalDay and endOfLocalDay', () => {
    expect(() => startOfLocalDay('2026-02-29')).toThrow(RangeError);
    expect(() => endOfLocalDay('2026/12/07')).toThrow(RangeError);
  });
});

describe('workingDeadline', () => {
  it.each([
    ['2026-11-22T16:30:00Z', 10, '2026-12-07', '2026-12-07T15:59:59.999Z', false],
    ['2026-11-22T15:59:59.999Z', 10, '2026-12-04', '2026-12-04T15:59:59.999Z', false],
    [Date.UTC(2026, 10, 23, 2), 10, '2026-12-07', '2026-12-07T15:59:59.999Z', false],
    ['2026-09-30T09:00:00+08:00', 1, '2026-10-08', '2026-10-08T15:59:59.999Z', false],
    ['2026-12-24T10:00:00+08:00', 10, '2027-01-07', '2027-01-07T15:59:59.999Z', true],
  ])('from %j plus %i working days is due %s (%s)', (from, days, dueDate, dueAt, provisional) => {
    expect(workingDeadline(from, days, cal)).toEqual({ dueDate, dueAt, provisional });
  });

  it('uses the uploaded calendar when one is merged in', () => {
    expect(workingDeadline('2026-12-24T10:00:00+08:00', 10, mergeCalendars(cal, upload2027))).toEqual({
      dueDate: '2027-01-08',
      dueAt: '2027-01-08T15:59:59.999Z',
      provisional: false,
    });
  });
});

describe('calendar-day arithmetic', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-12-07', -10, '2026-11-27'],
  ])('addCalendarDays(%s, %i) is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-31', 6, '2026-11-30'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-07-10', 0, '2026-07-10'],
    ['2026-07-10', -19, '2024-12-10'],
  ])('addMonths(%s, %i) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects non-integer counts and malformed dates', () => {
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-00-01', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addMonths('2026-01-32', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-23', '2026-12-07', 10],
    ['2026-12-07', '2026-11-23', 0],
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-24', 1],
    ['2026-09-30', '2026-10-07', 0],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-02-13', '2026-02-28', 6],
    ['2026-12-24', '2027-01-07', 10],
  ])('counts working days after %s up to and including %s: %i', (from, to, count) => {
    expect(workingDaysBetween(from, to, cal)).toBe(count);
  });

  it('rejects malformed dates', () => {
    expect(() => workingDaysBetween('2026-11-23', 'tomorrow', cal)).toThrow(RangeError);
  });
});

describe('mergeCalendars', () => {
  it('lets a later layer replace a whole year and keeps the others', () => {
    const merged = mergeCalendars(cal, { '2026': { holidays: [], workdays: [] } }, upload2027);
    expect(Object.keys(merged).sort()).toEqual(['2024', '2025', '2026', '2027']);
    expect(isWorkingDay('2026-10-01', merged)).toEqual({ working: true, provisional: false });
    expect(isWorkingDay('2026-10-10', merged)).toEqual({ working: false, provisional: false });
    expect(isWorkingDay('2025-10-01', merged)).toEqual({ working: false, provisional: false });
    expect(isWorkingDay('2027-01-01', merged)).toEqual({ working: false, provisional: false });
  });

  it('leaves its inputs untouched and shares no arrays with them', () => {
    const merged = mergeCalendars(cal, upload2027);
    merged['2027']!.holidays.push('2027-01-04');
    expect(upload2027['2027']!.holidays).toHaveLength(3);
    expect(cal['2027']).toBeUndefined();
    expect(mergeCalendars()).toEqual({});
  });
});

describe('validateCalendarYear', () => {
  it.each([
    ['a malformed date', { holidays: ['2026-02-30'], workdays: [] }, /2026-02-30.*not a valid/],
    ['a date outside the year', { holidays: ['2025-12-31'], workdays: [] }, /2025-12-31 is not in 2026/],
    ['a date both off and worked', { holidays: ['2026-10-10'], workdays: ['2026-10-10'] }, /2026-10-10 is listed both/],
    [
      'a make-up day on a weekday',
      { holidays: [], workdays: ['2026-10-09'] },
      /2026-10-09 is not a Saturday or Sunday/,
    ],
    [
      'a duplicate holiday',
      { holidays: ['2026-10-01', '2026-10-01'], workdays: [] },
      /2026-10-01 is listed more than once/,
    ],
    [
      'a duplicate make-up day',
      { holidays: [], workdays: ['2026-10-10', '2026-10-10'] },
      /2026-10-10 is listed more than once/,
    ],
  ])('reports %s', (_what, year, problem) => {
    const problems = validateCalendarYear(2026, year);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports every problem at once', () => {
    const problems = validateCalendarYear(2026, { holidays: ['2026-1-1', '2027-01-01'], workdays: ['2026-10-09'] });
    expect(problems).toHaveLength(3);
  });

  it('reports a list that is not a list', () => {
    const bad = { holidays: 'none', workdays: [] } as unknown as { holidays: string[]; workdays: string[] };
    expect(validateCalendarYear(2026, bad)).toEqual(["holidays must be a list of 'YYYY-MM-DD' dates"]);
  });

  it('accepts an empty year', () => {
    expect(validateCalendarYear(2027, { holidays: [], workdays: [] })).toEqual([]);
  });
});

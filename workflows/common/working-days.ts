// Working-day calendar arithmetic for deadlines of "N working days" (docs/processes.md "Working days").
// Pure and deterministic so Temporal's workflow sandbox can run it: no imports, no clock, no
// Intl time zones. Local dates are handled as whole days counted from 1970-01-01 (epoch days).

/** One year of the State Council holiday notice, as local dates 'YYYY-MM-DD'. */
export interface CalendarYear {
  holidays: string[];
  workdays: string[];
}

/** Calendar years keyed by the year as a string, e.g. "2026". */
export type CalendarData = Record<string, CalendarYear>;

export interface Deadline {
  /** Local date (Asia/Shanghai) of the last day. */
  dueDate: string;
  /** ISO UTC instant of the last millisecond of `dueDate` in Asia/Shanghai. */
  dueAt: string;
  /** True when the computation reached a year with no uploaded calendar (weekends alone decided). */
  provisional: boolean;
}

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has been a fixed UTC+08:00 with no daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Instants must carry an explicit offset; without one Date.parse would use the host's time zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

interface Civil {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseCivil(date: string): Civil | null {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseDate(date: string, what = 'date'): Civil {
  const c = parseCivil(date);
  if (!c) throw new RangeError(`${what} must be a valid 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
  return c;
}

// Proleptic Gregorian civil date <-> epoch day (H. Hinnant's algorithms), integer-only.
function epochDay({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromEpochDay(z: number): Civil {
  const shifted = z + 719_468;
  const era = Math.floor(shifted / 146_097);
  const doe = shifted - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function formatCivil({ year, month, day }: Civil): string {
  if (year < 0 || year > 9999) throw new RangeError(`date out of range (year ${year})`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const formatEpochDay = (z: number): string => formatCivil(civilFromEpochDay(z));

/** 0 = Sunday ... 6 = Saturday; epoch day 0 (1970-01-01) was a Thursday. */
const weekday = (z: number): number => (((z + 4) % 7) + 7) % 7;

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

// Lookup sets per calendar year object; calendar data is treated as immutable once built.
const yearSets = new WeakMap<CalendarYear, { holidays: Set<string>; workdays: Set<string> }>();

function setsOf(y: CalendarYear): { holidays: Set<string>; workdays: Set<string> } {
  let sets = yearSets.get(y);
  if (!sets) {
    sets = { holidays: new Set(y.holidays), workdays: new Set(y.workdays) };
    yearSets.set(y, sets);
  }
  return sets;
}

function calendarYearOf(calendar: CalendarData, year: number): CalendarYear | undefined {
  const key = String(year);
  return Object.prototype.hasOwnProperty.call(calendar, key) ? calendar[key] : undefined;
}

// A working day is Mon–Fri not in the State Council holiday list, plus its make-up days (调休上班).
function workingOn(z: number, calendar: CalendarData): { working: boolean; provisional: boolean } {
  const c = civilFromEpochDay(z);
  const wd = weekday(z);
  const isWeekday = wd !== 0 && wd !== 6;
  const cy = calendarYearOf(calendar, c.year);
  if (!cy) return { working: isWeekday, provisional: true };
  const sets = setsOf(cy);
  const date = formatCivil(c);
  return { working: sets.workdays.has(date) || (isWeekday && !sets.holidays.has(date)), provisional: false };
}

/** The local date (Asia/Shanghai) of an ISO instant with an explicit offset, or of epoch milliseconds. */
export function localDate(instant: string | number): string {
  let ms: number;
  if (typeof instant === 'number') {
    ms = instant;
  } else {
    // Date.parse rolls 02-30 over into March, so the calendar date is checked first.
    const wellFormed =
      typeof instant === 'string' && INSTANT_RE.test(instant) && parseCivil(instant.slice(0, 10)) !== null;
    ms = wellFormed ? Date.parse(instant) : Number.NaN;
  }
  if (!Number.isFinite(ms))
    throw new RangeError(`not an ISO instant with offset or epoch ms: ${JSON.stringify(instant)}`);
  return formatEpochDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Whether `date` is a working day; provisional when its year has no calendar (weekends alone decide). */
export function isWorkingDay(date: string, calendar: CalendarData): { working: boolean; provisional: boolean } {
  return workingOn(epochDay(parseDate(date)), calendar);
}

/**
 * The N-th working day after `from` (民法典 Art. 201: the starting day is not counted).
 * Provisional when any day examined fell in a year with no calendar.
 */
export function addWorkingDays(
  from: string,
  days: number,
  calendar: CalendarData,
): { due: string; provisional: boolean } {
  let z = epochDay(parseDate(from, 'from'));
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  let provisional = false;
  let counted = 0;
  while (counted < days) {
    z += 1;
    const d = workingOn(z, calendar);
    if (d.provisional) provisional = true;
    if (d.working) counted += 1;
  }
  return { due: formatEpochDay(z), provisional };
}

/** Deadline of N working days after the local date of `fromInstant`, ending at 24:00 (民法典 Art. 203). */
export function workingDeadline(fromInstant: string | number, days: number, calendar: CalendarData): Deadline {
  const { due, provisional } = addWorkingDays(localDate(fromInstant), days, calendar);
  return { dueDate: due, dueAt: endOfLocalDay(due), provisional };
}

/** ISO UTC instant of 00:00 local (Asia/Shanghai) on `date`. */
export function startOfLocalDay(date: string): string {
  return new Date(epochDay(parseDate(date)) * MS_PER_DAY - SHANGHAI_OFFSET_MS).toISOString();
}

/** ISO UTC instant of the last millisecond of `date` in Asia/Shanghai (24:00 minus 1 ms). */
export function endOfLocalDay(date: string): string {
  return new Date((epochDay(parseDate(date)) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1).toISOString();
}

/** `date` plus `days` calendar days (natural days; may be negative). */
export function addCalendarDays(date: string, days: number): string {
  const z = epochDay(parseDate(date));
  requireInteger(days, 'days');
  return formatEpochDay(z + days);
}

/** `date` plus `months` calendar months, clamped to the last day of the target month. */
export function addMonths(date: string, months: number): string {
  const c = parseDate(date);
  requireInteger(months, 'months');
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatCivil({ year, month, day: Math.min(c.day, daysInMonth(year, month)) });
}

/** Number of working days d with from < d <= to; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: CalendarData): number {
  const start = epochDay(parseDate(from, 'from'));
  const end = epochDay(parseDate(to, 'to'));
  let count = 0;
  for (let z = start + 1; z <= end; z += 1) {
    if (workingOn(z, calendar).working) count += 1;
  }
  return count;
}

/** Layers of calendars; a later layer replaces whole years of earlier ones (uploads override built-ins). */
export function mergeCalendars(...layers: CalendarData[]): CalendarData {
  const merged: CalendarData = {};
  for (const layer of layers) {
    for (const [year, cy] of Object.entries(layer)) {
      merged[year] = { holidays: [...cy.holidays], workdays: [...cy.workdays] };
    }
  }
  return merged;
}

/** Problems with one uploaded calendar year, in words a bureau admin can act on; [] when fine. */
export function validateCalendarYear(year: number, y: CalendarYear): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999)
    problems.push(`year ${year} is not a year between 1 and 9999`);
  const lists: [keyof CalendarYear, string][] = [
    ['holidays', 'holiday'],
    ['workdays', 'make-up workday'],
  ];
  const valid: Record<keyof CalendarYear, Set<string>> = { holidays: new Set(), workdays: new Set() };
  for (const [key, label] of lists) {
    const list: unknown = y?.[key];
    if (!Array.isArray(list)) {
      problems.push(`${key} must be a list of 'YYYY-MM-DD' dates`);
      continue;
    }
    for (const item of list as unknown[]) {
      const date = typeof item === 'string' ? item : String(item);
      const c = typeof item === 'string' ? parseCivil(item) : null;
      if (!c) {
        problems.push(`${label} ${JSON.stringify(item)} is not a valid 'YYYY-MM-DD' date`);
        continue;
      }
      if (c.year !== year) problems.push(`${label} ${date} is not in ${year}`);
      if (valid[key].has(date)) {
        problems.push(`${label} ${date} is listed more than once`);
        continue;
      }
      valid[key].add(date);
      const wd = weekday(epochDay(c));
      // Make-up days (调休上班) move work onto a weekend, so they must fall on a Saturday or Sunday.
      if (key === 'workdays' && wd !== 0 && wd !== 6)
        problems.push(`make-up workday ${date} is not a Saturday or Sunday`);
    }
  }
  for (const date of valid.holidays) {
    if (valid.workdays.has(date)) problems.push(`${date} is listed both as a holiday and as a make-up workday`);
  }
  return problems;
}

// The working-day calendar as the console draws and reads it: what kind of day each date is, and
// the lists of a State Council notice typed or pasted as dates and ranges, one or more a line.
import dayjs from 'dayjs';

export type DayKind = 'holiday' | 'makeUp' | 'weekend' | 'working';
export interface YearLists {
  holidays: string[];
  workdays: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const daysInMonth = (y: number, m: number) => dayjs(`${y}-${pad(m)}-01`).daysInMonth();
/** 0 = Monday … 6 = Sunday: the Chinese week starts on Monday. */
export const weekdayMon = (date: string) => (dayjs(date).day() + 6) % 7;
export const isWeekend = (date: string) => weekdayMon(date) >= 5;
export const weekdayNames = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function dayKind(date: string, holidays: Set<string>, workdays: Set<string>): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (workdays.has(date)) return 'makeUp';
  return isWeekend(date) ? 'weekend' : 'working';
}

/** Every date of the year, in order. */
export function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) for (let d = 1; d <= daysInMonth(year, m); d++) out.push(isoDate(year, m, d));
  return out;
}

/** How many days of each kind the year has. */
export function countKinds(year: number, lists: YearLists): Record<DayKind, number> {
  const h = new Set(lists.holidays);
  const w = new Set(lists.workdays);
  const counts: Record<DayKind, number> = { holiday: 0, makeUp: 0, weekend: 0, working: 0 };
  for (const date of datesOf(year)) counts[dayKind(date, h, w)] += 1;
  return counts;
}

// A date as 2027-10-01, 2027/10/1, 2027.10.01 or 2027年10月1日; a range joins two with .., ~, 至 or a spaced dash.
const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?`;
const END = String.raw`(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?`;
const ENTRY = new RegExp(String.raw`${DATE}(?:\s*(?:\.\.|~|～|至|到|\s-\s|—|–)\s*${END})?`, 'g');

function realDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoDate(y, m, d);
}

export interface Parsed {
  dates: string[];
  problems: string[];
}

/**
 * The dates a text lists: one date or range after another, on any number of lines; words without
 * digits (节日名称) are notes, and anything after # is a comment. Every date must lie in `year`.
 */
export function parseDateList(text: string | undefined, year: number | null | undefined): Parsed {
  const dates = new Set<string>();
  const problems: string[] = [];
  for (const raw of (text ?? '').split(/\r?\n/)) {
    // A comment after #, and the notice's own counts (共7天), are not dates.
    const line = raw.replace(/#.*$/, '').replace(/共\s*\d+\s*天/g, ' ');
    let rest = line;
    for (const m of line.matchAll(ENTRY)) {
      rest = rest.replace(m[0], ' ');
      const start = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!start) {
        problems.push(`${m[0].trim()} 不是有效日期`);
        continue;
      }
      let end = start;
      if (m[5]) {
        const e = realDate(m[4] ? Number(m[4]) : Number(m[1]), Number(m[5]), Number(m[6]));
        if (!e) {
          problems.push(`${m[0].trim()} 的结束日期无效`);
          continue;
        }
        if (e < start) {
          problems.push(`${m[0].trim()} 的结束日期早于开始日期`);
          continue;
        }
        end = e;
      }
      for (let d = dayjs(start); !d.isAfter(dayjs(end)); d = d.add(1, 'day')) {
        const iso = d.format('YYYY-MM-DD');
        if (year && d.year() !== year) {
          problems.push(`${iso} 不在${year}年内`);
          break;
        }
        dates.add(iso);
      }
    }
    const leftover = rest.replace(/[\s,，、;；:：()（）]+/g, ' ').trim();
    if (/\d/.test(leftover)) problems.push(`无法识别：${leftover}`);
  }
  return { dates: [...dates].sort(), problems: [...new Set(problems)] };
}

/** A sorted list of dates as the text the form shows: consecutive days written as one range. */
export function formatDateList(dates: string[]): string {
  const sorted = [...new Set(dates)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && dayjs(sorted[j]).add(1, 'day').format('YYYY-MM-DD') === sorted[j + 1]) j++;
    lines.push(i === j ? sorted[i]! : `${sorted[i]}..${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}

/** The API's refusals of an upload, in Chinese. */
export function calendarProblem(message: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^(?:holiday|make-up workday) (\S+) is not in (\d+)$/, (m) => `${m[1]} 不在${m[2]}年内`],
    [/^make-up workday (\S+) is not a Saturday or Sunday$/, (m) => `${m[1]} 不是周六或周日，调休上班日须在周末`],
    [/^(\S+) is listed both as a holiday and as a make-up workday$/, (m) => `${m[1]} 同时列为节假日和调休上班日`],
    [/is not a valid|must be a date|must be a real calendar date/, () => '日期格式不正确'],
    [/is listed more than once/, () => '日期重复'],
  ];
  for (const [re, zh] of rules) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return message;
}

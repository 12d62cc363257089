// Calendar arithmetic on UTC day numbers (days since 1970-01-01), and the ISO 8601 names of
// the periods that time expressions resolve to. Everything is UTC: publish dates carry no zone.

/** The calendar units a period can span; half years and decades are written as intervals. */
export type PeriodGrain = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'decade';

/** A calendar period: its grain and its first and last days, inclusive. */
export interface Period {
  grain: PeriodGrain;
  first: number;
  last: number;
}

const DAY_MS = 86_400_000;
/** How many months each month-based grain spans. */
const MONTHS_IN = { month: 1, quarter: 3, half: 6, year: 12, decade: 120 } as const;

/** A number with leading zeros, as ISO dates write it. */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day number of a calendar date; months and days past their end roll over. */
export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

/** The day number of the UTC day an instant falls on. */
export const dayOf = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);

/** A day number's calendar date, with the ISO weekday (Monday 1 to Sunday 7). */
export function partsOf(day: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
} {
  const date = new Date(day * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay() || 7,
  };
}

function monthSpan(grain: PeriodGrain, index: number, size: number): Period {
  const first = dayNumber(Math.floor(index / 12), (index % 12) + 1, 1);
  const next = index + size;
  return { grain, first, last: dayNumber(Math.floor(next / 12), (next % 12) + 1, 1) - 1 };
}

/** The period of a grain that contains a day (weeks start on Monday, as in ISO 8601). */
export function periodOf(grain: PeriodGrain, day: number): Period {
  if (grain === 'day') return { grain, first: day, last: day };
  if (grain === 'week') {
    const monday = day - partsOf(day).weekday + 1;
    return { grain, first: monday, last: monday + 6 };
  }
  const { year, month } = partsOf(day);
  const size = MONTHS_IN[grain];
  const index = year * 12 + month - 1;
  return monthSpan(grain, index - (index % size), size);
}

/** The same day n months later, clamped to the end of a shorter month (Mar 31 - 1 = Feb 29). */
export function addMonths(day: number, n: number): number {
  const d = partsOf(day);
  const index = d.year * 12 + d.month - 1 + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const monthEnd = dayNumber(year, month + 1, 1) - 1;
  return Math.min(dayNumber(year, month, d.day), monthEnd);
}

/** The period n periods of the same grain later (earlier when n is negative). */
export function shiftPeriod(p: Period, n: number): Period {
  if (p.grain === 'day') return periodOf('day', p.first + n);
  if (p.grain === 'week') return periodOf('week', p.first + 7 * n);
  return periodOf(p.grain, addMonths(p.first, n * MONTHS_IN[p.grain]));
}

/** A day number as an ISO date ("2024-10-25"). */
export function formatDay(day: number): string {
  const d = partsOf(day);
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

const formatMonth = (day: number) => formatDay(day).slice(0, 7);
const formatYear = (day: number) => formatDay(day).slice(0, 4);

/** ISO week name ("2024-W43"): the week belongs to the year that holds its Thursday. */
function formatWeek(monday: number): string {
  const thursday = monday + 3;
  const year = partsOf(thursday).year;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The ISO 8601 name of a period; half years and decades have none, so they are intervals. */
export function formatPeriod(p: Period): string {
  switch (p.grain) {
    case 'day':
      return formatDay(p.first);
    case 'week':
      return formatWeek(p.first);
    case 'month':
      return formatMonth(p.first);
    case 'quarter':
      return `${formatYear(p.first)}-Q${Math.floor((partsOf(p.first).month - 1) / 3) + 1}`;
    case 'year':
      return formatYear(p.first);
    case 'half':
      return `${formatMonth(p.first)}/${formatMonth(p.last)}`;
    case 'decade':
      return `${formatYear(p.first)}/${formatYear(p.last)}`;
  }
}

/** One end of a period, for use as an end of a longer interval ("1990" of the 1990s). */
export function periodEdge(p: Period, side: 'start' | 'end'): string {
  const [start, end] = formatPeriod(p).split('/');
  return (side === 'start' ? start : (end ?? start)) ?? '';
}

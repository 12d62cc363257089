// Turns specs into values. With a reference (publish) time every spec becomes an ISO date,
// period or interval. Without one, relative specs become signed ISO durations from the
// reference ("-P1M") and year-less ones keep their unknown parts as X ("XXXX-12", TIMEX3).
import type { TimeGrain } from '../../core/types.js';
import {
  addMonths,
  dayNumber,
  dayOf,
  formatDay,
  formatPeriod,
  type Period,
  pad,
  partsOf,
  periodEdge,
  periodOf,
  shiftPeriod,
} from './calendar.js';
import type { Spec, Unit, YearPart } from './spec.js';

export interface Resolved {
  value: string;
  grain: TimeGrain;
}

/**
 * Which side of the reference an open expression falls on: "since May" (past), "May"
 * (nearest), "until May" with no tense in its clause (ahead: the next May, unless the last one
 * is much nearer, as in "reports through Jan. 31" written in February).
 */
type Direction = 'past' | 'future' | 'nearest' | 'ahead';

/** How many times nearer the last occurrence must be for "ahead" to pick it. */
const AHEAD_BIAS = 3;

/** The first and last periods an expression covers (the same one for a single period). */
interface Span {
  from: Period;
  to: Period;
}

const one = (p: Period): Span => ({ from: p, to: p });
const dayPeriod = (day: number) => periodOf('day', day);
const clock = (spec: { hour: number; minute: number }) => `${pad(spec.hour)}:${pad(spec.minute)}`;

function addUnits(day: number, unit: Unit, n: number): number {
  if (unit === 'day') return day + n;
  if (unit === 'week') return day + 7 * n;
  return addMonths(day, n * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

function partOfYear(year: Period, part: YearPart): Period {
  return periodOf(part.grain, dayNumber(partsOf(year.first).year, part.month, 1));
}

/** The year-less period on the side of the reference dir asks for; ties go to the past. */
function pickYearless(spec: Extract<Spec, { kind: 'yearless' }>, ref: number, dir: Direction) {
  const year = partsOf(ref).year;
  const [before, during, after] = [year - 1, year, year + 1].map((y) =>
    periodOf(spec.grain, dayNumber(y, spec.month, spec.day ?? 1)),
  ) as [Period, Period, Period];
  const last = during.first <= ref ? during : before;
  const next = during.last >= ref ? during : after;
  if (dir === 'past') return last;
  if (dir === 'future') return next;
  if (dir === 'ahead') return (ref - last.last) * AHEAD_BIAS < next.first - ref ? last : next;
  const distance = (p: Period) => Math.max(p.first - ref, ref - p.last, 0);
  return [before, during, after].reduce((best, p) => (distance(p) < distance(best) ? p : best));
}

/** A bare weekday: news weekdays are in the past unless the wording points ahead. */
function pickWeekday(spec: Extract<Spec, { kind: 'weekday' }>, ref: number, dir: Direction) {
  const refWeekday = partsOf(ref).weekday;
  // Only the wording ("will", "next", "until", "by") puts a weekday ahead: "tallied through Wednesday".
  const future = dir === 'future' || (dir !== 'past' && spec.lean === 'future');
  if (future) return ref + ((spec.weekday - refWeekday + 7) % 7 || 7);
  const back = (refWeekday - spec.weekday + 7) % 7;
  return ref - (back === 0 && spec.notToday ? 7 : back);
}

function pickWeekend(which: Extract<Spec, { kind: 'weekend' }>['which'], ref: number): Span {
  const { weekday } = partsOf(ref);
  const saturday = ref - weekday + 6;
  // "over the weekend" written on a Saturday or Sunday is the weekend under way.
  const shift =
    which === 'this' ? 0 : which === 'next' ? 7 : which === 'recent' && weekday >= 6 ? 0 : -7;
  return { from: dayPeriod(saturday + shift), to: dayPeriod(saturday + shift + 1) };
}

const isFloating = (s: Spec) => s.kind === 'yearless' || s.kind === 'weekday';

/** A floating end ("March 3-5", "Monday through Wednesday") is placed beside the other end. */
function rangeSpan(from: Spec, to: Spec, ref: number, dir: Direction): Span | null {
  if (isFloating(from) && !isFloating(to)) {
    const end = spanOf(to, ref, dir);
    const start = end && spanOf(from, end.from.first, 'past');
    return start && end && { from: start.from, to: end.to };
  }
  const start = spanOf(from, ref, dir);
  const end =
    start && spanOf(to, isFloating(to) ? start.from.first : ref, isFloating(to) ? 'future' : dir);
  return start && end && { from: start.from, to: end.to };
}

function spanOf(spec: Spec, ref: number, dir: Direction): Span | null {
  switch (spec.kind) {
    case 'period':
      return one(spec.period);
    case 'offset': {
      const p = shiftPeriod(periodOf(spec.unit, ref), spec.n);
      return one(spec.part ? partOfYear(p, spec.part) : p);
    }
    case 'window': {
      const other = dayPeriod(addUnits(ref, spec.unit, spec.n));
      return spec.n < 0 ? { from: other, to: dayPeriod(ref) } : { from: dayPeriod(ref), to: other };
    }
    case 'yearless':
      return one(pickYearless(spec, ref, dir));
    case 'weekday':
      return one(dayPeriod(pickWeekday(spec, ref, dir)));
    case 'weekend':
      return pickWeekend(spec.which, ref);
    case 'instant':
      return spec.date ? spanOf(spec.date, ref, dir) : one(dayPeriod(ref));
    case 'range':
      return rangeSpan(spec.from, spec.to, ref, dir);
    default:
      return null;
  }
}

const grainOf = (p: Period): TimeGrain =>
  p.grain === 'half' || p.grain === 'decade' ? 'range' : p.grain;

function formatSpan(s: Span | null): Resolved | null {
  if (!s) return null;
  if (s.from === s.to) return { value: formatPeriod(s.from), grain: grainOf(s.from) };
  return { value: `${periodEdge(s.from, 'start')}/${periodEdge(s.to, 'end')}`, grain: 'range' };
}

function resolveAnchored(spec: Spec, reference: Date): Resolved | null {
  const ref = dayOf(reference);
  switch (spec.kind) {
    case 'since': {
      const s = spanOf(spec.from, ref, 'past');
      return s && { value: `${periodEdge(s.from, 'start')}/${formatDay(ref)}`, grain: 'range' };
    }
    case 'until': {
      const s = spanOf(spec.to, ref, spec.tense ?? 'ahead');
      if (!s) return null;
      // "was governor until 2011": an end before the reference leaves the start open.
      const start = s.to.last < ref ? '..' : formatDay(ref);
      return { value: `${start}/${periodEdge(s.to, 'end')}`, grain: 'range' };
    }
    case 'deadline':
      return formatSpan(spanOf(spec.by, ref, spec.tense ?? 'ahead'));
    case 'instant': {
      const s = spanOf(spec, ref, 'nearest');
      return s && { value: `${formatDay(s.from.first)}T${clock(spec)}`, grain: 'instant' };
    }
    case 'range': {
      if (spec.from.kind !== 'instant' && spec.to.kind !== 'instant') break;
      // "from 9 a.m. to 5 p.m.": each end keeps its clock time.
      const from = resolveAnchored(spec.from, reference);
      const to = resolveAnchored(spec.to, reference);
      return from && to && { value: `${from.value}/${to.value}`, grain: 'range' };
    }
  }
  return formatSpan(spanOf(spec, ref, 'nearest'));
}

const UNIT_LETTER: Record<Unit, string> = {
  day: 'D',
  week: 'W',
  month: 'M',
  quarter: 'Q',
  year: 'Y',
};
const offsetValue = (n: number, unit: Unit) =>
  `${n < 0 ? '-' : ''}P${Math.abs(n)}${UNIT_LETTER[unit]}`;
const isRelative = (s: Spec) => (s.kind === 'offset' && !s.part) || s.kind === 'window';

function yearlessValue(spec: Extract<Spec, { kind: 'yearless' }>): string {
  const { grain, month } = spec;
  if (grain === 'day') return `XXXX-${pad(month)}-${pad(spec.day ?? 1)}`;
  if (grain === 'month') return `XXXX-${pad(month)}`;
  if (grain === 'quarter') return `XXXX-Q${Math.floor((month - 1) / 3) + 1}`;
  return `XXXX-${pad(month)}/XXXX-${pad(month + 5)}`;
}

/** One end of an unanchored value ("-P3Y" of "-P3Y/P0D"). */
function edge(spec: Spec, side: 'start' | 'end'): string {
  const parts = (resolveUnanchored(spec)?.value ?? '..').split('/');
  return (side === 'start' ? parts[0] : parts.at(-1)) ?? '..';
}

function resolveUnanchored(spec: Spec): Resolved | null {
  switch (spec.kind) {
    case 'period':
      return formatSpan(one(spec.period));
    case 'offset':
      if (spec.part) return resolveUnanchored({ kind: 'yearless', ...spec.part });
      return { value: offsetValue(spec.n, spec.unit), grain: 'relative' };
    case 'window': {
      const other = offsetValue(spec.n, spec.unit);
      return { value: spec.n < 0 ? `${other}/P0D` : `P0D/${other}`, grain: 'range' };
    }
    case 'yearless':
      return { value: yearlessValue(spec), grain: spec.grain === 'half' ? 'range' : spec.grain };
    case 'weekday':
      return { value: `XXXX-WXX-${spec.weekday}`, grain: 'day' };
    case 'weekend':
      return { value: 'XXXX-WXX-6/XXXX-WXX-7', grain: 'range' };
    case 'instant': {
      const date = spec.date && resolveUnanchored(spec.date);
      // A relative date keeps only its day offset: "-P1DT15:00" would read as a duration.
      if (date?.grain === 'relative') return date;
      return { value: `${date?.value ?? 'XXXX-XX-XX'}T${clock(spec)}`, grain: 'instant' };
    }
    case 'range':
      return { value: `${edge(spec.from, 'start')}/${edge(spec.to, 'end')}`, grain: 'range' };
    case 'since': {
      const end = isRelative(spec.from) ? 'P0D' : '..';
      return { value: `${edge(spec.from, 'start')}/${end}`, grain: 'range' };
    }
    case 'until': {
      const start = isRelative(spec.to) ? 'P0D' : '..';
      return { value: `${start}/${edge(spec.to, 'end')}`, grain: 'range' };
    }
    case 'deadline':
      return resolveUnanchored(spec.by);
  }
}

/** The value and grain of a spec, anchored on the reference when there is one. */
export function resolveSpec(spec: Spec, reference: Date | null): Resolved | null {
  return reference ? resolveAnchored(spec, reference) : resolveUnanchored(spec);
}

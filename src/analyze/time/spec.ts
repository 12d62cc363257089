// What a time expression says, before it is anchored on a publish time. The finders produce
// these; resolve.ts turns them into ISO values, with or without a reference.
import { dayNumber, type Period, partsOf, periodOf } from './calendar.js';

/** Units that offsets and rolling windows count in (a decade is counted as ten years). */
export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A part of a year: "the third quarter", "the second half", "January" of some year. */
export interface YearPart {
  grain: 'month' | 'quarter' | 'half';
  /** Its first month, 1-12. */
  month: number;
}

export type Spec =
  /** A period the text pins down: "2022", "February 2022", "Q3 2024", "the 1990s". */
  | { kind: 'period'; period: Period }
  /** The reference's unit moved n units: "last month" (-1), "this week" (0), "two weeks ago". */
  | { kind: 'offset'; unit: Unit; n: number; part?: YearPart }
  /** A rolling stretch from the reference back (n < 0) or forward: "the past three years". */
  | { kind: 'window'; unit: Unit; n: number }
  /** A day, month, quarter or half with no year: "Oct. 3", "December", "the third quarter". */
  | { kind: 'yearless'; grain: 'day' | 'month' | 'quarter' | 'half'; month: number; day?: number }
  /** A weekday with no date; lean is the side of the reference the wording points to. */
  | { kind: 'weekday'; weekday: number; lean: 'past' | 'future'; notToday: boolean }
  /** A Saturday-Sunday weekend: the latest ("over the weekend"), last, this or next one. */
  | { kind: 'weekend'; which: 'recent' | 'last' | 'this' | 'next' }
  /** A clock time, on a date (null: the reference's day). */
  | { kind: 'instant'; date: Spec | null; hour: number; minute: number }
  | { kind: 'range'; from: Spec; to: Spec }
  /** "since X": from X to the reference. */
  | { kind: 'since'; from: Spec }
  /** "until X": from the reference to the end of X; tense picks the X an open one means. */
  | { kind: 'until'; to: Spec; tense: Tense | null }
  /** "by X": X; in a future clause the next one, in a past clause the last one. */
  | { kind: 'deadline'; by: Spec; tense: Tense | null };

/** The tense of the clause around since/until/by, where the wording shows it. */
export type Tense = 'past' | 'future';

/** Specs that can stand at the end of a range or after since/until/by. */
export function isEndpoint(spec: Spec): boolean {
  return ['period', 'offset', 'yearless', 'weekday', 'weekend'].includes(spec.kind);
}

/**
 * A range from two ends; a year-less start takes its year from a dated end, the year
 * before when it would otherwise come after it ("from November to February 2023").
 */
export function makeRange(from: Spec, to: Spec): Spec {
  if (from.kind === 'yearless' && to.kind === 'period') {
    const { year } = partsOf(to.period.first);
    const inYear = (y: number) => periodOf(from.grain, dayNumber(y, from.month, from.day ?? 1));
    const start = inYear(year).first > to.period.first ? inYear(year - 1) : inYear(year);
    return { kind: 'range', from: { kind: 'period', period: start }, to };
  }
  return { kind: 'range', from, to };
}

/** A spec found in the text; start and end are offsets in the whole article. */
export interface Mention {
  start: number;
  end: number;
  spec: Spec;
  /**
   * Whether it wins overlaps regardless of length: our phrase finders know the news wording,
   * while chrono runs on ("past three weeks, they") and the bare-month fallback is a guess.
   */
  preferred: boolean;
}

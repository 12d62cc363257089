// Whether two figures for one quantity can both be right, given their hedges. A figure is
// widened into the interval its wording allows ("about 3,000" → 2,550–3,450; "up to
// 12,000" → 6,000–12,000), and two figures agree when their intervals overlap.
import type { Claim, Hedge } from '../core/types.js';

/** "About" in news copy covers rounding to the nearest round number: ±15%. */
const ABOUT_SLACK = 0.15;
/** Even unhedged figures are rounded ("3,000 troops"), so allow ±3%. */
const EXACT_SLACK = 0.03;
/** Percentages and points are rounded to whole numbers: ±0.5 on top of the relative slack. */
const PERCENT_ROUNDING = 0.5;
/** "At least 50" stops being honest wording well before the truth is twice as much. */
const AT_LEAST_REACH = 2;
/** "Up to 12,000" is a ceiling; a writer who knew it was under half would not say so. */
const UP_TO_FLOOR = 0.5;

export type Figure = Pick<Claim, 'value' | 'low' | 'high' | 'hedge' | 'unit'>;

/** The interval of true values a figure's wording allows. */
export function allowedInterval(figure: Figure): [number, number] {
  const { value, hedge } = figure;
  const low = figure.low ?? value;
  const high = figure.high ?? value;
  const rounding = figure.unit === '%' || figure.unit === 'pp' ? PERCENT_ROUNDING : 0;
  const widen = (lo: number, hi: number, slack: number): [number, number] => [
    lo - Math.abs(lo) * slack - rounding,
    hi + Math.abs(hi) * slack + rounding,
  ];
  switch (hedge) {
    case 'about':
      return widen(low, high, ABOUT_SLACK);
    case 'at-least':
      return widen(low, Math.max(high, low * AT_LEAST_REACH), EXACT_SLACK);
    case 'at-most':
    case 'up-to':
      return widen(Math.min(low, high * UP_TO_FLOOR), high, EXACT_SLACK);
    default:
      return widen(low, high, EXACT_SLACK);
  }
}

/** Whether two figures for the same quantity can both be true. */
export function figuresAgree(a: Figure, b: Figure): boolean {
  const [aLow, aHigh] = allowedInterval(a);
  const [bLow, bHigh] = allowedInterval(b);
  return aLow <= bHigh && bLow <= aHigh;
}

const HEDGE_WORDS: Readonly<Record<Hedge, string>> = {
  about: 'about',
  'at-least': 'at least',
  'at-most': 'at most',
  'up-to': 'up to',
  exactly: 'exactly',
  range: 'the range',
};

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A figure as a reader would write it: "3,000", "45%", "USD 4,000,000", "3,000–4,000". */
export function formatFigure(figure: Figure): string {
  const number =
    figure.hedge === 'range' && figure.low !== null && figure.high !== null
      ? `${NUMBER.format(figure.low)}–${NUMBER.format(figure.high)}`
      : NUMBER.format(figure.value);
  if (figure.unit === '%') return `${number}%`;
  if (figure.unit && /^[A-Z]{3}$/.test(figure.unit)) return `${figure.unit} ${number}`;
  return number;
}

/** Why two figures cannot both hold: the hedges they exceed, or by how much they differ. */
export function disagreementReason(a: Figure, b: Figure): string {
  const hedges = [...new Set([a.hedge, b.hedge])]
    .filter((h): h is Hedge => h !== null && h !== 'exactly')
    .map((h) => `'${HEDGE_WORDS[h]}'`);
  if (hedges.length === 1) return `beyond what ${hedges[0]} allows`;
  if (hedges.length === 2) return `beyond what ${hedges[0]} and ${hedges[1]} allow`;
  const base = Math.min(Math.abs(a.value), Math.abs(b.value));
  const gap = Math.abs(a.value - b.value);
  return base > 0 ? `differ by ${Math.round((gap / base) * 100)}%` : 'differ';
}

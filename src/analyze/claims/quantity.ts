// A quantity: a number with its currency or unit, its hedge, and a second number when it is
// a range ("10,000 to 12,000", "between 5 and 10", "5-10%", "$3bn-$5bn", "two or three").
import type { Hedge } from '../../core/types.js';
import { hedgeAfter, hedgeBefore } from './hedges.js';
import { type NumberRead, readNumberAt, times } from './numbers.js';
import { currencyBefore, type UnitRead, unitAfter } from './units.js';

export type UnitKind = UnitRead['kind'];

/** A figure read from the text; [start, end) runs from its hedge to its unit. */
export interface Quantity {
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  unitKind: UnitKind | null;
  /** The first number as read, for the rules that tell labels and dates from figures. */
  first: NumberRead;
  /** A currency sign, a hedge or a range joins the number: it is surely a figure. */
  marked: boolean;
  /** "3,000-strong force": the count is of the noun after the compound. */
  compound: boolean;
}

/** Either a quantity, or where to resume scanning after text that is not one ("3-2"). */
export type QuantityRead = { ok: true; quantity: Quantity } | { ok: false; resumeAt: number };

/** The largest bare number read as a percentage's elided second end ("10% to 12"). */
const MAX_BARE_PERCENT = 100;
const RANGE_JOIN = /[ \t]*(?:(-|–|—)|(to|and|or)\b)[ \t]*/iy;
const CURRENCY_SIGN = /(?:US\$|C\$|A\$|[$€£¥])\s?/y;
const BETWEEN = /\bbetween\s+$/i;
const CHANGE_FROM =
  /\b(?:r[io]se|rising|fell|fall(?:ing|s)?|increas\w*|decreas\w*|drop\w*|climb\w*|gr[eo]w\w*|jump\w*|cut|rais\w*|lower\w*|reduc\w*|boost\w*|declin\w*|slash\w*|trimm?\w*|revis\w*|went|up|down)\b[^.;]{0,30}\bfrom\s+$/i;
const SCORE_BEFORE =
  /\b(?:won|lost|beat|defeated|vot\w*|tied|drew|led|leads?|trail\w*|scored?|ruled|margin\s+of)\s+(?:by\s+)?(?:an?\s+)?$/i;
const SCORE_AFTER =
  /^[ \t]+(?:win|victory|loss|defeat|decision|ruling|vote|majority|lead|margin|record|tie|draw|split|score)\b/i;
const OF = /\s+of\b/iy;
const RATIO = /\s+(?:in|out\s+of)\s+/iy;
/** A fraction of people or things, not of another number ("half of 1 percent"). */
const FRACTION_OF = /\s+(?:of|the|its|their|all|his|her|our)\b(?!\s+\d)/iy;
const COMPOUND = /-(\p{L}+)/uy;
/** Percentages keep one decimal: "a third" is 33.3, as a poll would print it. */
const ROUND_PERCENT = 10;

const round = (n: number, scale: number) => Math.round(n * scale) / scale;

function boundsFor(hedge: Hedge | null, value: number): [number | null, number | null] {
  if (hedge === 'at-least') return [value, null];
  if (hedge === 'at-most' || hedge === 'up-to') return [null, value];
  if (hedge === 'exactly') return [value, value];
  return [null, null];
}

/** The unit after a number; vague counts may put "of" between ("hundreds of dollars"). */
function unitOf(text: string, n: NumberRead): UnitRead | null {
  const direct = unitAfter(text, n.end, n.multiplied);
  if (direct || n.kind !== 'vague') return direct;
  OF.lastIndex = n.end;
  return OF.exec(text) ? unitAfter(text, OF.lastIndex, true) : null;
}

/** The second number of a range starting at `pos`, with any currency sign before it. */
function secondOf(text: string, pos: number): NumberRead | null {
  CURRENCY_SIGN.lastIndex = pos;
  const at = CURRENCY_SIGN.exec(text) ? CURRENCY_SIGN.lastIndex : pos;
  const n = readNumberAt(text, at);
  return n && (n.kind === 'digits' || n.kind === 'words') ? n : null;
}

/** Reads the quantity around a number the scan found. */
export function readQuantity(text: string, first: NumberRead): QuantityRead {
  const skip: QuantityRead = { ok: false, resumeAt: first.end };
  const currency = first.kind === 'digits' ? currencyBefore(text, first.start) : null;
  const figureStart = currency?.start ?? first.start;
  let unit = unitOf(text, first);
  let end = unit?.end ?? first.end;
  let compound = false;
  const next = text.charCodeAt(first.end);
  if (!unit && first.kind === 'digits' && /\p{L}/u.test(text[first.end] ?? '')) return skip;
  if (next === 45 /* - */) {
    COMPOUND.lastIndex = first.end;
    const word = COMPOUND.exec(text)?.[1]?.toLowerCase();
    // "10-year", "three-day", "35-year-old": a descriptor, not a figure. "3,000-strong" counts.
    if (word === 'strong') [compound, end] = [true, COMPOUND.lastIndex];
    else if (word && word !== 'plus') return skip;
  }
  if (first.kind === 'fraction') {
    FRACTION_OF.lastIndex = first.end;
    if (!FRACTION_OF.test(text)) return skip;
    unit = { unit: '%', end: first.end, kind: 'percent', factor: 1 };
  }
  const quantity = (
    start: number,
    qEnd: number,
    value: number,
    hedge: Hedge | null,
    [low, high]: [number | null, number | null],
    [qUnit, unitKind]: [string | null, UnitKind | null],
    marked: boolean,
  ): QuantityRead => ({
    ok: true,
    quantity: {
      start,
      end: qEnd,
      value,
      low,
      high,
      hedge,
      unit: qUnit,
      unitKind,
      first,
      marked,
      compound,
    },
  });
  const before = text.slice(Math.max(0, figureStart - 60), figureStart);

  // A ratio: "one in five", "3 out of 4" → a percentage.
  if (!unit && (first.kind === 'digits' || first.kind === 'words')) {
    RATIO.lastIndex = first.end;
    const of = RATIO.exec(text) ? readNumberAt(text, RATIO.lastIndex) : null;
    if (of && of.kind !== 'vague' && of.value > first.value && of.value <= 1000 && !of.multiplied) {
      const value = round((first.value / of.value) * 100, ROUND_PERCENT);
      return quantity(figureStart, of.end, value, null, [null, null], ['%', 'percent'], true);
    }
  }

  // A range: the two ends share the multiplier, unit and currency written on either. A unit
  // written after the first end must be repeated after the second ("10 km to 20 km", not
  // "5 years to 2026"); a percent sign may be left off it ("10% to 12").
  RANGE_JOIN.lastIndex = unit?.end ?? first.end;
  const join = first.kind === 'digits' || first.kind === 'words' ? RANGE_JOIN.exec(text) : null;
  const between = BETWEEN.exec(before);
  const joinWord = join?.[2]?.toLowerCase();
  const second =
    join && (joinWord !== 'and' || between) ? secondOf(text, RANGE_JOIN.lastIndex) : null;
  if (join && second) {
    const secondUnit = unitOf(text, second);
    // A bare number after a percentage is its second end only when it could be a
    // percentage too: "fell 3.2% to 2,138" is a change and the level it reached.
    const sameUnit =
      !unit ||
      (secondUnit
        ? unit.unit === secondUnit.unit
        : unit.kind === 'percent' && second.value <= MAX_BARE_PERCENT);
    const factor = first.multiplied ? 1 : second.factor;
    const low = times(first.value, factor);
    const hyphen = Boolean(join[1]);
    if (
      hyphen &&
      (low >= second.value ||
        SCORE_BEFORE.test(before) ||
        SCORE_AFTER.test(text.slice(second.end, second.end + 20)))
    ) {
      return { ok: false, resumeAt: second.end };
    }
    if (sameUnit && low < second.value && !CHANGE_FROM.test(before)) {
      const u = secondUnit ?? unit;
      const scale = u?.factor ?? 1;
      const [lo, hi] = [times(low, scale), times(second.value, scale)];
      const start = between ? figureStart - between[0].length : figureStart;
      const rangeEnd = secondUnit?.end ?? second.end;
      const rangeUnit: [string | null, UnitKind | null] = currency
        ? [currency.unit, 'money']
        : [u?.unit ?? null, u?.kind ?? null];
      return quantity(start, rangeEnd, (lo + hi) / 2, 'range', [lo, hi], rangeUnit, true);
    }
  }

  const value = times(first.value, unit?.factor ?? 1);
  const pre = hedgeBefore(text, figureStart);
  const post = pre ? null : hedgeAfter(text, end);
  const vague = first.kind === 'vague' ? (first.approximate ? 'about' : 'at-least') : null;
  const hedge = pre?.hedge ?? post?.hedge ?? vague;
  const units: [string | null, UnitKind | null] = currency
    ? [currency.unit, 'money']
    : [unit?.unit ?? null, unit?.kind ?? null];
  const shown = unit?.kind === 'percent' ? round(value, ROUND_PERCENT) : value;
  const marked = Boolean(currency || pre || post || unit || first.multiplied);
  return quantity(
    pre?.start ?? figureStart,
    post?.end ?? end,
    shown,
    hedge,
    boundsFor(hedge, shown),
    units,
    marked,
  );
}

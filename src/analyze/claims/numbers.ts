// Reading a number where it is written: digits ("3,000", "4.5", "1.2 million", "5bn"), words
// ("three thousand", "twelve", "a dozen", "half a million"), vague magnitudes ("dozens",
// "hundreds of thousands", "several hundred") and fractions ("a third of", "two-thirds").

import { fractionValue, MAGNITUDES, readWords, SMALL, TENS, VAGUE_BASE } from './number-words.js';

/** What kind of writing a number came from; later rules treat them differently. */
export type NumberKind = 'digits' | 'words' | 'vague' | 'fraction';

/** A number read from the text: [start, end) covers the number and its multiplier word. */
export interface NumberRead {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  /** A multiplier ("million", "bn") was applied, so a bare "m" or "pounds" means money. */
  multiplied: boolean;
  /** The trailing multiplier ("five million" → 1e6), which a range shares: "3 to 5 million". */
  factor: number;
  /** For vague magnitudes: how loosely the value is meant ("several" → about). */
  approximate: boolean;
}

/** Multipliers written after a number; single letters only glued ("5bn", "20m", "3k"). */
const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  b: 1e9,
  bn: 1e9,
  bln: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
const WORD = `(?:${[...SMALL, ...TENS, ...Object.keys(MAGNITUDES)].join('|')})`;
const MAG = '(?:hundred|thousand|million|billion|trillion|dozen)';
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const FRACTION = String.raw`(?:a|one|two|three|four)[-\s](?:half|third|quarter|fifth|tenth)s?`;
const VAGUE = String.raw`(?:tens|hundreds|thousands|millions|billions|dozens)(?:\s+of\s+(?:thousands|millions|billions))?`;

/** Longer than any number in words ("one hundred and twenty-three thousand four hundred"). */
const MAX_NUMBER_WORDS = 12;

/** Group names: which alternative matched decides how the text is read. */
const DIGIT_ALTERNATIVE = String.raw`(?<digits>${DIGITS})(?![.,]?\d)`;
const WORD_ALTERNATIVES = [
  String.raw`(?<halfMag>half\s+an?\s+${MAG})\b`,
  String.raw`(?<fraction>${FRACTION}|half)\b`,
  String.raw`(?<vague>${VAGUE})\b`,
  String.raw`(?<approx>several|a\s+few|a\s+couple\s+of)\s+(?<approxMag>${MAG}(?:\s+(?:thousand|million|billion))?)\b`,
  String.raw`(?<words>(?:an?\s+(?=${MAG}\b))?${WORD}(?:(?:\s+and\s+|[ \t-]+)${WORD}){0,${MAX_NUMBER_WORDS}})\b`,
];

/**
 * Digits not glued to a word or id ("F-35", "COVID-19", "G7"), nor to a date, time, version
 * or the second half of a range ("9/11", "10:30", "3.5.1", "5-10"). Digits and words are
 * scanned apart: one regex for both costs three times as much, as every position would try
 * the word alternation behind a Unicode lookbehind.
 */
const DIGIT_SCAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,/:#@'’]|\p{L}-|\p{N}[-–])${DIGIT_ALTERNATIVE}`,
  'gu',
);
/** Number words at a word start (ASCII \b suffices: the words are ASCII), not "Catch-twenty". */
const WORD_SCAN = new RegExp(String.raw`\b(?<![-'’])(?:${WORD_ALTERNATIVES.join('|')})`, 'gi');
/** Both kinds, read at one position (the second number of a range). */
const NUMBER_AT = new RegExp(`(?:${[DIGIT_ALTERNATIVE, ...WORD_ALTERNATIVES].join('|')})`, 'yiu');
const MULTIPLIER_AFTER =
  /(?:\s?-?(thousand|million|billion|trillion|mln|bln|mn|bn|trn|tn)|(k|m|b|bn))\b/iy;

/** Reads numbers left to right; `next(from)` skips whatever the caller consumed before `from`. */
export interface NumberScan {
  next(from: number): NumberRead | null;
}

/** Starts a scan of the numbers in a text. */
export function scanNumbers(text: string): NumberScan {
  const scanners = [new RegExp(DIGIT_SCAN), new RegExp(WORD_SCAN)];
  const pending: (RegExpExecArray | null | undefined)[] = [undefined, undefined];
  return {
    next(from: number): NumberRead | null {
      for (;;) {
        for (const [i, re] of scanners.entries()) {
          const m = pending[i];
          if (m === null || (m !== undefined && m.index >= from)) continue;
          re.lastIndex = from;
          pending[i] = re.exec(text);
        }
        const [d, w] = pending;
        const i = d && (!w || d.index <= w.index) ? 0 : w ? 1 : -1;
        const m = pending[i];
        if (!m) return null;
        const read = readMatch(text, m);
        if (read) return read;
        from = m.index + m[0].length; // a lone "hundred": read on past it
      }
    },
  };
}

/** A product without float noise: 4.15 × 1e6 is 4150000, not 4150000.0000000005. */
export function times(a: number, b: number): number {
  return b === 1 ? a : Number((a * b).toPrecision(15));
}

/** Reads the number that the scan (or a read at a position) matched. */
export function readMatch(text: string, m: RegExpExecArray): NumberRead | null {
  const g = m.groups ?? {};
  const start = m.index;
  const end = start + m[0].length;
  const read = (value: number, kind: NumberKind, approximate = false): NumberRead | null =>
    Number.isFinite(value)
      ? { start, end, value, kind, multiplied: false, factor: 1, approximate }
      : null;
  if (g.digits) return withMultiplier(text, read(Number(g.digits.replace(/,/g, '')), 'digits'));
  if (g.halfMag) return read(0.5 * (MAGNITUDES[lastWord(g.halfMag)] ?? 1), 'words');
  if (g.fraction) return read(fractionValue(g.fraction.toLowerCase()) * 100, 'fraction');
  if (g.vague) {
    const parts = g.vague.toLowerCase().split(/\s+of\s+/);
    const base = parts.reduce((acc, p) => acc * (VAGUE_BASE[p] ?? 1), 1);
    // "Hundreds" means at least two hundred; "tens of thousands" at least twenty thousand.
    return read(2 * base, 'vague');
  }
  if (g.approx && g.approxMag) {
    const factor = /couple/i.test(g.approx) ? 2 : 3;
    const magnitude = g.approxMag.toLowerCase().split(/\s+/);
    return read(
      magnitude.reduce((acc, w) => acc * (MAGNITUDES[w] ?? 1), factor),
      'vague',
      true,
    );
  }
  if (g.words) {
    const w = readWords(start, g.words);
    if (!w) return null;
    const n: NumberRead = {
      ...w,
      start,
      kind: 'words',
      multiplied: w.factor > 1,
      approximate: false,
    };
    return withMultiplier(text, n); // words take an abbreviated multiplier too: "one mln shares"
  }
  return null;
}

/** Reads a number starting exactly at `pos`, or null. */
export function readNumberAt(text: string, pos: number): NumberRead | null {
  NUMBER_AT.lastIndex = pos;
  const m = NUMBER_AT.exec(text);
  return m ? readMatch(text, m) : null;
}

function lastWord(s: string): string {
  return s.slice(s.search(/\S+$/)).toLowerCase();
}

/** Applies "million", "bn" or a glued "m" written after digits. */
function withMultiplier(text: string, n: NumberRead | null): NumberRead | null {
  if (!n) return null;
  MULTIPLIER_AFTER.lastIndex = n.end;
  const m = MULTIPLIER_AFTER.exec(text);
  if (!m) return n;
  const factor = SUFFIX_MULTIPLIERS[(m[1] ?? m[2] ?? '').toLowerCase()] ?? 1;
  const end = m.index + m[0].length;
  return { ...n, end, value: times(n.value, factor), multiplied: true, factor };
}

// Periods chrono does not read: bare years with a cue ("in 2014", "by 2025"), year ranges,
// decades, quarters, half years, "the end of the year" and "January of this year".
import { dayNumber, periodOf } from './calendar.js';
import { makeRange, type Mention, type Spec, type Unit, type YearPart } from './spec.js';
import { matchesWith } from './text-gate.js';

const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const MONTHS = MONTH.slice(3, -1).split('|');

/** Words before a bare year that make it a time rather than a count (or another year before it). */
const YEAR_CUE =
  /(?:\b(?:in|since|by|until|till|from|during|before|after|through|of|early|late|mid|the year|around|as of|fiscal|spring|summer|fall|autumn|winter|the|between)\s+|\bmid-|\b(?:1[89]|20)\d\d,?\s+(?:and|or)\s+|\b(?:1[89]|20)\d\d,\s+)$/i;
const YEARS = new RegExp(
  String.raw`\b(${YEAR})(?:(\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+)(${YEAR}))?\b(?![\d,.]\d|['’]?s\b|\s*(?:%|percent))`,
  'g',
);
const BETWEEN = /\bbetween\s+$/i;
const DECADE = /\b((?:1[5-9]|20)\d0)['’]?s\b/g;
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4 };
const QUARTER = new RegExp(
  String.raw`\b(?:(?:fiscal\s+)?(${YEAR})\s+)?(first|second|third|fourth|final|[1-4](?:st|nd|rd|th))[-\s]quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(${YEAR})\b|(the|this|last|next)\s+(?:fiscal\s+)?year\b))?`,
  'gi',
);
const Q_QUARTER = new RegExp(
  String.raw`\b(?:(${YEAR})[\s-]?Q([1-4])|Q([1-4])(?:\s*(?:of\s+)?(${YEAR})|\s*['’](\d\d))?)\b`,
  'g',
);
const HALF = new RegExp(
  String.raw`\b(first|second|1st|2nd|latter)\s+half\s+of\s+(?:(?:fiscal\s+)?(${YEAR})\b|(the|this|last|next)\s+(?:fiscal\s+)?year\b)`,
  'gi',
);
const END_OF = new RegExp(
  String.raw`\b(?:the\s+)?((?:end|close|start|beginning|middle)\s+of\s+)(?:(the|this|last|next)\s+(week|month|quarter|year)\b|(${YEAR})\b|(${MONTH})(?:,?\s+(${YEAR}))?\b)`,
  'gi',
);
/** A month name alone; chrono skips some ("between March and May", "lasts until March"). */
const BARE_MONTH = new RegExp(String.raw`\b${MONTH}\b(?!\s*,?\s*\d|\s+of\b)`, 'g');
/** Words before a month name alone that make it a month rather than a name or a march. */
const MONTH_CUE =
  /\b(?:in|since|until|till|through|by|and|or|from|between|early|late|before|after|during)\s+$|\bmid-$/i;
/** "the March on Washington", "March for Our Lives". */
const MARCH_ON = /^\s+(?:on|for|against)\b/;
const MONTH_OF_YEAR = new RegExp(
  String.raw`\b(${MONTH})\s+(?:of\s+)?(this|last|next)\s+year\b`,
  'g',
);
/** A quarter with no year in a sports story is a quarter of a game. */
const SPORTS =
  /\b(?:game|touchdowns?|halftime|overtime|quarterback|innings?|field goals?|yards?|fumbled?|rebounds?|buzzer|Super Bowl|NFL|NBA|playoffs?)\b/i;

const RELATIVE_YEAR: Record<string, number> = { the: 0, this: 0, last: -1, next: 1 };
const monthOf = (name: string) =>
  MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase()) + 1;
const yearSpec = (year: number): Spec => ({
  kind: 'period',
  period: periodOf('year', dayNumber(year, 1, 1)),
});

/** A part of a given year, of a year relative to the reference, or of an unstated year. */
function partSpec(part: YearPart, year?: string, relative?: string): Spec {
  if (year)
    return { kind: 'period', period: periodOf(part.grain, dayNumber(Number(year), part.month, 1)) };
  if (relative)
    return { kind: 'offset', unit: 'year', n: RELATIVE_YEAR[relative.toLowerCase()] ?? 0, part };
  return { kind: 'yearless', grain: part.grain, month: part.month };
}

const quarter = (q: number): YearPart => ({ grain: 'quarter', month: 3 * q - 2 });

type Add = (start: number, end: number, spec: Spec, preferred?: boolean) => void;

function findYears(block: string, add: Add): void {
  const years = new RegExp(YEARS);
  for (let m = years.exec(block); m; m = years.exec(block)) {
    const start = m.index;
    const before = block.slice(Math.max(0, start - 24), start);
    const cued = YEAR_CUE.test(before);
    const joiner = (m[2] ?? '').trim().toLowerCase();
    const between = joiner === 'and' ? BETWEEN.exec(before) : null;
    const ordered = m[3] !== undefined && Number(m[3]) > Number(m[1]);
    // "2019–2021" is always a range; "2008 and 2012" only after "between".
    if (ordered && (/^[-–—]$/.test(joiner) || between || (joiner !== 'and' && cued))) {
      const from = between ? start - (before.length - between.index) : start;
      add(from, start + m[0].length, makeRange(yearSpec(Number(m[1])), yearSpec(Number(m[3]))));
      continue;
    }
    // Not a range: read the second year on its own.
    years.lastIndex = start + 4;
    if (cued) add(start, start + 4, yearSpec(Number(m[1])));
  }
}

/** Periods named in one block of text, as mentions at offset + their index. */
export function findPeriodPhrases(block: string, offset: number): Mention[] {
  const out: Mention[] = [];
  const add: Add = (start, end, spec, preferred = true) =>
    out.push({ start: offset + start, end: offset + end, spec, preferred });
  findYears(block, add);
  for (const m of matchesWith(block, DECADE, ['0s', "0'", '0’'])) {
    add(m.index, m.index + m[0].length, {
      kind: 'period',
      period: periodOf('decade', dayNumber(Number(m[1]), 1, 1)),
    });
  }
  for (const m of matchesWith(block, QUARTER, ['quarter'])) {
    const q = ORDINAL[m[2]!.toLowerCase()] ?? Number(m[2]![0]);
    if (!m[1] && !m[3] && !m[4] && SPORTS.test(block)) continue;
    add(m.index, m.index + m[0].length, partSpec(quarter(q), m[1] ?? m[3], m[4]));
  }
  for (const m of matchesWith(block, Q_QUARTER, ['Q'])) {
    const year = m[1] ?? m[4] ?? (m[5] ? `20${m[5]}` : undefined);
    add(m.index, m.index + m[0].length, partSpec(quarter(Number(m[2] ?? m[3])), year));
  }
  for (const m of matchesWith(block, HALF, ['half'])) {
    const month = /^(?:first|1st)$/i.test(m[1]!) ? 1 : 7;
    add(m.index, m.index + m[0].length, partSpec({ grain: 'half', month }, m[2], m[3]));
  }
  for (const m of matchesWith(block, END_OF, [
    'end of',
    'close of',
    'start of',
    'beginning of',
    'middle of',
  ])) {
    // "the end of the year" is that year: as a deadline, the period it closes.
    const start = m.index + m[0].indexOf(m[1]!);
    const end = m.index + m[0].length;
    if (m[2])
      add(start, end, {
        kind: 'offset',
        unit: m[3]!.toLowerCase() as Unit,
        n: RELATIVE_YEAR[m[2].toLowerCase()] ?? 0,
      });
    else if (m[4]) add(start, end, yearSpec(Number(m[4])));
    else if (m[6])
      add(start, end, {
        kind: 'period',
        period: periodOf('month', dayNumber(Number(m[6]), monthOf(m[5]!), 1)),
      });
    else add(start, end, { kind: 'yearless', grain: 'month', month: monthOf(m[5]!) });
  }
  for (const m of block.matchAll(BARE_MONTH)) {
    if (!MONTH_CUE.test(block.slice(Math.max(0, m.index - 9), m.index))) continue;
    if (m[0] === 'March' && MARCH_ON.test(block.slice(m.index + 5, m.index + 14))) continue;
    add(
      m.index,
      m.index + m[0].length,
      { kind: 'yearless', grain: 'month', month: monthOf(m[0]) },
      false,
    );
  }
  for (const m of matchesWith(block, MONTH_OF_YEAR, [' year'])) {
    add(
      m.index,
      m.index + m[0].length,
      partSpec({ grain: 'month', month: monthOf(m[1]!) }, undefined, m[2]),
    );
  }
  return out;
}

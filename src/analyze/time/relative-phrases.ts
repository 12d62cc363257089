// Periods counted from the publish time: "last month", "earlier this year", "two weeks ago",
// "over the past three years", "in recent days", "last weekend". chrono reads several of
// these, but as single days; these finders give them their calendar unit or their stretch.
import type { Mention, Spec, Unit } from './spec.js';
import { matchesWith } from './text-gate.js';

const COUNT = String.raw`\d{1,3}|a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty`;
const UNIT = '(day|week|fortnight|month|quarter|year|decade)s?';
const NUMBERS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const TENS: Record<string, number> = { fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50 };
/** "a few", "several", "recent": the text gives no number, so three stands in for it. */
const VAGUE_COUNT = 3;

const AGO = new RegExp(String.raw`\b(${COUNT})\s+${UNIT}\s+ago\b`, 'gi');
const FROM_NOW = new RegExp(String.raw`\b(${COUNT})\s+${UNIT}\s+from\s+now\b`, 'gi');
const IN_UNITS = new RegExp(String.raw`\b(in|within)\s+(${COUNT})\s+${UNIT}\b`, 'gi');
/** Before "in 30 years", these make it a stretch up to now: "the first time in 30 years". */
const LOOKING_BACK =
  /\b(?:first\s+time|highest|lowest|largest|biggest|worst|best|most|least|fewest|longest|strongest|weakest|never|not|no)\b|n['’]t\b/i;
/** "last month", "earlier this year", "the past week"; "the" makes "past"/"next" a stretch. */
const CALENDAR =
  /\b(?:(earlier|later|early|late)\s+)?(?:(this\s+past|this\s+coming|this|last|next|past|coming|current)|the\s+(current|past|last|next|coming))\s+(week|month|quarter|year)\b/gi;
const WINDOW = new RegExp(
  String.raw`\b(?:the\s+)?(past|last|next|coming)\s+(${COUNT})\s+${UNIT}`,
  'gi',
);
const VAGUE_WINDOW = /\b(recent|(?:the\s+)?coming)\s+(day|week|month|year)s\b/gi;
const WEEKEND =
  /\b(?:(last|this\s+past|this\s+coming|this|next|coming)\s+|(?:over|during|on|at|through|throughout|across)\s+the\s+)weekend\b/gi;
/** Before "the next year", these make it a stretch ahead, not the year after some event. */
const SPAN_PREPOSITION = /\b(?:over|in|during|within|for|throughout|across)\s+$/i;
const FOLLOWED_BY_OF = /^\s+of\b/;

function countOf(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (w.includes('couple')) return 2;
  if (w.includes('few') || w === 'several') return VAGUE_COUNT;
  return TENS[w] ?? NUMBERS.indexOf(w) + 1;
}

/** A counted unit as a unit the calendar knows: a fortnight is two weeks, a decade ten years. */
function unitOf(word: string, count: number): { unit: Unit; n: number } {
  const w = word.toLowerCase();
  if (w === 'fortnight') return { unit: 'week', n: 2 * count };
  if (w === 'decade') return { unit: 'year', n: 10 * count };
  return { unit: w as Unit, n: count };
}

const CALENDAR_STEP: Record<string, number> = {
  'this past': -1,
  'this coming': 1,
  this: 0,
  current: 0,
  last: -1,
  past: -1,
  next: 1,
  coming: 1,
};

function calendarSpec(block: string, m: RegExpExecArray): Spec | null {
  const unit = m[4]!.toLowerCase() as Unit;
  const bare = m[2]?.toLowerCase().replace(/\s+/g, ' ');
  if (bare) return { kind: 'offset', unit, n: CALENDAR_STEP[bare] ?? 0 };
  const word = m[3]!.toLowerCase();
  if (word === 'current') return { kind: 'offset', unit, n: 0 };
  // "the last year of his term", "the next year, he ran": not counted from publication.
  const end = m.index + m[0].length;
  if (FOLLOWED_BY_OF.test(block.slice(end, end + 4))) return null;
  const ahead = word === 'next' || word === 'coming';
  if (ahead && !m[1] && !SPAN_PREPOSITION.test(block.slice(Math.max(0, m.index - 12), m.index))) {
    return null;
  }
  return { kind: 'window', unit, n: ahead ? 1 : -1 };
}

const WEEKEND_WHICH: Record<string, 'last' | 'this' | 'next'> = {
  last: 'last',
  'this past': 'last',
  this: 'this',
  'this coming': 'this',
  coming: 'this',
  next: 'next',
};

/** Periods counted from the reference in one block of text, as mentions at offset + index. */
export function findRelativePhrases(block: string, offset: number): Mention[] {
  const out: Mention[] = [];
  const add = (start: number, end: number, spec: Spec) =>
    out.push({ start: offset + start, end: offset + end, spec, preferred: true });
  // Leading "the" is left out of the text, as chrono does.
  const skipThe = (m: RegExpMatchArray) => m.index! + (/^the\s+/i.exec(m[0])?.[0].length ?? 0);
  for (const m of matchesWith(block, AGO, ['ago'])) {
    const { unit, n } = unitOf(m[2]!, countOf(m[1]!));
    add(m.index, m.index + m[0].length, { kind: 'offset', unit, n: -n });
  }
  for (const m of matchesWith(block, FROM_NOW, ['from now'])) {
    const { unit, n } = unitOf(m[2]!, countOf(m[1]!));
    add(m.index, m.index + m[0].length, { kind: 'offset', unit, n });
  }
  for (const m of block.matchAll(IN_UNITS)) {
    const { unit, n } = unitOf(m[3]!, countOf(m[2]!));
    const before =
      block
        .slice(Math.max(0, m.index - 60), m.index)
        .split(/[.!?]\s/)
        .at(-1) ?? '';
    let spec: Spec = { kind: 'offset', unit, n };
    if (/^within$/i.test(m[1]!)) spec = { kind: 'window', unit, n };
    else if (LOOKING_BACK.test(before)) spec = { kind: 'window', unit, n: -n };
    add(m.index, m.index + m[0].length, spec);
  }
  for (const m of block.matchAll(CALENDAR)) {
    const spec = calendarSpec(block, m as RegExpExecArray);
    if (spec) add(m[1] ? m.index : skipThe(m), m.index + m[0].length, spec);
  }
  for (const m of block.matchAll(WINDOW)) {
    const end = m.index + m[0].length;
    if (FOLLOWED_BY_OF.test(block.slice(end, end + 4))) continue;
    const ahead = /^(?:next|coming)$/i.test(m[1]!);
    const { unit, n } = unitOf(m[3]!, countOf(m[2]!));
    add(skipThe(m), end, { kind: 'window', unit, n: ahead ? n : -n });
  }
  for (const m of matchesWith(block, VAGUE_WINDOW, ['recent', 'coming'])) {
    const ahead = /coming/i.test(m[1]!);
    const unit = m[2]!.toLowerCase() as Unit;
    add(skipThe(m), m.index + m[0].length, {
      kind: 'window',
      unit,
      n: ahead ? VAGUE_COUNT : -VAGUE_COUNT,
    });
  }
  for (const m of matchesWith(block, WEEKEND, ['weekend'])) {
    const word = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const start = word ? m.index : m.index + m[0].length - 'weekend'.length;
    add(start, m.index + m[0].length, {
      kind: 'weekend',
      which: word ? (WEEKEND_WHICH[word] ?? 'last') : 'recent',
    });
  }
  return out;
}

// chrono-node's findings, turned into specs. chrono reads dates, weekdays and clock times
// well, but it also reads "sat down", "a march", "Theresa May", "at 20 percent", "$37,000 a
// year" and "two days after" as times, so its results pass through the filters below.
import * as chrono from 'chrono-node';
import type { ParsedComponents } from 'chrono-node';
import { dayNumber, dayOf, partsOf, periodOf } from './calendar.js';
import { makeRange, type Mention, type Spec, type Unit } from './spec.js';

/** What we read of a chrono result; a stand-in can forget a misread year. */
type Components = Pick<ParsedComponents, 'isCertain' | 'get'>;

/** chrono's anchor when there is no reference: what it works out from it becomes an offset. */
const PROBE = new Date(Date.UTC(2001, 0, 10, 12));

/** Words before a weekday that put it after the reference; news weekdays are otherwise past. */
const FUTURE_CUE =
  /\b(?:will|would|shall|next|coming|scheduled|due|expected|plans?|to be|is set|until|by)\b/i;
/** chrono matches too vague to report. */
const VAGUE = /^(?:now|right now|currently|recently|soon|later|earlier)$/i;
const NAME =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b/i;
const MONTH_NAME =
  /^(?:in\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** A lone weekday abbreviation is more often "sat down" or the Sun newspaper. */
const BARE_ABBREVIATION = /^(?:on\s+)?(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?$/i;
/** A lone part of a day or unit: "night", "in the morning", "the weekend", "in the days". */
const BARE_UNIT =
  /^(?:(?:in|at|during|on|of|for)\s+)?(?:the\s+)?(?:morning|afternoon|evening|night|midnight|noon|midday|days?|weeks?|weekend|months?|years?)$/i;
/** A clock time needs a clock mark: "at 20" is a poll figure. */
const CLOCK =
  /\d:\d|\d\s*[ap]\.?\s?m\b|o['’]clock|noon|midnight|tonight|morning|afternoon|evening|night/i;
/** Counted from another event ("two days after", "the next day"), not from publication. */
const EVENT_RELATIVE =
  /\b(?:after|before|later|earlier|prior|out)$|^(?:the\s+)?(?:next|following|previous|same|prior)\s+(?:day|morning|afternoon|evening|night|week|month|year)\b/i;
/**
 * Not a date: "for eight years" (a duration), "in a year when" or "accept in a year" (rarely
 * a year from now), "to this day", "after this week's debate" (chrono adds a week), and
 * "October - two years late" (chrono subtracts two years).
 */
const NOT_A_DATE =
  /^(?:[-–+]|for\s|after\s|in\s+an?\s+(?:day|week|month|year)$|this\s+(?:day|hour|second|one\b|a\b|\d)|past\s+[a-z]+s$|weekday)/i;
/** A word or figure a time needs: chrono reads "the money out" as a month ("mo"). */
const TIME_TOKEN =
  /\d|\b(?:today|tonight|tomorrow|yesterday|noon|midnight|morning|afternoon|evening|night|weekend|day|week|fortnight|month|quarter|year|decade|hour|minute)s?\b/i;
const FULL_NUMERIC_DATE = /\d[/.-]\d{1,2}[/.-]\d/;
/** "in May, 60 percent" is not May 1960: the figure is cut off and the year forgotten. */
const COMMA_TWO_DIGITS = /,\s*\d{2}$/;
/** Punctuation chrono leaves on its matches: "Tuesday.", "April -", "January of". */
const TRAILING = /(?:[\s,;:–—-]|\s+of)+$|(?<=\d|[a-z]{4,})\.$/i;
/** A unit followed by "of" belongs to something else: "the last week of October". */
const UNIT = /\b(?:day|week|month|year)s?\b/i;
const OF = /^\s+of\b/;
/** Capitalised words before a month that still leave it a date ("In March", "Since May"). */
const TIME_WORD =
  /^(?:In|By|Since|Until|Till|Through|From|During|Before|After|Between|Last|Next|This|Early|Late|Mid|And|Or|To|Of|On)$/;

/** "Theresa May", "the Women's March", "a march on Washington", "Pride March". */
function isNameUse(block: string, start: number, end: number): boolean {
  const text = block.slice(start, end);
  if (/March$/.test(text) && /^\s+(?:on|for|against)\b/.test(block.slice(end, end + 9)))
    return true;
  if (!MONTH_NAME.test(text)) return false;
  const words = block
    .slice(Math.max(0, start - 40), start)
    .trim()
    .split(/\s+/);
  const prev = words.at(-1) ?? '';
  const sentenceStart = words.length < 2 || /[.!?:"“”]$/.test(words.at(-2) ?? '');
  if (!/^\p{Lu}/u.test(prev) || sentenceStart || TIME_WORD.test(prev)) return false;
  // "Florida's March primary" is a date; "Theresa May said" and "NYC Pride March." are not.
  return !(/['’]s$/.test(prev) && /^\s+\p{Ll}/u.test(block.slice(end, end + 3)));
}

function isNoise(block: string, start: number, end: number, c: ParsedComponents): boolean {
  const text = block.slice(start, end);
  if (!TIME_TOKEN.test(text) && !NAME.test(text)) return true;
  // Figures alone must be a full date: "1/2" is a fraction and "9/11" an event.
  if (!/\p{L}/u.test(text) && !FULL_NUMERIC_DATE.test(text)) return true;
  if (VAGUE.test(text) || NOT_A_DATE.test(text)) return true;
  if (BARE_UNIT.test(text) || BARE_ABBREVIATION.test(text) || EVENT_RELATIVE.test(text))
    return true;
  // Part of a number: "$37,000 a year" is not 00:00 a.m.
  if (/[\d$€£]$|\d[,.]$/.test(block.slice(Math.max(0, start - 2), start))) return true;
  if (c.isCertain('hour') && !CLOCK.test(text)) return true;
  if (UNIT.test(text) && OF.test(block.slice(end, end + 4))) return true;
  const name = NAME.exec(text);
  if (!name) return false;
  // Lower case: "may send", "a march", "sat down"; news writes month and day names capitalised.
  if (name[0][0] !== name[0][0]?.toUpperCase()) return true;
  return isNameUse(block, start, end);
}

function unitsBetween(unit: Unit, from: number, to: number): number {
  const a = partsOf(from);
  const b = partsOf(to);
  if (unit === 'year') return b.year - a.year;
  if (unit === 'month') return (b.year - a.year) * 12 + b.month - a.month;
  return to - from;
}

function dateSpec(c: Components, text: string, context: string, reference: Date | null) {
  const month = c.get('month') ?? 1;
  const day = c.get('day') ?? 1;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const lean = FUTURE_CUE.test(context) ? 'future' : 'past';
    const weekday = c.get('weekday') || 7;
    return { kind: 'weekday', weekday, lean, notToday: /\blast\b/i.test(context) } as const;
  }
  if (!c.isCertain('year')) {
    if (c.isCertain('day')) return { kind: 'yearless', grain: 'day', month, day } as const;
    if (c.isCertain('month')) return { kind: 'yearless', grain: 'month', month } as const;
    return null;
  }
  const unit = c.isCertain('day') ? 'day' : c.isCertain('month') ? 'month' : 'year';
  const target = dayNumber(c.get('year') ?? 0, month, day);
  // No reference and no year in the text ("yesterday"): chrono counted from the probe.
  if (!reference && !/\d{4}|['’]\d\d\b/.test(text)) {
    return { kind: 'offset', unit, n: unitsBetween(unit, dayOf(PROBE), target) } as const;
  }
  return { kind: 'period', period: periodOf(unit, target) } as const;
}

function specOf(c: Components, text: string, context: string, reference: Date | null) {
  const date: Spec | null = dateSpec(c, text, context, reference);
  if (c.isCertain('hour')) {
    return {
      kind: 'instant',
      date,
      hour: c.get('hour') ?? 0,
      minute: c.get('minute') ?? 0,
    } as const;
  }
  // chrono marks nothing certain in "this morning": it is the reference's day.
  if (!date && /\b(?:this|today|tonight)\b/i.test(text))
    return { kind: 'offset', unit: 'day', n: 0 } as const;
  return date;
}

/** "Monday from 9 a.m. to 5 p.m.": a clock time with no date takes the start's date. */
function withStartDate(to: Spec, from: Spec): Spec {
  if (to.kind !== 'instant' || to.date) return to;
  return { ...to, date: from.kind === 'instant' ? from.date : from };
}

/** chrono's time expressions in one block of text, as mentions at offset + their index. */
export function findChronoMentions(
  block: string,
  offset: number,
  reference: Date | null,
): Mention[] {
  const mentions: Mention[] = [];
  for (const r of chrono.casual.parse(block, { instant: reference ?? PROBE, timezone: 0 })) {
    let start = r.index;
    let end = r.index + r.text.length;
    while (start < end && /[\s,]/.test(block[start] ?? '')) start++;
    end = start + (TRAILING.exec(block.slice(start, end))?.index ?? end - start);
    const figure = COMMA_TWO_DIGITS.exec(block.slice(start, end));
    if (figure) end = start + figure.index;
    if (isNoise(block, start, end, r.start)) continue;
    const text = block.slice(start, end);
    const context = block.slice(Math.max(0, start - 30), start) + text;
    const read = (c: ParsedComponents): Components =>
      figure ? { isCertain: (k) => k !== 'year' && c.isCertain(k), get: (k) => c.get(k) } : c;
    const from = specOf(read(r.start), text, context, reference);
    const to = r.end ? specOf(read(r.end), text, context, reference) : null;
    if (!from || (r.end && !to)) continue;
    const spec = to ? makeRange(from, withStartDate(to, from)) : from;
    mentions.push({ start: offset + start, end: offset + end, spec, preferred: false });
  }
  return mentions;
}

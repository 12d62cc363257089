// Time expressions in news text, normalized against the publish time. chrono-node finds
// the expressions; we decide their grain, resolve deadlines ("by December"), keep relative
// ones relative when there is no publish time, and add year mentions chrono skips.
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { TimeExpr, TimeGrain } from '../core/types.js';

// Two far-apart references: an expression that resolves differently against them depends
// on the reference (relative, or missing its year).
const PROBE_A = new Date(Date.UTC(2001, 0, 10, 12));
const PROBE_B = new Date(Date.UTC(2011, 6, 20, 12));
const DAY_MS = 86_400_000;

/** Words before a month that make it a deadline: the next such month, not the nearest. */
const DEADLINE_CUE =
  /\b(by|until|till|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?$/i;
/** Words before a bare year that make it a time expression rather than a count. */
const YEAR_CUE =
  /\b(in|since|by|until|till|from|during|before|after|through|of|early|late|mid-?|the year|around|as of)\s+$/i;
const YEAR = /\b(1[89]\d{2}|20\d{2})(?:\s*(?:-|–|to|and)\s*(1[89]\d{2}|20\d{2}))?\b(?![\d,.]\d)/g;
/** chrono matches that are too vague to report. */
const IGNORED = /^(?:now|right now|currently|recently|soon|later|earlier)$/i;

/** Options for findTimes: the publish time that relative expressions are anchored on. */
export interface FindTimesOptions {
  reference: Date | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function grainOf(c: ParsedComponents, text: string): TimeGrain {
  if (c.isCertain('hour')) return 'instant';
  if (/\b(?:this|last|next|past|coming|previous)\s+week\b/i.test(text)) return 'week';
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return 'day';
}

function isoWeek(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  // chrono starts weeks on Sunday; ISO weeks start on Monday.
  if (date.getUTCDay() === 0) date.setUTCDate(date.getUTCDate() + 1);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

function format(c: ParsedComponents, grain: TimeGrain): string {
  const y = c.get('year') ?? 0;
  const m = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;
  switch (grain) {
    case 'instant':
      return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    case 'week':
      return isoWeek(y, m, d);
    case 'month':
      return `${pad(y, 4)}-${pad(m)}`;
    case 'year':
      return pad(y, 4);
    default:
      return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  }
}

/** Words before a weekday that put it after the reference; news weekdays are otherwise past. */
const FUTURE_CUE =
  /\b(?:will|would|shall|next|coming|scheduled|due|expected|plans?|to be|is set|until|by)\b/i;

/** A bare weekday ("on Monday"): the latest such day up to the reference, or the next one. */
function resolveWeekday(weekday: number, reference: Date, context: string): string {
  const refDay = reference.getUTCDay();
  const future = FUTURE_CUE.test(context);
  let delta = future ? (weekday - refDay + 7) % 7 || 7 : -((refDay - weekday + 7) % 7);
  if (!future && /\blast\b/i.test(context) && delta === 0) delta = -7;
  const date = new Date(reference.getTime() + delta * DAY_MS);
  return date.toISOString().slice(0, 10);
}

function dayNumber(c: ParsedComponents): number {
  return Date.UTC(c.get('year') ?? 0, (c.get('month') ?? 1) - 1, c.get('day') ?? 1) / DAY_MS;
}

/** An offset like "-P1D" from the probe reference, for expressions with no anchor. */
function relativeValue(c: ParsedComponents, grain: TimeGrain, probe: Date): string {
  const probeDay =
    Date.UTC(probe.getUTCFullYear(), probe.getUTCMonth(), probe.getUTCDate()) / DAY_MS;
  const months =
    ((c.get('year') ?? 0) - probe.getUTCFullYear()) * 12 +
    (c.get('month') ?? 1) -
    1 -
    probe.getUTCMonth();
  let n: number;
  let unit: string;
  if (grain === 'year') [n, unit] = [Math.round(months / 12), 'Y'];
  else if (grain === 'month') [n, unit] = [months, 'M'];
  else if (grain === 'week') [n, unit] = [Math.round((dayNumber(c) - probeDay) / 7), 'W'];
  else [n, unit] = [Math.round(dayNumber(c) - probeDay), 'D'];
  return `${n < 0 ? '-' : ''}P${Math.abs(n)}${unit}`;
}

/** A value with the parts the text did not give written as X ("XXXX-12", TIMEX3 style). */
function partialValue(c: ParsedComponents, grain: TimeGrain): string {
  if (c.isCertain('weekday') && !c.isCertain('day')) return `XXXX-WXX-${c.get('weekday') || 7}`;
  if (grain === 'month') return `XXXX-${pad(c.get('month') ?? 1)}`;
  return `XXXX-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
}

function normalizeResult(
  text: string,
  r: ParsedResult,
  reference: Date | null,
  probe?: ParsedResult,
): TimeExpr | null {
  if (IGNORED.test(r.text.trim()) || !/\p{L}/u.test(r.text)) return null;
  let start = r.index;
  let c = r.start;
  let grain = grainOf(c, r.text);
  const before = text.slice(Math.max(0, start - 30), start);
  const deadline = DEADLINE_CUE.exec(before);
  const monthOnly = grain === 'month' && !c.isCertain('year') && !r.end;
  if (deadline && monthOnly) start -= deadline[0].length;
  const span = {
    text: text.slice(start, r.index + r.text.length),
    start,
    end: r.index + r.text.length,
  };
  if (r.end) {
    const endGrain = grainOf(r.end, r.text);
    if (!reference && probe && format(probe.start, grain) !== format(c, grain)) return null;
    return { ...span, value: `${format(c, grain)}/${format(r.end, endGrain)}`, grain: 'range' };
  }
  if (reference) {
    if (deadline && monthOnly) {
      // "by December": the December on or after the reference, not the nearest one.
      const refMonth = reference.getUTCMonth() + 1;
      const year = reference.getUTCFullYear() + ((c.get('month') ?? 1) < refMonth ? 1 : 0);
      return { ...span, value: `${year}-${pad(c.get('month') ?? 1)}`, grain: 'month' };
    }
    if (c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('hour')) {
      return {
        ...span,
        value: resolveWeekday(c.get('weekday') ?? 0, reference, before + r.text),
        grain: 'day',
      };
    }
    return { ...span, value: format(c, grain), grain };
  }
  const varies = probe && format(probe.start, grain) !== format(c, grain);
  if (!varies) return { ...span, value: format(c, grain), grain };
  if (
    c.isCertain('year') ||
    /\b(?:ago|today|tonight|yesterday|tomorrow|this|last|next|past|coming)\b/i.test(r.text)
  ) {
    return { ...span, value: relativeValue(c, grain, PROBE_A), grain: 'relative' };
  }
  if (grain === 'instant') {
    return {
      ...span,
      value: `XXXX-XX-XXT${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`,
      grain,
    };
  }
  c = probe.start;
  grain = grainOf(c, r.text);
  return { ...span, value: partialValue(c, grain), grain };
}

function findYears(text: string, taken: TimeExpr[]): TimeExpr[] {
  const out: TimeExpr[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!YEAR_CUE.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const value = m[2] ? `${m[1]}/${m[2]}` : m[1]!;
    out.push({ text: m[0], start, end, value, grain: m[2] ? 'range' : 'year' });
  }
  return out;
}

/** Finds time expressions in a text and normalizes them against the reference (publish) time. */
export function findTimes(text: string, opts: FindTimesOptions): TimeExpr[] {
  const { reference } = opts;
  const anchor = reference ?? PROBE_A;
  const results = chrono.casual.parse(text, { instant: anchor, timezone: 0 });
  const probes = reference ? [] : chrono.casual.parse(text, { instant: PROBE_B, timezone: 0 });
  const times: TimeExpr[] = [];
  for (const r of results) {
    const probe = probes.find((p) => p.index === r.index && p.text === r.text);
    const t = normalizeResult(text, r, reference, probe);
    if (t) times.push(t);
  }
  times.push(...findYears(text, times));
  return times.sort((a, b) => a.start - b.start);
}

// Numeric claims: the figures a text states ("around 3,000 North Korean troops", "$5bn in
// aid", "45% of voters"), each with its hedge, unit, what it counts, who claims it and when.
// Pure and single-pass: one scan for numbers, then a few anchored regexes around each.
import type { Claim, TimeExpr } from '../../core/types.js';
import { clauseAt, type Span, sentenceAt, sentenceStarts, sourceOf, timeOf } from './context.js';
import { isNotClaim } from './not-claims.js';
import { scanNumbers } from './numbers.js';
import { readQuantity } from './quantity.js';
import { subjectOf } from './subject.js';
import { subjectKeyOf } from './subject-key.js';

/** An attributed stretch of text (a quote's content, or a reported clause) and its speaker. */
export interface ClaimAttribution {
  start: number;
  end: number;
  /** The speaker's canonical name. */
  source: string | null;
}

/** What findClaims needs besides the text; every span is an offset into the text. */
export interface ClaimContext {
  attributions: readonly ClaimAttribution[];
  /** Time expressions already found in the text. */
  times: readonly TimeExpr[];
  /** The publish time, if known: figures stated in the present tense hold on that day. */
  reference: Date | null;
  /** The publishing site: the source of claims no attribution covers. */
  outlet: string | null;
}

const PHONE = /(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b/g;
/** Nouns that make a number a frequency or a manner, not a count ("three times", "two ways"). */
const NOT_COUNTED = new Set(['time', 'way', 'fold', 'other', 'another', 'thing']);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Stretches no claim may touch: time expressions ("February 2022") and phone numbers. */
function blockedSpans(text: string, times: readonly TimeExpr[]): Span[] {
  const spans: Span[] = times.map((t) => ({ start: t.start, end: t.end }));
  for (const m of text.matchAll(PHONE)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Finds the numeric claims in a text, in order. */
export function findClaims(text: string, ctx: ClaimContext): Claim[] {
  const claims: Claim[] = [];
  if (typeof text !== 'string' || text.length === 0) return claims;
  const blocked = blockedSpans(text, ctx.times);
  let starts: number[] | null = null;
  const numbers = scanNumbers(text);
  // `from` moves past what each read consumed; a word run may end early ("two and three").
  for (let number = numbers.next(0), from = 0; number; number = numbers.next(from)) {
    const read = readQuantity(text, number);
    from = read.ok ? Math.max(number.end, read.quantity.end) : Math.max(number.end, read.resumeAt);
    if (!read.ok) continue;
    const q = read.quantity;
    if (blocked.some((b) => overlaps(b, q)) || isNotClaim(text, q)) continue;

    starts ??= sentenceStarts(text);
    const sentence = sentenceAt(starts, text.length, q.start);
    const clause = clauseAt(text, sentence, q);
    const found = subjectOf(text, q, clause.start, sentence.end);
    const unit = q.unit ?? found.noun;
    if ((!unit && !found.subject) || NOT_COUNTED.has(found.noun ?? '')) continue;

    const end = Math.max(q.end, found.headEnd ?? q.end);
    const span = { start: q.start, end };
    claims.push({
      text: text.slice(q.start, end),
      start: q.start,
      end,
      value: q.value,
      low: q.low,
      high: q.high,
      hedge: q.hedge,
      unit,
      subject: found.subject,
      subjectKey: subjectKeyOf(found.subject),
      source: sourceOf(span, ctx.attributions, ctx.outlet),
      time: timeOf(text, span, sentence, clause, ctx.times, ctx.reference),
    });
    from = Math.max(from, end);
  }
  return claims;
}

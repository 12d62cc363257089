// Where a claim sits: its sentence and clause, whose words it is in, and when it holds.
import type { TimeExpr } from '../../core/types.js';

/** A [start, end) stretch of the text. */
export interface Span {
  start: number;
  end: number;
}

/** An attributed stretch and its speaker; the same shape as ClaimAttribution. */
interface Attribution extends Span {
  source: string | null;
}

/**
 * A sentence ends at . ! ? (and closing quotes) before a capital or a digit, at a blank line,
 * or at a newline before an indented line (Reuters wraps lines but indents paragraphs).
 */
// The lookbehind starts a match only at the first mark of a run, so a long run of dots
// (a table rule, an attack) is tried once rather than from every position: linear time.
const SENTENCE_END =
  /(?<![.!?])[.!?]+["”’')\]]*(?=\s+["“‘(]?[\p{Lu}\p{N}])|\n[ \t]*\n|\n(?=[ \t]{2,})/gu;
/** A period after these ends an abbreviation or an initial, not a sentence ("U.S.", "Sept."). */
const ABBREVIATION =
  /(?:^|[\s(.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Nos|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|Inc|Corp|Co|Ltd|Ave|Mt|Rev|Adm|Maj|Cmdr|Fig|Vol|approx|est)$/u;
const CLAUSE_BREAK = /[;:—–]|\s-\s/g;
/** How far a clause reaches from its claim: longer than any real clause. */
const CLAUSE_REACH = 400;
const NOW = /\b(?:currently|now|presently|at\s+present|as\s+of\s+today)\b/i;
/** The first tense cue after the number decides; "is/are" say the figure holds now. */
const TENSE_CUE =
  /\b(?:(is|are|remains?|has|have|says|believes|estimates|shows|stands)|(was|were|had|did|ago|last|would|will|may|might|could|expected|said|told))\b/gi;

/** Where each sentence starts, in order; the first is 0. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(before)) continue;
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** The sentence containing `pos`, from the starts sentenceStarts found. */
export function sentenceAt(starts: readonly number[], textLength: number, pos: number): Span {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return { start: starts[lo] ?? 0, end: starts[lo + 1] ?? textLength };
}

/**
 * The clause of the sentence holding [start, end): the stretch between semicolons and dashes,
 * at most CLAUSE_REACH either side, so text without punctuation costs no more per claim.
 */
export function clauseAt(text: string, sentence: Span, claim: Span): Span {
  const from = Math.max(sentence.start, claim.start - CLAUSE_REACH);
  let start = from;
  let end = Math.min(sentence.end, claim.end + CLAUSE_REACH);
  for (const m of text.slice(from, end).matchAll(CLAUSE_BREAK)) {
    const at = from + m.index;
    if (at + m[0].length <= claim.start) start = at + m[0].length;
    else if (at >= claim.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

/** The source of the innermost attributed stretch holding the claim, else the outlet. */
export function sourceOf(
  claim: Span,
  attributions: readonly Attribution[],
  outlet: string | null,
): string | null {
  let best: Attribution | null = null;
  for (const a of attributions) {
    if (a.start > claim.start || a.end < claim.end) continue;
    if (!best || a.end - a.start < best.end - best.start) best = a;
  }
  return best ? best.source : outlet;
}

/**
 * When the claim holds: the time expression nearest after it in its clause, else nearest
 * before it in the clause, else nearest in the sentence; else the publish day when the clause
 * is in the present tense ("are currently being trained"), or "P0D" (now) without one.
 */
export function timeOf(
  text: string,
  claim: Span,
  sentence: Span,
  clause: Span,
  times: readonly TimeExpr[],
  reference: Date | null,
): string | null {
  const inSentence = times.filter(
    (t) =>
      t.start >= sentence.start &&
      t.end <= sentence.end &&
      (t.end <= claim.start || t.start >= claim.end),
  );
  const inClause = inSentence.filter((t) => t.start >= clause.start && t.end <= clause.end);
  const after = (ts: TimeExpr[]) => ts.find((t) => t.start >= claim.end);
  const before = (ts: TimeExpr[]) => ts.findLast((t) => t.end <= claim.start);
  const found = after(inClause) ?? before(inClause) ?? after(inSentence) ?? before(inSentence);
  if (found) return found.value;
  if (!isPresent(text, claim, clause)) return null;
  // Without a publish date "now" stays relative, as findTimes writes "today".
  if (!reference || Number.isNaN(reference.getTime())) return 'P0D';
  return reference.toISOString().slice(0, 10);
}

function isPresent(text: string, claim: Span, clause: Span): boolean {
  const words = text.slice(clause.start, clause.end);
  if (NOW.test(words)) return true;
  const at = claim.end - clause.start;
  let lastBefore: boolean | null = null;
  TENSE_CUE.lastIndex = 0;
  for (let m = TENSE_CUE.exec(words); m; m = TENSE_CUE.exec(words)) {
    if (m.index >= at) return Boolean(m[1]);
    lastBefore = Boolean(m[1]);
  }
  return lastBefore ?? false;
}

// A deliberately simple BASELINE quote finder, so the quote benchmark has a floor to beat.
// It is not sitrep's quote finder. It finds:
// - direct quotes in straight ("...") or curly (“...”) double quotes, of at least
//   MIN_WORDS words, within one paragraph; the Content span includes the quote marks;
// - a source: the capitalized-name run or pronoun right next to the speech verb (said,
//   says, told, added, according to) nearest the quote within the same sentence, outside
//   the quote ("X said", "said X", "according to X"); the verb is the cue.
// No indirect speech, no multi-paragraph quotes, no floating quotes, no coreference.

export interface BaselineSpan {
  start: number;
  end: number;
}

export interface BaselineQuote {
  content: BaselineSpan;
  source: BaselineSpan | null;
  cue: BaselineSpan | null;
}

/** Shorter quoted strings are treated as scare quotes or titles and skipped. */
const MIN_WORDS = 3;

const CUE_RE = /\b(?:said|says|told|added|[Aa]ccording to)\b/g;
const PRONOUN = '(?:he|she|they|we|I|He|She|They|We|It|it)';
const NAME_WORD = "[A-Z][\\p{L}'’.-]*";
const NAME_RUN = `${NAME_WORD}(?:\\s+${NAME_WORD})*`;
const BEFORE_RE = new RegExp(`(${NAME_RUN}|\\b${PRONOUN})\\s*$`, 'u');
const AFTER_RE = new RegExp(`^\\s+(${NAME_RUN}|${PRONOUN}\\b)`, 'u');

/** Quoted stretches: curly pairs, or straight quotes paired in order within a paragraph. */
function findQuotedSpans(text: string): BaselineSpan[] {
  const spans: BaselineSpan[] = [];
  for (const m of text.matchAll(/“[^“”\n]*”|"[^"\n]*"/g)) {
    const inner = m[0].slice(1, -1).trim();
    if (inner.split(/\s+/).filter(Boolean).length < MIN_WORDS) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The sentence around [start, end): back to the previous sentence end, on to the next. */
function sentenceAround(text: string, start: number, end: number): BaselineSpan {
  let s = start;
  while (s > 0) {
    const ch = text[s - 1]!;
    if (ch === '\n') break;
    if (/[.!?]/.test(ch) && /\s/.test(text[s] ?? ' ')) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const ch = text[e]!;
    if (ch === '\n') break;
    e++;
    if (/[.!?]/.test(ch) && /\s|$/.test(text[e] ?? '')) break;
  }
  return { start: s, end: e };
}

function sourceNearCue(
  text: string,
  cue: BaselineSpan,
  bound: BaselineSpan,
  quote: BaselineSpan,
): BaselineSpan | null {
  const verb = text.slice(cue.start, cue.end);
  // "according to X" and "said X" / "told X"-less: look after the cue first for those.
  const afterLimit = cue.end <= quote.start ? quote.start : bound.end;
  const after = text.slice(cue.end, afterLimit);
  const am = AFTER_RE.exec(after);
  const beforeStart = cue.start >= quote.end ? quote.end : bound.start;
  const before = text.slice(beforeStart, cue.start);
  const bm = BEFORE_RE.exec(before);
  const fromAfter = am
    ? {
        start: cue.end + am.index + am[0].length - am[1]!.length,
        end: cue.end + am.index + am[0].length,
      }
    : null;
  const fromBefore = bm
    ? { start: beforeStart + bm.index, end: beforeStart + bm.index + bm[1]!.length }
    : null;
  const found = verb.toLowerCase() === 'according to' ? fromAfter : (fromBefore ?? fromAfter);
  // A name run may end on the sentence's full stop or a dash: trim them off.
  if (found) while (found.end > found.start && /[.’'-]/.test(text[found.end - 1]!)) found.end--;
  return found && found.end > found.start ? found : null;
}

/** Finds direct quotes and, when it can, their speaker. A baseline, not the real finder. */
export function findQuotesBaseline(text: string): BaselineQuote[] {
  const quotes = findQuotedSpans(text);
  const out: BaselineQuote[] = [];
  for (const q of quotes) {
    const sent = sentenceAround(text, q.start, q.end);
    // Cues in the sentence but outside every quote, nearest to this quote first.
    const cues: BaselineSpan[] = [];
    for (const m of text.slice(sent.start, sent.end).matchAll(CUE_RE)) {
      const c = { start: sent.start + m.index, end: sent.start + m.index + m[0].length };
      if (quotes.some((o) => c.start < o.end && c.end > o.start)) continue;
      cues.push(c);
    }
    const dist = (c: BaselineSpan) => (c.start >= q.end ? c.start - q.end : q.start - c.end);
    cues.sort((a, b) => dist(a) - dist(b));
    let source: BaselineSpan | null = null;
    let cue: BaselineSpan | null = null;
    for (const c of cues) {
      const s = sourceNearCue(text, c, sent, q);
      if (s) {
        source = s;
        cue = c;
        break;
      }
    }
    out.push({ content: q, source, cue });
  }
  return out;
}

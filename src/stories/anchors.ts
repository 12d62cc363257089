// Links from a figure or a quote to the sentence that supports it. The article reader gives
// every sentence the id `s-START` (START: its first character's offset in the article
// text, as sentenceStarts finds it), so any page can point at the evidence for a span.
import { type Span, sentenceAt, sentenceStarts } from '../analyze/claims/context.js';

/**
 * Texts whose sentence starts are kept: a story page, report or export page links every
 * figure of a few hundred articles, in no particular article order.
 */
const SPLITS_KEPT = 512;
/** Sentence starts by text, oldest first; the keys are the callers' own strings, not copies. */
const splits = new Map<string, number[]>();

function startsOf(text: string): number[] {
  let starts = splits.get(text);
  if (!starts) {
    starts = sentenceStarts(text);
    if (splits.size >= SPLITS_KEPT) splits.delete(splits.keys().next().value!);
    splits.set(text, starts);
  }
  return starts;
}

/** The sentence holding `pos`, as the reader splits `text` into sentences. */
export function sentenceSpanAt(text: string, pos: number): Span {
  return sentenceAt(startsOf(text), text.length, pos);
}

/** The offset where the sentence holding `pos` starts. */
export function sentenceStartOf(text: string, pos: number): number {
  return sentenceSpanAt(text, pos).start;
}

/** The reader's URL for the sentence holding the span that starts at `pos`. */
export function sentenceHref(articleId: number, text: string, pos: number): string {
  return `/articles/${articleId}#s-${sentenceStartOf(text, pos)}`;
}

// Links from a figure or a quote to the sentence that supports it. The article reader gives
// every sentence the id `s-START` (START: its first character's offset in the article
// text, as sentenceStarts finds it), so any page can point at the evidence for a span.
import { sentenceAt, sentenceStarts } from '../analyze/claims/context.js';

/** The offset where the sentence holding `pos` starts. */
export function sentenceStartOf(text: string, pos: number): number {
  return sentenceAt(sentenceStarts(text), text.length, pos).start;
}

/** The reader's URL for the sentence holding the span that starts at `pos`. */
export function sentenceHref(articleId: number, text: string, pos: number): string {
  return `/articles/${articleId}#s-${sentenceStartOf(text, pos)}`;
}

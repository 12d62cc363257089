// Everything a story page, a report or "what changed since" reads about one story: its
// articles and what the analyzers found in them. The pipeline loads it from the store;
// the functions over it are pure.
import { sentenceSpanAt } from './anchors.js';
import type { Claim, Mention, Quote, TimeExpr } from '../core/types.js';

/** One article of the story with what was found in it. */
export interface StoryArticle {
  id: number;
  title: string | null;
  /** The outlet's name. */
  source: string;
  url: string | null;
  published: string | null;
  ingested: string;
  /** The first article of its near-duplicate group (its own id when it is no copy). */
  copyOf: number;
  /** The article's text, for the sentences around what was found. */
  text: string;
  quotes: Quote[];
  claims: Claim[];
  times: TimeExpr[];
  mentions: Mention[];
}

export interface StoryView {
  id: number;
  title: string | null;
  firstSeen: string;
  lastSeen: string;
  /** In publish order. */
  articles: StoryArticle[];
}

/** When an article entered the story's world: its publish time, else when it was taken in. */
export const seenAt = (a: Pick<StoryArticle, 'published' | 'ingested'>): string =>
  a.published ?? a.ingested;

/**
 * The sentence of `text` around [start, end), trimmed, at most `max` characters. Sentences
 * are the ones the reader anchors (sentenceStarts), so "US$19.7 billion" stays whole.
 */
export function sentenceAround(text: string, start: number, end: number, max = 280): string {
  const from = sentenceSpanAt(text, start).start;
  const to = Math.max(sentenceSpanAt(text, Math.max(start, end - 1)).end, from);
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

// Words for chunking: a tokenizer that keeps offsets, and the test for a word that can sit
// in a noun phrase.
import { AUXILIARIES, CALENDAR, FUNCTION_WORDS, NOUNS_ENDING_IN_LY, VERBS } from './word-lists.js';

/** A word or a punctuation mark, with its offsets. */
export interface Token {
  text: string;
  low: string;
  start: number;
  end: number;
}

const TOKEN =
  /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}](?:[\p{L}\p{N}'’&.-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]/gu;
/** How many words are read past the number: enough for a noun, an aside and a place. */
const MAX_TOKENS = 28;

/**
 * The tokens of text[from, to): at most MAX_TOKENS, and, reading forward, none past the end
 * of the sentence. Reading backward wants the last tokens, so it neither stops nor caps.
 */
export function tokensFrom(text: string, from: number, to: number, forward = true): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    out.push({ text: m[0], low: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    if (forward && (out.length >= MAX_TOKENS || /^[.!?;:]$/.test(m[0]))) break;
  }
  return out;
}

/** Where a word stands in a noun phrase: common verbs are nouns in some places only. */
export type Place = 'after-count' | 'after-unit' | 'inside';

/**
 * A word that can sit in a noun phrase: not a function word, auxiliary, adverb or date. A
 * common verb is a verb after a unit ("45 percent support") and, but for its -s form, after a
 * count ("3,000 say" but "7 votes"); inside a phrase its base form is a noun ("the Hispanic
 * vote") and its -s form the verb ("half of the budget goes").
 */
export function isNounWord(t: Token | undefined, place: Place = 'after-unit'): t is Token {
  if (!t || !/^\p{L}/u.test(t.text)) return false;
  const w = t.low;
  if (FUNCTION_WORDS.has(w) || AUXILIARIES.has(w) || CALENDAR.has(w)) return false;
  if (w.endsWith('ly') && !NOUNS_ENDING_IN_LY.has(w)) return false;
  if (!VERBS.has(w)) return true;
  return place === 'after-unit'
    ? false
    : place === 'after-count'
      ? w.endsWith('s')
      : !w.endsWith('s');
}

/** The words joined back into a phrase. */
export const join = (toks: Token[]) => toks.map((t) => t.text).join(' ');

// Scrapers often save a page's "more stories" headlines after the article text. This finds
// such a trailing run so it can be cut off and kept as related links.
import type { Range } from '../core/types.js';

/** A headline is at most this many words. */
const HEADLINE_MAX_WORDS = 15;
/** Fewer trailing headlines than this could be an ordinary short last paragraph. */
const MIN_HEADLINES = 2;
/** Share of a headline's significant words that are capitalized (Title Case). */
const TITLE_CASE_MIN_SHARE = 0.6;
/** A headline sharing more of its content words than this with the body is about the article. */
const MAX_BODY_OVERLAP = 0.34;

/** Words that are lower-case in Title Case and carry no topic. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with as is are was were be been it its this that these ' +
    'those into over under after before about amid than then so not no up out off vs via per his her their our ' +
    'your my we you they he she them us most least more less new how why what who when where which'
  ).split(' '),
);

const BULLET = /^\s*(?:[-*•–—▪·]|\d{1,2}[.)])\s+/;
/** Lines that close an article and belong to it: wire credits and sign-offs. */
const SIGN_OFF =
  /^(?:\(?\s*(?:reporting|editing|writing|additional reporting|compiled|contact|follow)\b|©|copyright)/i;
/** Endings that mark a sentence (so the line is prose, not a headline). */
const SENTENCE_END = /[.!;:,]["'”’)\]]*$/;

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

function contentWords(text: string): string[] {
  return words(text)
    .map((w) =>
      w
        .toLowerCase()
        .replace(/['’]s$/, '')
        .replace(/\.$/, ''),
    )
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** Whether a line reads like a headline: short, Title Case, no sentence ending. */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (!text || text.includes('\n') || BULLET.test(text) || SIGN_OFF.test(text)) return false;
  if (SENTENCE_END.test(text) && !/\b[A-Z]\.[A-Z]\.$/.test(text)) return false;
  const all = words(text);
  if (all.length < 3 || all.length > HEADLINE_MAX_WORDS) return false;
  const significant = all.filter((w) => !STOPWORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
  const capitalized = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
  return significant.length > 0 && capitalized.length >= significant.length * TITLE_CASE_MIN_SHARE;
}

function overlap(headline: string, vocabulary: Set<string>): number {
  const ws = contentWords(headline);
  if (ws.length === 0) return 1;
  return ws.filter((w) => vocabulary.has(w)).length / ws.length;
}

/**
 * How many of the last paragraphs are unrelated headlines rather than body: 0 when the
 * text ends with its own prose. The body before them must end like a sentence.
 */
export function countTrailingHeadlines(text: string, paragraphs: readonly Range[]): number {
  let run = 0;
  while (run < paragraphs.length - 1) {
    const [s, e] = paragraphs[paragraphs.length - 1 - run]!;
    if (!looksLikeHeadline(text.slice(s, e))) break;
    run++;
  }
  if (run < MIN_HEADLINES) return 0;
  const bodyEnd = paragraphs.length - run;
  const [ls, le] = paragraphs[bodyEnd - 1]!;
  if (!/[.!?]["'”’)\]]*$/.test(text.slice(ls, le))) return 0;
  const vocabulary = new Set(contentWords(text.slice(paragraphs[0]![0], le)));
  // Cut only the tail whose every line is off-topic; stop at the first related line.
  let cut = 0;
  for (let i = paragraphs.length - 1; i >= bodyEnd; i--) {
    const [s, e] = paragraphs[i]!;
    if (overlap(text.slice(s, e), vocabulary) > MAX_BODY_OVERLAP) break;
    cut++;
  }
  return cut >= MIN_HEADLINES ? cut : 0;
}

// Language of a text for pages and records that do not declare one. eld (the "medium" n-gram
// table, bundled in the package, nothing fetched) won the measurement in bench/language.ts on
// news text: it is the most accurate candidate on titles and ledes and the fastest.
import { eld } from 'eld/medium';

/**
 * Below this many letters (CJK characters count 3, as each is about a word) the answer is not
 * trusted: on prefixes of 40 characters (about 32 letters) eld was wrong 5% of the time, at 20
 * characters 22%; a headline of 50 or more characters clears the bar.
 */
const MIN_LETTERS = 30;
/**
 * eld's cost grows with the text, and its accuracy on the first 300 characters about equals
 * whole articles (bench:language), so it reads that much first and 2,000 only when unsure.
 */
const QUICK_SAMPLE_CHARS = 300;
const SAMPLE_CHARS = 2_000;

const LETTER = /\p{L}/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a text has MIN_LETTERS letters, with CJK characters weighted as words. */
function hasEnoughLetters(text: string): boolean {
  let n = 0;
  for (const [c] of text.matchAll(LETTER)) {
    n += CJK.test(c) ? 3 : 1;
    if (n >= MIN_LETTERS) return true;
  }
  return false;
}

/** Guesses the ISO 639-1 code of a text ("en"), or null when it is too short or unsure. */
export function guessLanguage(text: string): string | null {
  if (!hasEnoughLetters(text.slice(0, SAMPLE_CHARS))) return null;
  let result = eld.detect(text.slice(0, QUICK_SAMPLE_CHARS));
  if (!result.isReliable() && text.length > QUICK_SAMPLE_CHARS) result = eld.detect(text.slice(0, SAMPLE_CHARS));
  // isReliable() rejects a near tie and a winner that scores low for its language, which is how
  // number tables ("Shr 39 cts vs 50 cts") and evenly mixed text show up. Text that is mostly
  // one language gets that language: a wider margin would also reject Russian (close to Bulgarian).
  if (!result.language || !result.isReliable()) return null;
  return result.language;
}

/** The primary subtag of a language label ("en-US", "en_GB" → "en"), or null. */
export function primaryLanguage(label: string | null | undefined): string | null {
  const m = label?.trim().match(/^([a-zA-Z]{2,3})(?:[-_]|$)/);
  return m ? m[1]!.toLowerCase() : null;
}

// A tiny stop-word vote for pages that do not declare their language. It only needs to
// tell apart the languages news usually comes in; anything unsure returns null.

const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'was',
    'with',
    'on',
    'as',
    'by',
    'he',
    'it',
  ],
  es: [
    'el',
    'la',
    'de',
    'que',
    'y',
    'en',
    'los',
    'del',
    'se',
    'las',
    'por',
    'un',
    'para',
    'con',
    'una',
  ],
  pt: ['o', 'a', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'com', 'não', 'uma', 'os', 'no'],
  fr: [
    'le',
    'la',
    'de',
    'et',
    'les',
    'des',
    'est',
    'un',
    'une',
    'du',
    'que',
    'dans',
    'pour',
    'qui',
    'pas',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'zu',
    'den',
    'mit',
    'von',
    'sich',
    'des',
    'auf',
    'ein',
    'dem',
  ],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'per',
    'un',
    'non',
    'del',
    'della',
    'sono',
    'una',
    'con',
    'gli',
    'le',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'dat',
    'niet',
    'op',
    'is',
    'te',
    'voor',
    'met',
    'zijn',
    'die',
    'ook',
  ],
};

/** Fewer words than this give too noisy a vote. */
const MIN_WORDS = 20;
/** The winner must beat the runner-up by this factor to be trusted. */
const MIN_MARGIN = 1.3;
/** Only the first stretch of text is needed for a vote. */
const SAMPLE_CHARS = 20_000;

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

/** Guesses the BCP 47 primary tag of a text from its stop words, or null when unsure. */
export function guessLanguage(text: string): string | null {
  const words =
    text
      .slice(0, SAMPLE_CHARS)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const scores = new Map<string, number>();
  for (const w of words)
    for (const lang of LOOKUP.get(w) ?? []) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < words.length * 0.1) return null;
  if (second && best[1] < second[1] * MIN_MARGIN) return null;
  return best[0];
}

/** The primary subtag of a language label ("en-US", "en_GB" → "en"), or null. */
export function primaryLanguage(label: string | null | undefined): string | null {
  const m = label?.trim().match(/^([a-zA-Z]{2,3})(?:[-_]|$)/);
  return m ? m[1]!.toLowerCase() : null;
}

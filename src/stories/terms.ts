// Words → weighted terms for story similarity. Weights are sublinear term counts (1 + ln tf),
// so one article repeating a name ten times does not outweigh three articles naming it once;
// the title and the lead count extra because they state the event, while later paragraphs
// drift into background that two different events of one topic share.

/** Title words count this many times a body word: the title names the event. */
const TITLE_BOOST = 2;
/** Words in the lead (the first LEAD_WORDS of the body) count this much extra. */
const LEAD_BOOST = 1.5;
/** The lead: about the first two sentences of a news story. */
const LEAD_WORDS = 50;

// Function words and web furniture (ECB+ texts open with their URL, split into tokens).
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves said says say told ' +
    'according one two new last first year years time like get got been being us mr mrs ms per ' +
    'http https www com html htm php asp org net co uk news index article story stories'
  ).split(' '),
);

/** Lowercased words and numbers of a text, function words dropped, plural -s folded. */
export function tokenizeTerms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu)) {
    let word = match[0].replace(/['’]s$/, '').replaceAll('.', '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    // "quakes" and "quake" are one term; "news" style words shorter than 4 stay whole.
    if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}

/** Term weights of one article: sublinear counts, with title and lead words boosted. */
export function weighTerms(title: string | null, body: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, by: number) => counts.set(term, (counts.get(term) ?? 0) + by);
  for (const term of tokenizeTerms(title ?? '')) add(term, TITLE_BOOST);
  for (const [i, term] of tokenizeTerms(body).entries()) add(term, i < LEAD_WORDS ? LEAD_BOOST : 1);
  const weights = new Map<string, number>();
  for (const [term, count] of counts) weights.set(term, 1 + Math.log(count));
  return weights;
}

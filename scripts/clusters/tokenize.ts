// A small news tokenizer close to CoNLL-2003's, used only to gather text for word clusters.

/** Titles and other abbreviations that keep their full stop, as CoNLL-2003 writes them. */
const ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt',
  'Adm', 'Cmdr', 'Rev', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'No', 'vs', 'Jan',
  'Feb', 'Mar', 'Apr', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'Pres',
].join('|');

// Order matters: the first alternative that matches at a position wins.
const TOKEN = new RegExp(
  [
    "n't\\b|'(?:s|re|ve|ll|d|m)\\b", // clitics, split off beforehand
    '(?:\\p{L}\\.){2,}', // U.S., U.N., e.g.
    `(?:${ABBREVIATIONS})\\.(?=\\s)`, // Gen., Inc.
    '\\p{Lu}\\.(?=\\s+\\p{Lu})', // initials: J. Smith
    '\\p{N}+(?:[.,:/]\\p{N}+)+', // 1,234.5  12:30  1/2
    "[\\p{L}\\p{N}]+(?:[-'&.][\\p{L}\\p{N}]+)*", // words, hyphenated words, O'Neill, AT&T, 1990s
    '\\.{3}|-{2,}|[^\\s\\p{L}\\p{N}]', // punctuation
  ].join('|'),
  'gu',
);

/** Splits a news text into CoNLL-style tokens, keeping case. */
export function tokenizeNews(text: string): string[] {
  const normal = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/(\p{L})n't\b/gu, "$1 n't")
    .replace(/(\p{L})'(s|re|ve|ll|d|m)\b/gu, "$1 '$2");
  return normal.match(TOKEN) ?? [];
}

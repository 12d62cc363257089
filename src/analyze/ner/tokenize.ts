// A tokenizer and sentence splitter for raw news text that produces CoNLL-2003-like tokens
// ("U.S.", "Korea 's", "do n't", "1996-08-22", "3,000") with exact character offsets.

/** A token and its span [start, end) in the original string (JS string indices). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that end in a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col maj capt sgt adm cmdr gen brig cpl pvt st jr sr ' +
    'inc corp co ltd bros no nos vs etc fig jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'mt ft ave blvd rd dept univ est approx rev hon pres sec atty supt insp det'
  ).split(' '),
);

// Order matters: the first alternative that matches at a position wins.
const TOKEN_RE = new RegExp(
  [
    '(?:\\p{L}\\.){2,}(?!\\p{L})', // U.S. a.m. U.K.
    '\\p{Lu}\\.(?=\\s+\\p{Lu})', // an initial: J. R. Tolkien
    '\\d+(?:[.,:/-]\\d+)*%?', // 3,000 1996-08-22 4.5% 10:30
    "n['’]t(?!\\p{L})", // the n't of don't
    "['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)(?!\\p{L})", // clitics
    "\\p{L}[\\p{L}\\p{M}\\p{N}]*?(?=n['’]t(?!\\p{L}))", // do | n't
    "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:[-&'’][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*(?<!['’][sSdmD])(?:\\.(?=\\p{L}|\\d))?",
    '\\.{3}|…|-{2,}|[—–]',
    '\\S',
  ].join('|'),
  'gu',
);

const CLOSERS = new Set(['"', '”', "'", '’', ')', ']']);
/** One-character tokens written otherwise in training. */
const NORMAL = new Map([
  ['“', '"'],
  ['”', '"'],
  ['„', '"'],
  ['‘', "'"],
  ['’', "'"],
  ['—', '-'],
  ['–', '-'],
  ['…', '...'],
]);

/** The token's text as the tagger saw it in training (straight quotes, ASCII dashes). */
export function normalizeToken(text: string): string {
  if (text.length === 1) return NORMAL.get(text) ?? text;
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

const ENDERS = new Set(['.', '!', '?', '...', '…']);

/** Splits raw text into sentences of tokens; line breaks always end a sentence. */
export function tokenizeText(text: string): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  let pendingBreak = false;
  let lastEnd = 0;
  /** The first line break at or after lastEnd (text.length when none). */
  let lineBreak = -1;
  const close = (): void => {
    if (current.length) sentences.push(current);
    current = [];
    pendingBreak = false;
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const word = m[0];
    const end = start + word.length;
    if (lineBreak < lastEnd) {
      lineBreak = text.indexOf('\n', lastEnd);
      if (lineBreak < 0) lineBreak = text.length;
    }
    if (lineBreak < start) close();
    // "Gen." and other abbreviations keep their period.
    if (word === '.' && current.length) {
      const prev = current[current.length - 1]!;
      // "then-Sen." keeps its period too: the abbreviation is the last hyphenated part.
      const last = prev.text.slice(prev.text.lastIndexOf('-') + 1).toLowerCase();
      if (prev.end === start && ABBREVIATIONS.has(last)) {
        prev.text += '.';
        prev.end = end;
        lastEnd = end;
        continue;
      }
    }
    if (pendingBreak) {
      const isCloser = CLOSERS.has(word) && start === lastEnd;
      if (!isCloser) {
        const first = word.charAt(0);
        if (/[\p{Lu}\d"“‘'(]/u.test(first)) close();
        else pendingBreak = false;
      }
    }
    const tok: Token = { text: word, start, end };
    current.push(tok);
    lastEnd = end;
    if (ENDERS.has(word)) pendingBreak = true;
  }
  close();
  return sentences;
}

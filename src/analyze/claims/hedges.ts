// Hedges: the words that say how exact a figure is ("around 3,000", "as many as 12,000",
// "50 or more"). Ranges get the 'range' hedge where they are read, not here.
import type { Hedge } from '../../core/types.js';

const BEFORE: ReadonlyArray<readonly [Hedge, string]> = [
  // Longer phrases first: "no more than" must win over "more than".
  [
    'at-most',
    String.raw`no\s+more\s+than|not\s+more\s+than|at\s+most|fewer\s+than|less\s+than|just\s+under|a\s+maximum\s+of|under|below`,
  ],
  ['up-to', String.raw`up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as`],
  [
    'at-least',
    String.raw`at\s+least|more\s+than|just\s+over|well\s+over|upwards\s+of|in\s+excess\s+of|a\s+minimum\s+of|as\s+few\s+as|over|above|exceeding`,
  ],
  ['exactly', 'exactly|precisely'],
  [
    'about',
    String.raw`about|around|roughly|approximately|nearly|almost|some|close\s+to|an\s+estimated|estimated|an\s+approximate|approx\.`,
  ],
];

/** One alternation, each hedge in its own named group so the match says which. */
const HEDGE_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${BEFORE.map(([, words], i) => `(?<h${i}>${words})`).join('|')})\s+$`,
  'iu',
);
const HEDGE_AFTER =
  /\s*(?:(\+|-plus\b|\s+or\s+more\b|\s+or\s+above\b)|(\s+or\s+so\b)|(\s+or\s+(?:fewer|less)\b))/iy;
/** How far back a hedge may start: the longest phrase plus spacing. */
const HEDGE_WINDOW = 24;

/** The hedge written right before `pos`, with where it starts. */
export function hedgeBefore(text: string, pos: number): { hedge: Hedge; start: number } | null {
  const from = Math.max(0, pos - HEDGE_WINDOW);
  const m = HEDGE_BEFORE.exec(text.slice(from, pos));
  if (!m?.groups) return null;
  const i = Object.entries(m.groups).find(([, v]) => v !== undefined)?.[0];
  const hedge = BEFORE[Number(i?.slice(1))]?.[0];
  return hedge ? { hedge, start: from + m.index } : null;
}

/** The hedge written right after `pos` ("50 or more", "50+", "a dozen or so"). */
export function hedgeAfter(text: string, pos: number): { hedge: Hedge; end: number } | null {
  HEDGE_AFTER.lastIndex = pos;
  const m = HEDGE_AFTER.exec(text);
  if (!m) return null;
  const hedge: Hedge = m[1] ? 'at-least' : m[2] ? 'about' : 'at-most';
  return { hedge, end: pos + m[0].length };
}

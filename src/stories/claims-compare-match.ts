// When two claims count the same kind of thing: like units, subject words that overlap once
// each word is weighted by how rare it is, and time references that can be the same moment;
// and names for a subject area and a quantity, taken from the claims' own subject phrases.
import type { Claim } from '../core/types.js';
import { UNIT_SYNONYMS as SHARED_SYNONYMS } from '../core/unit-synonyms.js';

/** Unit words for one counted thing, so "3,000 troops" and "12,000 personnel" compare. */
const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  ...SHARED_SYNONYMS,
  // Poll margins are written "7 points" as often as "7 percentage points".
  point: 'pp',
};

/** A crude singular, enough to fold "troops"/"troop" and "casualties"/"casualty". */
function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * The class of a claim's unit: figures compare only within one class. Currency codes and
 * symbols ("%", "km") stand as they are; count nouns are folded to one word per thing.
 */
export function unitClass(unit: string | null): string | null {
  if (!unit) return null;
  if (/^[A-Z]{3}$/.test(unit) || unit === '%') return unit;
  const one = singular(unit.toLowerCase());
  return UNIT_SYNONYMS[one] ?? one;
}

/**
 * The subject words that say which thing of the unit is counted: the subject key without
 * the unit's own noun, which like units already share.
 */
export function qualifierWords(claim: Pick<Claim, 'subjectKey' | 'unit'>): string[] {
  const unit = unitClass(claim.unit);
  const raw = claim.unit ? singular(claim.unit.toLowerCase()) : null;
  const words = claim.subjectKey.split(' ').filter(Boolean);
  return words.filter((w) => w !== raw && (UNIT_SYNONYMS[w] ?? w) !== unit);
}

/** How distinctive each word is among the claims compared: rarer words weigh more. */
export type WordWeights = (word: string) => number;

/** Inverse document frequency over articles, so a word one article repeats counts once. */
export function wordWeights(items: readonly { article: string; words: string[] }[]): WordWeights {
  const articles = new Map<string, Set<string>>();
  for (const { article, words } of items) {
    for (const w of words) {
      const seen = articles.get(w) ?? new Set<string>();
      seen.add(article);
      articles.set(w, seen);
    }
  }
  const total = new Set(items.map((i) => i.article)).size;
  return (word) => Math.log(1 + total / (articles.get(word)?.size ?? 1));
}

function weightOf(words: Iterable<string>, weight: WordWeights): number {
  let sum = 0;
  for (const w of words) sum += weight(w);
  return sum;
}

/** Weighted Jaccard: the share of both subjects' distinctive weight they have in common. */
export function sameThingScore(a: readonly string[], b: readonly string[], weight: WordWeights) {
  const shared = a.filter((w) => b.includes(w));
  const union = new Set([...a, ...b]);
  const all = weightOf(union, weight);
  return all > 0 ? weightOf(shared, weight) / all : 0;
}

/** Weighted overlap coefficient: how much of the narrower subject the wider one covers. */
export function sameAreaScore(a: readonly string[], b: readonly string[], weight: WordWeights) {
  const shared = a.filter((w) => b.includes(w));
  const smaller = Math.min(weightOf(a, weight), weightOf(b, weight));
  return smaller > 0 ? weightOf(shared, weight) / smaller : 0;
}

/** A claim's time reference as a span of days, with the text it came from. */
export interface TimeRef {
  /** The reference as written by the analyzer ("2024-10-25", "2012", "XXXX-12"). */
  key: string;
  /** Day numbers since the epoch, [start, end); null when it can't be placed on a calendar. */
  span: [number, number] | null;
}

const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;

function parseSpan(key: string): [number, number] | null {
  const parts = key.split('/');
  if (parts.length === 2) {
    const a = parseSpan(parts[0]!);
    const b = parseSpan(parts[1]!);
    return a && b ? [a[0], b[1]] : null;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(key);
  if (m) {
    const start = day(+m[1]!, +m[2]!, +m[3]!);
    return [start, start + 1];
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return [day(+m[1]!, +m[2]!, 1), day(+m[1]!, +m[2]! + 1, 1)];
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = day(+m[1]!, 1, 4);
    const monday = jan4 - ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7);
    const start = monday + (+m[2]! - 1) * 7;
    return [start, start + 7];
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return [day(+m[1]!, +m[2]! * 3 - 2, 1), day(+m[1]!, +m[2]! * 3 + 1, 1)];
  m = /^(\d{4})$/.exec(key);
  if (m) return [day(+m[1]!, 1, 1), day(+m[1]! + 1, 1, 1)];
  return null;
}

/**
 * The moment a claim speaks of. A claim with no time reference, or one relative to the
 * article ("now", "P0D"), speaks of its publish day.
 */
export function timeRefOf(time: string | null, published: string | null): TimeRef | null {
  const publishDay =
    published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  const key = time === null || time.startsWith('P') ? (publishDay ?? time) : time;
  return key === null ? null : { key, span: parseSpan(key) };
}

/** A span this short is one moment of a running count, not a period like "2012". */
const MOMENT_DAYS = 31;
/** A running count is followed for weeks; moments further apart count different things. */
const UPDATE_WINDOW_DAYS = 31;

/**
 * Whether two claims can count the same quantity as far as time goes: their references
 * overlap, or both are moments a few weeks apart at most (a running count reported on
 * different days is one quantity that changes). Periods that don't overlap ("in 2012" and
 * "in 2016") are different.
 */
export function timesCompatible(a: TimeRef | null, b: TimeRef | null): boolean {
  if (!a || !b) return true;
  if (!a.span || !b.span) return a.key === b.key;
  if (a.span[0] < b.span[1] && b.span[0] < a.span[1]) return true;
  const moments = a.span[1] - a.span[0] <= MOMENT_DAYS && b.span[1] - b.span[0] <= MOMENT_DAYS;
  const gap = Math.max(a.span[0], b.span[0]) - Math.min(a.span[1], b.span[1]);
  return moments && gap <= UPDATE_WINDOW_DAYS;
}

/** Whether `b` speaks of a later moment than `a` (both placed on the calendar). */
export function isLater(a: TimeRef | null, b: TimeRef | null): boolean {
  return Boolean(a?.span && b?.span && b.span[0] >= a.span[1]);
}

/** Words that end a subject's head noun phrase ("North Korean troops | being trained …"). */
const HEAD_ENDS = new Set(
  'from in of being who that which to at on for with by including under over after before during among into across against as than when where while'.split(
    ' ',
  ),
);

/** The head noun phrase of a subject: its words up to the first clause or prepositional phrase. */
export function headPhrase(subject: string): string {
  const words = subject.split(/\s+/).filter(Boolean);
  const head: string[] = [];
  for (const word of words) {
    const bare = word.replace(/[,;:]$/, '');
    const lower = bare.toLowerCase();
    // A lowercase participle after the noun starts a clause ("troops killed", "votes cast").
    const participle = head.length > 0 && bare === lower && /(?:ing|ed)$/.test(lower);
    if (HEAD_ENDS.has(lower) || participle) break;
    head.push(bare);
    if (bare !== word) break;
  }
  return head.join(' ') || subject;
}

/** How many of the area's key words a phrase names ("Korean" names "korea"). */
function coverage(phrase: string, keyWords: readonly string[]): number {
  const tokens = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return keyWords.filter((k) => tokens.some((t) => t === k || t.startsWith(k) || k.startsWith(t)))
    .length;
}

/**
 * The name of a subject area: the head phrase, among its claims' subjects, that names the
 * most of the words the area's claims share; then the most often written, then the shorter.
 */
export function areaLabel(subjects: readonly string[], sharedWords: readonly string[]): string {
  const heads = new Map<string, number>();
  for (const s of subjects) heads.set(headPhrase(s), (heads.get(headPhrase(s)) ?? 0) + 1);
  const score = ([head, count]: [string, number]) => [
    coverage(head, sharedWords),
    count,
    -head.length,
  ];
  let best: [string, number] = ['', 0];
  let bestScore = [-1, 0, 0];
  for (const entry of heads) {
    const s = score(entry);
    const i = s.findIndex((v, k) => v !== bestScore[k]);
    if (i >= 0 && s[i]! > bestScore[i]!) [best, bestScore] = [entry, s];
  }
  return best[0];
}

/** The name of a quantity: its most often written subject; the shorter one on a tie. */
export function quantityLabel(subjects: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of subjects) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [subject, count] of counts) {
    if (count > bestCount || (count === bestCount && subject.length < best.length)) {
      best = subject;
      bestCount = count;
    }
  }
  return best;
}

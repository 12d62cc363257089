// Grouping claims: which are comparable at all, which share a subject area, and which count
// exactly the same quantity. Pure computation over the matchers in claims-compare-match.ts.
import type { Claim } from '../core/types.js';
import type { StoryClaim } from './claims-compare.js';
import {
  qualifierWords,
  sameAreaScore,
  sameThingScore,
  type TimeRef,
  timeRefOf,
  timesCompatible,
  unitClass,
  type WordWeights,
  wordWeights,
} from './claims-compare-match.js';

/** Two subjects are about one thing when the narrower shares this much weight with the wider. */
const AREA_MIN = 0.5;
/** Two subjects count the same quantity when this share of their joint weight is common. */
const QUANTITY_MIN = 0.6;
/** A subject of one word ("voters", "Americans") names a population, not a quantity. */
const MIN_KEY_WORDS = 2;
/**
 * Words for a population. "41 percent of Republican voters" answers a poll question the
 * subject does not name, so a percentage of a population alone is no comparable quantity.
 */
const POPULATION_WORDS = new Set(
  'voter people us adult respondent resident citizen woman women man men democrat democratic republican gop independent registered likely primary white black hispanic latino young older american overall'.split(
    ' ',
  ),
);
/** Overlap alone chains areas through one shared word; this much joint weight must be shared. */
const AREA_MIN_JOINT = 0.25;
/**
 * A death toll can grow several-fold in days ("at least 20" → "at least 157"); a tenfold
 * jump between two reports is more likely two different counts under a vague subject.
 */
const UPDATE_MAX_RATIO = 10;

/** A claim ready to be grouped. */
export interface Item {
  input: StoryClaim;
  unit: string;
  words: string[];
  time: TimeRef | null;
  /** Who is independent of whom: wire copies are one voice, else each outlet is one. */
  voice: string;
}

/** Whether a figure says clearly enough what it counts to be compared (or shown as news). */
export function isComparable(claim: Claim): boolean {
  const unit = unitClass(claim.unit);
  return unit !== null && isSpecific(claim, unit, qualifierWords(claim));
}

/** The claims that can be compared, with the word weights of their subjects. */
export function itemsOf(claims: readonly StoryClaim[]): { items: Item[]; weight: WordWeights } {
  const items: Item[] = [];
  for (const input of claims) {
    if (!isComparable(input.claim)) continue;
    const unit = unitClass(input.claim.unit)!;
    const words = qualifierWords(input.claim);
    const time = timeRefOf(input.claim.time, input.published);
    const voice = input.copyGroup != null ? `copy:${input.copyGroup}` : `outlet:${input.outlet}`;
    items.push({ input, unit, words, time, voice });
  }
  const weight = wordWeights(
    items.map((i) => ({ article: String(i.input.articleId), words: i.words })),
  );
  return { items, weight };
}

/**
 * Whether a subject says enough to be compared across articles: a bare "delegates",
 * "Americans" or "percent of voters" could be any of many counts.
 */
function isSpecific(claim: Claim, unit: string, words: readonly string[]): boolean {
  if (words.length === 0 || claim.subjectKey.split(' ').length < MIN_KEY_WORDS) return false;
  return unit !== '%' || words.some((w) => !POPULATION_WORDS.has(w));
}

/** Subject areas: claims of one unit joined whenever their subjects overlap enough. */
export function groupAreas(items: readonly Item[], weight: WordWeights): Item[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    return root;
  };
  const byWord = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const w of item.words) {
      const key = `${item.unit} ${w}`;
      const seen = byWord.get(key) ?? [];
      for (const j of seen) {
        if (find(i) === find(j)) continue;
        const other = items[j]!.words;
        const joint = sameThingScore(item.words, other, weight);
        if (sameAreaScore(item.words, other, weight) >= AREA_MIN && joint >= AREA_MIN_JOINT) {
          parent[find(i)] = find(j);
        }
      }
      seen.push(i);
      byWord.set(key, seen);
    }
  });
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

/**
 * Figures for different moments belong to one running count only if the change is plausible:
 * "50 delegates at stake" one week and "865" the next are two contests, not an update. Figures
 * for one moment stay together however far apart, so that a real dispute is shown.
 */
function plausibleChange(a: Item, b: Item): boolean {
  if (a.time?.key === b.time?.key) return true;
  const [low, high] = [a.input.claim.value, b.input.claim.value]
    .map(Math.abs)
    .sort((x, y) => x - y);
  return low! * UPDATE_MAX_RATIO >= high!;
}

const startOf = (item: Item) => item.time?.span?.[0] ?? Number.POSITIVE_INFINITY;

/** Quantities: claims whose subjects all pairwise match closely and whose times fit together. */
export function groupQuantities(members: readonly Item[], weight: WordWeights): Item[][] {
  const ordered = [...members].sort((a, b) => startOf(a) - startOf(b));
  const groups: Item[][] = [];
  for (const item of ordered) {
    let best: Item[] | null = null;
    let bestScore = 0;
    for (const group of groups) {
      let score = Number.POSITIVE_INFINITY;
      for (const other of group) {
        const fits = timesCompatible(item.time, other.time) && plausibleChange(item, other);
        score = Math.min(score, fits ? sameThingScore(item.words, other.words, weight) : 0);
      }
      if (score >= QUANTITY_MIN && score > bestScore) [best, bestScore] = [group, score];
    }
    if (best) best.push(item);
    else groups.push([item]);
  }
  return groups;
}

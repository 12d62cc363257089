// How alike an article (or a story) is to a story, as a vector of features the learned
// model combines. Two events of one topic share most vocabulary; what separates them is
// who and where (entities), when (dates mentioned, publish times) and the exact wording of
// the nearest earlier report, so each of those is a feature of its own.
import type { DocumentFrequencies } from './document-frequencies.js';
import type { ArticleFeatures } from './features.js';
import type { Profile } from './story.js';

/** The features, in the order the model's weights follow. */
export const FEATURE_NAMES = [
  'terms',
  'entities',
  'nearest',
  'yearsShared',
  'yearsClash',
  'daysShared',
  'daysClash',
  'datedDiffer',
  'publishGap',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The stream's word and entity statistics that similarity weighs by. */
export interface Vocabularies {
  terms: DocumentFrequencies;
  entities: DocumentFrequencies;
}

/** Squared IDF-weighted norms of a profile's vectors, cached by the caller. */
export interface Norms {
  terms: number;
  entities: number;
}

const DAY_MS = 86_400_000;

/** IDF-weighted vector norms of a profile. */
export function normsOf(p: Pick<Profile, 'terms' | 'entities'>, vocab: Vocabularies): Norms {
  return { terms: norm(p.terms, vocab.terms), entities: norm(p.entities, vocab.entities) };
}

/**
 * The similarity features of `a` (an article's profile, or a story being merged) against
 * story `b`. `nearest` are b's recent members, for the nearest-member cosines (a is then
 * one article); pass none to use the centroid cosines in their place.
 */
export function similarityFeatures(
  a: Profile,
  aNorms: Norms,
  b: Profile,
  bNorms: Norms,
  vocab: Vocabularies,
  nearest?: { members: readonly ArticleFeatures[] },
): number[] {
  const terms = cosine(a.terms, aNorms.terms, b.terms, bNorms.terms, vocab.terms);
  const entities = cosine(a.entities, aNorms.entities, b.entities, bNorms.entities, vocab.entities);
  const near = nearest
    ? nearestCosine(a.terms, nearest.members, (m) => m.terms, vocab.terms)
    : terms;

  const [yearsShared, yearsClash] = agreement(a.years, b.years, b.size);
  const [daysShared, daysClash] = agreement(a.days, b.days, b.size);
  return [
    terms,
    entities,
    near,
    yearsShared,
    yearsClash,
    daysShared,
    daysClash,
    // Reports written with dates and reports without them tend to be of different events.
    Math.abs(a.dated / a.size - b.dated / b.size),
    Math.log1p(publishGapDays(a, b)),
  ];
}

/** Days between the nearest publish times of two profiles; 0 when either has none. */
export function publishGapDays(a: Profile, b: Profile): number {
  if (a.firstPublished === null || b.firstPublished === null) return 0;
  if (a.lastPublished === null || b.lastPublished === null) return 0;
  const gap = Math.max(a.firstPublished - b.lastPublished, b.firstPublished - a.lastPublished, 0);
  return gap / DAY_MS;
}

function norm(vector: Map<string, number>, df: DocumentFrequencies): number {
  let sum = 0;
  for (const [k, v] of vector) {
    const w = v * df.idf(k);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

function cosine(
  a: Map<string, number>,
  aNorm: number,
  b: Map<string, number>,
  bNorm: number,
  df: DocumentFrequencies,
): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const other = large.get(k);
    if (other === undefined) continue;
    const idf = df.idf(k);
    dot += v * other * idf * idf;
  }
  return dot / (aNorm * bNorm);
}

/** Members' word-vector norms, recomputed once the IDF has drifted (10% more articles). */
const memberNorms = new WeakMap<Map<string, number>, { docs: number; norm: number }>();

function nearestCosine(
  doc: Map<string, number>,
  members: readonly ArticleFeatures[],
  vectorOf: (m: ArticleFeatures) => Map<string, number>,
  df: DocumentFrequencies,
): number {
  const docNorm = norm(doc, df);
  let best = 0;
  for (const m of members) {
    const vector = vectorOf(m);
    let cached = memberNorms.get(vector);
    if (!cached || df.documents > cached.docs * 1.1) {
      cached = { docs: df.documents, norm: norm(vector, df) };
      memberNorms.set(vector, cached);
    }
    best = Math.max(best, cosine(doc, docNorm, vector, cached.norm, df));
  }
  return best;
}

/**
 * How far two sets of mentioned dates agree: the mean share of b's articles that mention
 * each of a's dates (weighted by how many of a's articles do), and whether both mention
 * dates yet share none (two events of one topic are often a year or a month apart).
 */
function agreement(
  a: Map<string, number>,
  b: Map<string, number>,
  bSize: number,
): [shared: number, clash: number] {
  if (a.size === 0 || b.size === 0) return [0, 0];
  let shared = 0;
  let mass = 0;
  for (const [key, count] of a) {
    mass += count;
    shared += (count * Math.min(b.get(key) ?? 0, bSize)) / bSize;
  }
  const share = shared / mass;
  return [share, share === 0 ? 1 : 0];
}

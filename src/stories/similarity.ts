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
  const weighted = weightedOf(a, aNorms, vocab);
  const terms = cosine(weighted.terms, aNorms.terms, b.terms, bNorms.terms);
  const entities = cosine(weighted.entities, aNorms.entities, b.entities, bNorms.entities);

  const [yearsShared, yearsClash] = agreement(a.years, b.years, b.size);
  const [daysShared, daysClash] = agreement(a.days, b.days, b.size);
  const near = nearest
    ? nearestCosine(weighted.terms, aNorms.terms, nearest.members, vocab.terms)
    : terms;
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

/** Days from the earlier first publish time to the later last one, were a and b one story. */
export function joinedSpanDays(a: Profile, b: Profile): number {
  if (a.firstPublished === null || b.firstPublished === null) return 0;
  if (a.lastPublished === null || b.lastPublished === null) return 0;
  const first = Math.min(a.firstPublished, b.firstPublished);
  const last = Math.max(a.lastPublished, b.lastPublished);
  return (last - first) / DAY_MS;
}

function norm(vector: Map<string, number>, df: DocumentFrequencies): number {
  let sum = 0;
  for (const [k, v] of vector) {
    const w = v * df.idf(k);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

/**
 * A vector's keys with their values times IDF², ready to be dotted with raw vectors: as
 * keys (for a story's map) and as ascending vocabulary ids (for a member's packed vector).
 */
interface Weighted {
  keys: string[];
  values: Float64Array;
  ids: Int32Array;
  idValues: Float64Array;
}

/** A member's raw vector by ascending vocabulary id, with its IDF-weighted norm. */
interface Packed {
  docs: number;
  norm: number;
  ids: Int32Array;
  values: Float64Array;
}

/**
 * Weighted vectors of `a`, made once per norms object: the clusterer makes fresh norms for
 * each article it scores (and for each story version), so one scoring reuses them across
 * all its candidates and a changed profile never reads stale ones.
 */
const weightedCache = new WeakMap<Norms, { terms: Weighted; entities: Weighted }>();

function weightedOf(
  a: Pick<Profile, 'terms' | 'entities'>,
  aNorms: Norms,
  vocab: Vocabularies,
): { terms: Weighted; entities: Weighted } {
  let cached = weightedCache.get(aNorms);
  if (!cached) {
    cached = { terms: weigh(a.terms, vocab.terms), entities: weigh(a.entities, vocab.entities) };
    weightedCache.set(aNorms, cached);
  }
  return cached;
}

function weigh(vector: Map<string, number>, df: DocumentFrequencies): Weighted {
  const keys = [...vector.keys()];
  const values = new Float64Array(keys.length);
  const raw = new Int32Array(keys.length);
  let i = 0;
  for (const [k, v] of vector) {
    const id = df.idOf(k);
    const idf = df.idfOf(id);
    raw[i] = id;
    values[i++] = v * idf * idf;
  }
  const order = [...raw.keys()].sort((x, y) => raw[x]! - raw[y]!);
  return {
    keys,
    values,
    ids: Int32Array.from(order, (j) => raw[j]!),
    idValues: Float64Array.from(order, (j) => values[j]!),
  };
}

function pack(vector: Map<string, number>, df: DocumentFrequencies): Packed {
  const entries = [...vector].map(([k, v]) => [df.idOf(k), v] as const).sort((x, y) => x[0] - y[0]);
  let sum = 0;
  for (const [id, v] of entries) {
    const w = v * df.idfOf(id);
    sum += w * w;
  }
  return {
    docs: df.documents,
    norm: Math.sqrt(sum),
    ids: Int32Array.from(entries, (e) => e[0]),
    values: Float64Array.from(entries, (e) => e[1]),
  };
}

/** Dot product of two vectors sorted by id (a merge walk: no hashing). */
function dotSorted(
  aIds: Int32Array,
  aValues: Float64Array,
  bIds: Int32Array,
  bValues: Float64Array,
): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < aIds.length && j < bIds.length) {
    const x = aIds[i]!;
    const y = bIds[j]!;
    if (x === y) dot += aValues[i++]! * bValues[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

function cosine(a: Weighted, aNorm: number, b: Map<string, number>, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.keys.length; i++) {
    const other = b.get(a.keys[i]!);
    if (other !== undefined) dot += a.values[i]! * other;
  }
  return dot / (aNorm * bNorm);
}

/**
 * Members' packed word vectors under one stream's vocabulary (keyed by it, so a clusterer
 * never reads another stream's ids or norms), remade once the IDF has drifted (10% more
 * articles).
 */
const packedMembers = new WeakMap<DocumentFrequencies, WeakMap<Map<string, number>, Packed>>();

function nearestCosine(
  doc: Weighted,
  docNorm: number,
  members: readonly ArticleFeatures[],
  df: DocumentFrequencies,
): number {
  if (docNorm === 0) return 0;
  let packed = packedMembers.get(df);
  if (!packed) {
    packed = new WeakMap();
    packedMembers.set(df, packed);
  }
  let best = 0;
  for (const m of members) {
    let p = packed.get(m.terms);
    if (!p || df.documents > p.docs * 1.1) {
      p = pack(m.terms, df);
      packed.set(m.terms, p);
    }
    if (p.norm === 0) continue;
    const cos = dotSorted(doc.ids, doc.idValues, p.ids, p.values) / (docNorm * p.norm);
    if (cos > best) best = cos;
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

// A story's running summary: sums of its articles' (unit-length) word and entity vectors,
// counts of the dates they mention and the span of their publish times. Summaries merge by
// adding, so joining an article and merging two stories are the same operation.
import type { DocumentFrequencies } from './document-frequencies.js';
import type { ArticleFeatures } from './features.js';

/** Articles kept per story for nearest-member similarity; older ones still count in sums. */
const MEMBER_SAMPLE = 24;

/** The part of a story or an article that similarity reads. */
export interface Profile {
  terms: Map<string, number>;
  entities: Map<string, number>;
  years: Map<string, number>;
  days: Map<string, number>;
  /** Articles that mention any year. */
  dated: number;
  /** Earliest and latest publish time (ms), or null when none is known. */
  firstPublished: number | null;
  lastPublished: number | null;
  /** Articles summed into the profile. */
  size: number;
}

/** A story: its stable id, its members, and its profile. */
export interface Story extends Profile {
  id: number;
  /** Article ids, in the order they joined. */
  members: string[];
  /** Recent members' features, for nearest-member similarity. */
  sample: ArticleFeatures[];
  /** Bumped on every change, so cached norms know when they are stale. */
  version: number;
}

/** An article as a one-member profile; vectors scaled to unit length (before IDF). */
export function profileOf(doc: ArticleFeatures): Profile {
  return {
    terms: unit(doc.terms),
    entities: unit(doc.entities),
    years: countKeys(doc.years),
    days: countKeys(doc.days),
    dated: doc.years.size > 0 ? 1 : 0,
    firstPublished: doc.published,
    lastPublished: doc.published,
    size: 1,
  };
}

/** A new story holding one article. */
export function startStory(id: number, doc: ArticleFeatures): Story {
  return { ...profileOf(doc), id, members: [doc.id], sample: [doc], version: 0 };
}

/** Adds an article to a story. */
export function joinStory(story: Story, doc: ArticleFeatures, profile = profileOf(doc)): void {
  addProfile(story, profile);
  story.members.push(doc.id);
  story.sample.push(doc);
  if (story.sample.length > MEMBER_SAMPLE) story.sample.shift();
  story.version++;
}

/** Moves everything of `from` into `into` (the caller retires `from`'s id). */
export function absorbStory(into: Story, from: Story): void {
  addProfile(into, from);
  into.members.push(...from.members);
  into.sample.push(...from.sample);
  if (into.sample.length > MEMBER_SAMPLE) into.sample.splice(0, into.sample.length - MEMBER_SAMPLE);
  into.version++;
}

/**
 * The story as it would be without one of its sampled members: a copy, for asking whether
 * that member still belongs (the story itself is left alone).
 */
export function storyWithout(story: Story, doc: ArticleFeatures): Story {
  const copy: Story = {
    ...story,
    terms: new Map(story.terms),
    entities: new Map(story.entities),
    years: new Map(story.years),
    days: new Map(story.days),
    members: story.members.filter((id) => id !== doc.id),
    sample: story.sample.filter((m) => m !== doc),
  };
  subtractProfile(copy, profileOf(doc));
  return copy;
}

/** Takes a sampled member out of its story (the caller files it elsewhere). */
export function leaveStory(story: Story, doc: ArticleFeatures): void {
  story.members = story.members.filter((id) => id !== doc.id);
  story.sample = story.sample.filter((m) => m !== doc);
  subtractProfile(story, profileOf(doc));
  story.version++;
}

/** The keys of a vector with the highest IDF-weighted values: what the index files it under. */
export function topKeys(
  vector: Map<string, number>,
  idf: DocumentFrequencies,
  count: number,
): string[] {
  return [...vector]
    .map(([key, w]) => [key, w * idf.idf(key)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([key]) => key);
}

function addProfile(into: Profile, from: Profile): void {
  addInto(into.terms, from.terms);
  addInto(into.entities, from.entities);
  addInto(into.years, from.years);
  addInto(into.days, from.days);
  into.dated += from.dated;
  into.firstPublished = earliest(into.firstPublished, from.firstPublished);
  into.lastPublished = latest(into.lastPublished, from.lastPublished);
  into.size += from.size;
}

function subtractProfile(into: Profile, from: Profile): void {
  subtractFrom(into.terms, from.terms);
  subtractFrom(into.entities, from.entities);
  subtractFrom(into.years, from.years);
  subtractFrom(into.days, from.days);
  into.dated -= from.dated;
  into.size -= from.size;
  // Publish-time bounds cannot be subtracted; with every member sampled they are recomputed.
  if ('sample' in into && (into as Story).sample.length === into.size) {
    const times = (into as Story).sample.flatMap((m) =>
      m.published === null ? [] : [m.published],
    );
    into.firstPublished = times.length ? Math.min(...times) : null;
    into.lastPublished = times.length ? Math.max(...times) : null;
  }
}

/** Subtracts vector values; keys that fall to (about) zero are dropped. */
function subtractFrom(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) {
    const left = (into.get(k) ?? 0) - v;
    if (left > 1e-9) into.set(k, left);
    else into.delete(k);
  }
}

function addInto(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

function unit(vector: Map<string, number>): Map<string, number> {
  let sum = 0;
  for (const v of vector.values()) sum += v * v;
  const norm = Math.sqrt(sum) || 1;
  const out = new Map<string, number>();
  for (const [k, v] of vector) out.set(k, v / norm);
  return out;
}

function countKeys(keys: Set<string>): Map<string, number> {
  return new Map([...keys].map((k) => [k, 1]));
}

function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function latest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

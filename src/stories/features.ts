// What story clustering reads from an article: weighted words, the entities it names, the
// dates it mentions, and when it was published. Extraction calls the analyzers; everything
// after it (similarity, clustering) works on these plain values alone.
import { findEntityMentions, findTimes, type NerModel, resolveEntities } from '../analyze/index.js';
import type { Annotations, EntityType } from '../core/types.js';
import { weighTerms } from './terms.js';

/** The clustering input for one article. */
export interface ArticleFeatures {
  /** The caller's id for the article, handed back with its story. */
  id: string;
  /** Term → sublinear, title/lead-boosted weight (IDF is applied later, from the stream). */
  terms: Map<string, number>;
  /** "TYPE:canonical name" → weight; people and places count above organisations. */
  entities: Map<string, number>;
  /** Calendar years the text mentions ("2013"). */
  years: Set<string>;
  /** Month-days the text mentions ("05-03"), with or without a year. */
  days: Set<string>;
  /** Publish time in ms since the epoch, when known. */
  published: number | null;
}

// Who and where tell two events of one topic apart better than the organisations (news
// agencies, police, courts) that both involve.
const ENTITY_TYPE_WEIGHT: Record<EntityType, number> = {
  PER: 1.5,
  LOC: 1.2,
  ORG: 1,
  MISC: 0.8,
  NORP: 0.5,
};

/** Years a clustering date feature trusts: outside this a four-digit number is a count. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** A standalone recent year, as news writes it (not "20,000" nor "12005"). */
const YEAR_WORD = /(?<![\d,.])(?:19[5-9]\d|20[0-4]\d)(?![\d,.]\d|\d)/g;

/** Clustering features from text and annotations already found (pure). */
export function featuresFromAnnotations(
  id: string,
  article: { title: string | null; text: string; published: string | null },
  annotations: Pick<Annotations, 'entities' | 'times'>,
): ArticleFeatures {
  const counts = new Map<string, number>();
  for (const m of annotations.entities) {
    const key = `${m.type}:${m.entity.toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entities = new Map<string, number>();
  for (const [key, n] of counts) {
    const type = key.slice(0, key.indexOf(':')) as EntityType;
    entities.set(key, ENTITY_TYPE_WEIGHT[type] * (1 + Math.log(n)));
  }
  const years = new Set<string>();
  const days = new Set<string>();
  for (const t of annotations.times) {
    for (const value of t.value.split('/')) readDate(value, years, days);
  }
  // Years the time finder does not read as dates still place the text: those in its URL
  // ("/2005/11/"), datelines and captions.
  for (const m of (article.title ?? '').concat(' ', article.text).matchAll(YEAR_WORD)) {
    readDate(m[0], years, days);
  }
  const time = article.published ? Date.parse(article.published) : Number.NaN;
  return {
    id,
    terms: weighTerms(article.title, article.text),
    entities,
    years,
    days,
    published: Number.isNaN(time) ? null : time,
  };
}

/**
 * Clustering features of one article, running only the entity and time analyzers on it
 * (quotes and claims, which clustering does not read, are skipped for speed).
 */
export function extractFeatures(
  id: string,
  article: { title: string | null; text: string; published: string | null },
  ner: NerModel,
): ArticleFeatures {
  // The title is analyzed with the body so names in it are found too.
  const text = article.title ? `${article.title}\n${article.text}` : article.text;
  const published = article.published ? new Date(article.published) : null;
  const reference = published && !Number.isNaN(published.getTime()) ? published : null;
  const entities = resolveEntities(text, findEntityMentions(ner, text));
  const times = findTimes(text, { reference });
  return featuresFromAnnotations(id, article, { entities, times });
}

/** Adds the year and month-day of one normalized date value ("2013-05-03", "XXXX-06-08"). */
function readDate(value: string, years: Set<string>, days: Set<string>): void {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return;
  const year = m[1] === 'XXXX' ? null : Number(m[1]);
  if (year !== null && year >= MIN_YEAR && year <= MAX_YEAR) years.add(String(year));
  if (m[2] && m[3]) days.add(`${m[2]}-${m[3]}`);
}

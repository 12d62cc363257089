// What story clustering reads from an article: weighted words, the entities it names, the
// dates it mentions, and when it was published. Built from the article and the annotations
// the analyze stage already made for it, so this stage runs no analyzer and imports only core
// types; similarity and clustering then work on these plain values alone.
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

/** The article fields clustering reads. */
export interface FeatureArticle {
  id: string;
  title: string | null;
  text: string;
  /** ISO publish time, when known. */
  published: string | null;
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
/** Surface forms shorter than this (one letter) are too ambiguous to look for in the title. */
const MIN_TITLE_SURFACE = 2;

/**
 * Clustering features of one article from its text and the annotations of that text (pure).
 * Annotation spans point into `article.text`; names the title repeats from the body are
 * counted once more, as the title is not annotated on its own.
 */
export function articleFeatures(
  article: FeatureArticle,
  annotations: Pick<Annotations, 'entities' | 'times'>,
): ArticleFeatures {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, string>();
  for (const m of annotations.entities) {
    const key = `${m.type}:${m.entity.toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (m.text.length >= MIN_TITLE_SURFACE) surfaces.set(m.text, key);
  }
  if (article.title) {
    for (const key of new Set(titleMentions(article.title, surfaces))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
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
    id: article.id,
    terms: weighTerms(article.title, article.text),
    entities,
    years,
    days,
    published: Number.isNaN(time) ? null : time,
  };
}

/** Entity keys whose body surface forms the title repeats as whole words. */
function titleMentions(title: string, surfaces: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [surface, key] of surfaces) {
    let at = title.indexOf(surface);
    while (at >= 0) {
      const before = title[at - 1];
      const after = title[at + surface.length];
      if (!isWordChar(before) && !isWordChar(after)) {
        found.push(key);
        break;
      }
      at = title.indexOf(surface, at + 1);
    }
  }
  return found;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Adds the year and month-day of one normalized date value ("2013-05-03", "XXXX-06-08"). */
function readDate(value: string, years: Set<string>, days: Set<string>): void {
  const m = /^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return;
  const year = m[1] === 'XXXX' ? null : Number(m[1]);
  if (year !== null && year >= MIN_YEAR && year <= MAX_YEAR) years.add(String(year));
  if (m[2] && m[3]) days.add(`${m[2]}-${m[3]}`);
}

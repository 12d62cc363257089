// Article metadata from a page's head and markup: JSON-LD first, then OpenGraph, then
// standard metas, then what the markup itself shows (<time>, bylines, the URL path).
import { primaryLanguage } from './guess-language.js';
import { normalizeDate } from './normalize-date.js';

/** What a page says about itself, before choosing between sources. */
export interface PageMetadata {
  title: string | null;
  /** The document's <title>, raw. */
  documentTitle: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  site: string | null;
  image: string | null;
  description: string | null;
  canonical: string | null;
  /** JSON-LD articleBody, used when the markup gives no body. */
  articleBody: string | null;
}

/** JSON-LD types that describe a news or blog article. */
const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'blogposting',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'report',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
]);

/** Meta names that carry the publish date on various CMSs. */
const PUBLISHED_METAS = [
  'article:published_time',
  'og:published_time',
  'published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'datepublished',
  'citation_publication_date',
  'originalpublicationdate',
];
const MODIFIED_METAS = [
  'article:modified_time',
  'og:updated_time',
  'dateModified',
  'last-modified',
  'dcterms.modified',
];
const AUTHOR_METAS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'byl',
];

/** A byline element longer than this is a bio or a block of page chrome. */
const MAX_BYLINE_BLOCK_CHARS = 100;

type Json = unknown;

function asRecord(value: Json): Record<string, Json> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, Json>)
    : null;
}

function firstString(value: Json): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstString(v);
      if (s) return s;
    }
    return null;
  }
  const rec = asRecord(value);
  if (rec) return firstString(rec.name ?? rec.url ?? rec['@id'] ?? null);
  return null;
}

function namesOf(value: Json): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  const rec = asRecord(value);
  return rec && typeof rec.name === 'string' && rec.name.trim() ? [rec.name.trim()] : [];
}

function typesOf(node: Record<string, Json>): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase());
}

function collectNodes(value: Json, out: Record<string, Json>[], depth = 0): void {
  if (depth > 5) return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  const rec = asRecord(value);
  if (!rec) return;
  out.push(rec);
  if (rec['@graph']) collectNodes(rec['@graph'], out, depth + 1);
  if (rec.mainEntity) collectNodes(rec.mainEntity, out, depth + 1);
}

/** The JSON-LD node that describes the article, if the page has one. */
export function findJsonLdArticle(document: Document): Record<string, Json> | null {
  const nodes: Record<string, Json>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // Some CMSs wrap JSON-LD in CDATA or HTML comments.
      const raw = (script.textContent ?? '').replace(
        /^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g,
        '',
      );
      collectNodes(JSON.parse(raw), nodes);
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  // Prefer the richest node: pages often also carry a stub Article for a related item.
  articles.sort((a, b) => Object.keys(b).length - Object.keys(a).length);
  return articles[0] ?? null;
}

function metaContent(document: Document, names: string[]): string | null {
  for (const name of names) {
    const lower = name.toLowerCase();
    for (const meta of document.querySelectorAll('meta')) {
      const key = (
        meta.getAttribute('property') ??
        meta.getAttribute('name') ??
        meta.getAttribute('itemprop') ??
        ''
      )
        .toLowerCase()
        .trim();
      const content = meta.getAttribute('content')?.trim();
      if (key === lower && content) return content;
    }
  }
  return null;
}

function timeElementDate(document: Document): string | null {
  const preferred = document.querySelector(
    'time[pubdate][datetime], time[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]',
  );
  const el = preferred ?? document.querySelector('article time[datetime], time[datetime]');
  return normalizeDate(el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null);
}

/** Short elements whose class or id says they hold the byline or the date. */
function bylineBlocks(document: Document): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll('[class], [id], [rel="author"]')) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('rel') ?? ''}`;
    if (!/byline|author|posted|dateline|entry-meta|post-meta|pubdate|timestamp/i.test(label))
      continue;
    if (/comment|avatar|gallery|tab|widget|bio/i.test(label)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && text.length <= MAX_BYLINE_BLOCK_CHARS) out.push(text);
  }
  return out;
}

function markupByline(document: Document): string | null {
  for (const text of bylineBlocks(document)) {
    const m = text.match(
      /\b(?:posted by|written by|by)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|van|von|da|,))*)/u,
    );
    if (m) return m[1]!.replace(/[\s,]+$/, '');
  }
  const rel = document.querySelector(
    'a[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]',
  );
  const relText = rel?.textContent?.replace(/\s+/g, ' ').trim();
  return relText && relText.length <= MAX_BYLINE_BLOCK_CHARS ? relText : null;
}

function markupDate(document: Document): string | null {
  for (const text of bylineBlocks(document)) {
    const date = normalizeDate(text.replace(/\bby\s.*$/i, ''));
    if (date) return date;
  }
  return null;
}

/** Reads every metadata source a page offers. */
export function readPageMetadata(document: Document): PageMetadata {
  const ld = findJsonLdArticle(document);
  const ldAuthors = ld ? namesOf(ld.author ?? ld.creator ?? null) : [];
  const publisher = ld ? asRecord(ld.publisher) : null;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    metaContent(document, ['og:url']);
  const docTitle =
    document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const lang =
    primaryLanguage(firstString(ld?.inLanguage ?? null)) ??
    primaryLanguage(document.documentElement?.getAttribute('lang')) ??
    primaryLanguage(document.documentElement?.getAttribute('xml:lang')) ??
    primaryLanguage(
      metaContent(document, ['content-language', 'language', 'dc.language', 'og:locale']),
    );
  const httpLang = document
    .querySelector('meta[http-equiv="content-language" i]')
    ?.getAttribute('content');
  const articleBody =
    ld && typeof ld.articleBody === 'string' ? ld.articleBody.trim() || null : null;
  return {
    title:
      firstString(ld?.headline ?? null) ?? metaContent(document, ['og:title', 'twitter:title']),
    documentTitle: docTitle,
    byline:
      (ldAuthors.length > 0 ? ldAuthors.join(', ') : null) ??
      (metaContent(document, AUTHOR_METAS)?.replace(/^https?:\/\/\S+$/, '') || null) ??
      markupByline(document),
    published:
      normalizeDate(firstString(ld?.datePublished ?? ld?.dateCreated ?? null)) ??
      normalizeDate(metaContent(document, PUBLISHED_METAS)) ??
      timeElementDate(document) ??
      markupDate(document),
    modified:
      normalizeDate(firstString(ld?.dateModified ?? null)) ??
      normalizeDate(metaContent(document, MODIFIED_METAS)),
    language: lang ?? primaryLanguage(httpLang),
    site:
      metaContent(document, ['og:site_name', 'application-name']) ??
      firstString(publisher?.name ?? null),
    image: firstString(ld?.image ?? null) ?? metaContent(document, ['og:image', 'twitter:image']),
    description: metaContent(document, ['description', 'og:description']),
    canonical,
    articleBody,
  };
}

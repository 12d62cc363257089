// HTML page → ArticleDraft: @mozilla/readability on linkedom for the body, our own reading
// of the page's metadata, and a clean-up of what readability leaves in the body.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleDraft, CaptureHints, Result } from '../core/types.js';
import { canonicalizeUrl } from '../core/url.js';
import { cleanByline } from './clean-byline.js';
import { cleanTitle } from './clean-title.js';
import { guessLanguage } from './guess-language.js';
import { type BodyParts, findDensestBlock, splitBody } from './html-body.js';
import { capElements, capText, flattenDeepNesting } from './html-limits.js';
import { sanitizeBody } from './sanitize.js';
import { findStandfirsts } from './html-standfirst.js';
import { readPageMetadata } from './html-metadata.js';
import { dateFromUrl, normalizeDate } from './normalize-date.js';
import { joinParagraphs } from './paragraphs.js';
import { applySiteRule, findSiteRule, type SiteRule } from './site-rules.js';
import { HTML_EXTRACTOR_VERSION } from './versions.js';

/** A body shorter than this is probably readability's wrong guess; try the fallbacks too. */
const MIN_READABLE_CHARS = 250;
/** A page with less body text than this is not an article. */
const MIN_ARTICLE_CHARS = 40;
/** Linked headlines in the chosen content above this count mark a listing page. */
const LISTING_MIN_HEADLINES = 4;
/** A listing has at least one linked headline per this many words of content. */
const LISTING_WORDS_PER_HEADLINE = 100;

export type HtmlFailure = 'not-an-article' | 'empty' | 'unreadable';

/** Options for extractHtml: the page's URL and what a feed said about it. */
export interface HtmlOptions {
  url: string | null;
  hints?: CaptureHints;
  /** Per-site rules; the one for the page's host, if any, narrows what the extractor sees. */
  rules?: readonly SiteRule[];
}

interface ReadabilityOut {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  root: Element | null;
}

function runReadability(document: Document): ReadabilityOut | null {
  try {
    const article = new Readability(document as never, { keepClasses: true }).parse();
    if (!article?.content) return null;
    const { document: content } = parseHTML(
      `<!doctype html><html><body>${article.content}</body></html>`,
    );
    return {
      title: article.title ?? null,
      byline: article.byline ?? null,
      siteName: article.siteName ?? null,
      lang: article.lang ?? null,
      publishedTime: article.publishedTime ?? null,
      root: content.body as unknown as Element,
    };
  } catch {
    // Readability throws on some DOM shapes under linkedom; the fallbacks take over.
    return null;
  }
}

function countLinkedHeadlines(root: Element): number {
  let count = 0;
  for (const h of root.querySelectorAll('h1, h2, h3, h4')) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    const linked = [...h.querySelectorAll('a')].reduce(
      (n, a) => n + (a.textContent ?? '').trim().length,
      0,
    );
    if (text && linked >= text.length * 0.8) count++;
  }
  return count;
}

function isRootUrl(raw: string | null): boolean {
  if (!raw) return false;
  try {
    return new URL(raw).pathname.replace(/\/+$/, '') === '';
  } catch {
    return false;
  }
}

function headingsOf(document: Document): string[] {
  return [...document.querySelectorAll('h1, h2, [class*="title"], [class*="headline"]')]
    .slice(0, 40)
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0 && t.length < 300);
}

function parseDocument(html: string): Document | null {
  try {
    // linkedom leaves a bare fragment without <body>; readability needs one.
    const whole = /<(?:html|body)[\s>]/i.test(html)
      ? html
      : `<!doctype html><html><body>${html}</body></html>`;
    const { document } = parseHTML(whole);
    for (const t of [...document.querySelectorAll('template')]) t.remove();
    flattenDeepNesting(document.documentElement as unknown as Element);
    capElements(document.documentElement as unknown as Element);
    capText(document.documentElement as unknown as Element);
    return document as unknown as Document;
  } catch {
    return null;
  }
}

/**
 * Only a page's first 2 million characters are read. News pages run to a few hundred
 * thousand, and their article comes early; extraction time grows with the page (some
 * 0.4 s a million characters), so this bounds a hostile or broken page's cost.
 */
const MAX_HTML_CHARS = 2_000_000;

/** Extracts the article from an HTML page: clean body text, paragraphs and metadata. */
export function extractHtml(html: string, opts: HtmlOptions): Result<ArticleDraft, HtmlFailure> {
  if (!html.trim()) return { ok: false, reason: 'empty' };
  const page = html.slice(0, MAX_HTML_CHARS);
  const document = parseDocument(page);
  if (!document)
    return { ok: false, reason: 'unreadable', detail: 'html: the page could not be parsed' };
  const { url, hints } = opts;
  const meta = readPageMetadata(document);
  const headings = headingsOf(document);
  const urlIsArticle = !!url && !isRootUrl(url);
  const canonicalRaw =
    meta.canonical &&
    !(urlIsArticle && isRootUrl(canonicalizeUrl(meta.canonical, url ?? undefined)))
      ? meta.canonical
      : null;
  const deks = findStandfirsts(document, meta.description);
  const rawTitle = meta.title ?? meta.documentTitle ?? null;
  const site = meta.site ?? hints?.site ?? null;
  const rule = findSiteRule(url ?? meta.canonical, opts.rules ?? []);
  const overrides = rule ? applySiteRule(document, rule) : {};
  const readable = runReadability(document);
  const rawOrReadable = rawTitle ?? readable?.title ?? null;
  const cleaned = rawOrReadable ? cleanTitle(rawOrReadable, site, headings) : null;
  const title = overrides.title ?? (cleaned?.title || hints?.title?.trim() || null);

  let body: BodyParts = { paragraphs: [], relatedLinks: [], captions: [], other: [] };
  let bodyHtml: string | null = null;
  if (readable?.root) {
    const words = (readable.root.textContent ?? '').split(/\s+/).length;
    const headlines = countLinkedHeadlines(readable.root);
    const siteRoot = isRootUrl(canonicalizeUrl(meta.canonical ?? '', url ?? undefined));
    if (
      (headlines >= LISTING_MIN_HEADLINES && headlines * LISTING_WORDS_PER_HEADLINE >= words) ||
      (siteRoot && headlines >= 2)
    ) {
      return {
        ok: false,
        reason: 'not-an-article',
        detail: `html: a listing with ${headlines} linked headlines`,
      };
    }
    body = splitBody(readable.root, url, {
      titles: [title, meta.title, meta.documentTitle, readable.title].filter(
        (t): t is string => !!t,
      ),
      deks,
      byline: meta.byline ?? hints?.byline ?? readable.byline,
      articleBody: meta.articleBody,
    });
    bodyHtml = sanitizeBody(readable.root.innerHTML).trim() || null;
  }
  if (body.paragraphs.join(' ').length < MIN_READABLE_CHARS) {
    const fromLd =
      meta.articleBody
        ?.split(/\n\s*\n|\n/)
        .map((p) => p.trim())
        .filter(Boolean) ?? [];
    const fresh = fromLd.length > 0 ? null : parseDocument(page);
    const alternative = fromLd.length > 0 ? fromLd : fresh ? findDensestBlock(fresh) : [];
    if (alternative.join(' ').length > body.paragraphs.join(' ').length) {
      body = { ...body, paragraphs: alternative };
      bodyHtml = null;
    }
  }
  const { text, ranges } = joinParagraphs(body.paragraphs);
  if (text.length < MIN_ARTICLE_CHARS && !meta.articleBody) {
    return {
      ok: false,
      reason: 'not-an-article',
      detail: `html: only ${text.length} characters of body text`,
    };
  }
  const siteName = site ?? cleaned?.site ?? readable?.siteName ?? null;
  const base = url ?? undefined;
  const draft: ArticleDraft = {
    title,
    byline: cleanByline(
      overrides.byline ?? meta.byline ?? hints?.byline ?? readable?.byline,
      siteName,
    ),
    published:
      overrides.published ??
      meta.published ??
      normalizeDate(hints?.published) ??
      normalizeDate(readable?.publishedTime) ??
      dateFromUrl(url),
    modified: meta.modified,
    language: meta.language ?? readable?.lang?.slice(0, 2).toLowerCase() ?? guessLanguage(text),
    site: siteName,
    url,
    canonicalUrl:
      (canonicalRaw ? canonicalizeUrl(canonicalRaw, base) : null) ??
      (url ? canonicalizeUrl(url) : null),
    image: meta.image ? (canonicalizeUrl(meta.image, base) ?? meta.image) : null,
    text,
    paragraphs: ranges,
    relatedLinks: body.relatedLinks,
    boilerplate: { captions: body.captions, other: body.other },
    html: bodyHtml,
    extractor: HTML_EXTRACTOR_VERSION,
    dateline: null,
  };
  return { ok: true, value: draft };
}

// Mapping each format's parsed shape (from feedsmith) onto one candidate shape. Nothing
// here is trusted yet: candidates are checked by item-schema.ts before they leave.
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { escapeHtml } from '../../core/escape-html.js';
import { sha256 } from '../../core/hash.js';
import { parseFeedDate } from './dates.js';
import { cleanString, textToHtml, toPlainText } from './text.js';
import type { FeedItem } from './types.js';

/** An item before validation: the same fields as FeedItem, not yet checked. */
export type ItemCandidate = Omit<FeedItem, 'guid'> & { guid: string | null };

export interface FeedCandidate {
  title: string | null;
  siteUrl: string | null;
  items: ItemCandidate[];
}

/** An absolute http(s) URL from a possibly relative one, or null. */
export function resolveUrl(raw: unknown, base: string | null): string | null {
  const value = cleanString(raw);
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Fills a missing guid: the URL, else a hash of what identifies the item. */
function withGuid(item: ItemCandidate): ItemCandidate {
  if (item.guid) return item;
  if (item.url) return { ...item, guid: item.url };
  const basis =
    item.title || item.published
      ? `${item.title ?? ''}\n${item.published ?? ''}`
      : (item.contentHtml ?? item.summary);
  return { ...item, guid: basis ? `sha256:${sha256(basis)}` : null };
}

/** Atom and friends mark text as "text", "html" or "xhtml"; we hand HTML onward. */
function typedTextToHtml(value: string | undefined, type: string | undefined): string | null {
  if (!cleanString(value)) return null;
  const kind = (type ?? 'text').toLowerCase();
  if (kind === 'html' || kind === 'xhtml' || kind.includes('html')) return value!.trim();
  return textToHtml(value);
}

function plainSummary(value: string | undefined): string | null {
  const text = cleanString(value);
  return text ? escapeHtml(text) : null;
}

function firstName(people: Array<{ name?: string }> | undefined): string | null {
  return toPlainText(people?.find((p) => cleanString(p.name))?.name);
}

function normalizeRss(feed: RssFeed.Feed<string>, base: string | null): FeedCandidate {
  const siteUrl = resolveUrl(feed.link, base);
  const itemBase = base ?? siteUrl;
  const items = (feed.items ?? []).map((item): ItemCandidate => {
    const guid = cleanString(item.guid?.value);
    // An RSS guid is a permalink unless it says otherwise.
    const permalink = guid && item.guid?.isPermaLink !== false ? resolveUrl(guid, null) : null;
    return {
      guid,
      url: resolveUrl(item.link, itemBase) ?? permalink,
      title: toPlainText(item.title),
      published: parseFeedDate(item.pubDate) ?? parseFeedDate(item.dc?.dates?.[0]),
      updated: parseFeedDate(item.atom?.updated) ?? parseFeedDate(item.dcterms?.modified?.[0]),
      author:
        toPlainText(item.authors?.[0]?.name) ??
        toPlainText(item.dc?.creators?.[0]) ??
        cleanString(item.authors?.[0]?.email),
      summary: cleanString(item.description),
      contentHtml: cleanString(item.content?.encoded),
    };
  });
  return { title: toPlainText(feed.title), siteUrl, items };
}

function normalizeRdf(feed: RdfFeed.Feed<string>, base: string | null): FeedCandidate {
  const siteUrl = resolveUrl(feed.link, base);
  const itemBase = base ?? siteUrl;
  const items = (feed.items ?? []).map(
    (item): ItemCandidate => ({
      guid: cleanString(item.rdf?.about),
      url: resolveUrl(item.link, itemBase) ?? resolveUrl(item.rdf?.about, itemBase),
      title: toPlainText(item.title),
      published: parseFeedDate(item.dc?.dates?.[0]),
      updated: parseFeedDate(item.dcterms?.modified?.[0]),
      author: toPlainText(item.dc?.creators?.[0]),
      summary: cleanString(item.description),
      contentHtml: cleanString(item.content?.encoded),
    }),
  );
  return { title: toPlainText(feed.title), siteUrl, items };
}

/** The page an Atom entry or feed points at: rel="alternate" (the default rel). */
function atomAlternate(
  links: Array<AtomFeed.Link<string>> | undefined,
  base: string | null,
): string | null {
  const candidates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const html = candidates.find((l) => !l.type || l.type.includes('html')) ?? candidates[0];
  return resolveUrl(html?.href, base);
}

function normalizeAtom(feed: AtomFeed.Feed<string>, base: string | null): FeedCandidate {
  const siteUrl = atomAlternate(feed.links, base);
  const itemBase = base ?? siteUrl;
  const feedAuthor = firstName(feed.authors);
  const items = (feed.entries ?? []).map((entry): ItemCandidate => {
    const updated = parseFeedDate(entry.updated);
    return {
      guid: cleanString(entry.id),
      url: atomAlternate(entry.links, itemBase),
      title: toPlainText(entry.title?.value),
      // Atom requires <updated> but not <published>; the first is the best we have.
      published: parseFeedDate(entry.published) ?? updated,
      updated,
      // An entry without an author inherits the feed's (RFC 4287 §4.1.1).
      author: firstName(entry.authors) ?? feedAuthor,
      summary: typedTextToHtml(entry.summary?.value, entry.summary?.type),
      contentHtml: entry.content?.src
        ? null
        : typedTextToHtml(entry.content?.value, entry.content?.type),
    };
  });
  return { title: toPlainText(feed.title?.value), siteUrl, items };
}

function normalizeJson(feed: JsonFeed.Feed<string>, base: string | null): FeedCandidate {
  const siteUrl = resolveUrl(feed.home_page_url, base);
  const itemBase = base ?? siteUrl;
  const feedAuthor = firstName(feed.authors);
  const items = (feed.items ?? []).map(
    (item): ItemCandidate => ({
      guid: cleanString(item.id),
      url: resolveUrl(item.url, itemBase) ?? resolveUrl(item.external_url, itemBase),
      title: toPlainText(item.title),
      published: parseFeedDate(item.date_published),
      updated: parseFeedDate(item.date_modified),
      author: firstName(item.authors) ?? feedAuthor,
      summary: plainSummary(item.summary),
      contentHtml: cleanString(item.content_html) ?? textToHtml(item.content_text),
    }),
  );
  return { title: toPlainText(feed.title), siteUrl, items };
}

/** The candidate feed for any format feedsmith recognised. */
export function normalizeFeed(parsed: AnyFeed<string>, base: string | null): FeedCandidate {
  const candidate =
    parsed.format === 'rss'
      ? normalizeRss(parsed.feed, base)
      : parsed.format === 'rdf'
        ? normalizeRdf(parsed.feed, base)
        : parsed.format === 'atom'
          ? normalizeAtom(parsed.feed, base)
          : normalizeJson(parsed.feed, base);
  return { ...candidate, items: candidate.items.map(withGuid) };
}

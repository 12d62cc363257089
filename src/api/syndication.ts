// Feeds out: an Atom, RSS and JSON Feed per story (its newest articles) and per watch (its
// matches), so any feed reader can follow them. Entries link to the article reader on
// this server's own origin; the outlet's original link is kept in the entry's content.
import { Feed, type Item } from 'feed';
import type { Hono } from 'hono';
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import { escapeHtml } from '../core/escape-html.js';
import type { ApiDeps } from './app.js';
import type { RouteDoc } from './openapi.js';
import { IdParams } from './schemas.js';

export type FeedFormat = 'atom' | 'rss' | 'json';

const FORMATS: readonly FeedFormat[] = ['atom', 'rss', 'json'];

/** The media type each format is served with. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Entries per feed: readers poll often, so the newest fifty cover any sane interval. */
const FEED_ENTRIES = 50;
/** Characters of article text in an entry's summary: a teaser, not a copy of the article. */
const LEAD_CHARS = 280;

/** One article as a feed entry. */
export interface FeedEntry {
  articleId: number;
  title: string | null;
  source: string;
  /** The outlet's own link. */
  url: string | null;
  published: string | null;
  /** When sitrep took it in (or matched it): the entry's date when it has no publish time. */
  seen: string;
  lead: string;
}

/** What a feed is about, with its page and feed URLs (absolute). */
export interface FeedMeta {
  id: string;
  title: string;
  description: string;
  pageUrl: string;
  /** The feed URLs without their extension: `${feedBase}.atom` and so on. */
  feedBase: string;
}

// XML 1.0 refuses these even when escaped; feeds come from article text, which may hold them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

function clean(text: string): string {
  return text.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
}

function dateOf(value: string | null): Date | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The opening of a text, cut at a word, for an entry's summary. */
export function leadOf(text: string): string {
  const flat = clean(text);
  if (flat.length <= LEAD_CHARS) return flat;
  const cut = flat.slice(0, LEAD_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LEAD_CHARS / 2))}…`;
}

function entryHtml(entry: FeedEntry): string {
  const original = entry.url && /^https?:\/\//i.test(entry.url) ? entry.url : null;
  const lead = entry.lead ? `<p>${escapeHtml(clean(entry.lead))}</p>` : '';
  const link = original ? ` · <a href="${escapeHtml(original)}">original</a>` : '';
  return `${lead}<p>${escapeHtml(clean(entry.source))}${link}</p>`;
}

/**
 * Renders a feed. Atom and RSS carry titles as HTML (Atom says type="html"), so they are
 * escaped there, which also keeps "]]>" out of the CDATA sections the library writes.
 */
export function renderFeed(
  format: FeedFormat,
  meta: FeedMeta,
  entries: FeedEntry[],
  origin: string,
): string {
  const asHtml = format !== 'json';
  const updated = entries
    .map((e) => dateOf(e.published) ?? dateOf(e.seen))
    .find((d) => d !== undefined);
  const feed = new Feed({
    id: meta.id,
    title: clean(meta.title),
    description: clean(meta.description),
    link: meta.pageUrl,
    updated: updated ?? new Date(0),
    generator: 'sitrep',
    feedLinks: {
      atom: `${meta.feedBase}.atom`,
      rss: `${meta.feedBase}.rss`,
      json: `${meta.feedBase}.json`,
    },
  });
  for (const entry of entries) {
    const link = `${origin}/articles/${entry.articleId}`;
    const title =
      clean(entry.title ?? '') || clean(entry.lead).slice(0, 80) || `Article ${entry.articleId}`;
    const item: Item = {
      id: link,
      title: asHtml ? escapeHtml(title) : title,
      link,
      date: dateOf(entry.published) ?? dateOf(entry.seen) ?? new Date(0),
      published: dateOf(entry.published),
      description: entryHtml(entry),
      author: [{ name: clean(entry.source) }],
    };
    feed.addItem(item);
  }
  return format === 'atom' ? feed.atom1() : format === 'rss' ? feed.rss2() : feed.json1();
}

type Parse = <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>;

/** Adds the lead of each article to entries listed without one. */
async function withLeads(
  deps: ApiDeps,
  entries: Array<Omit<FeedEntry, 'lead'>>,
): Promise<FeedEntry[]> {
  const articles = await deps.store.articles.getMany(entries.map((e) => e.articleId));
  const text = new Map(articles.map((a) => [a.id, a.text]));
  return entries.map((e) => ({ ...e, lead: leadOf(text.get(e.articleId) ?? '') }));
}

async function storyFeed(
  deps: ApiDeps,
  id: number,
  origin: string,
): Promise<{ meta: FeedMeta; entries: FeedEntry[] }> {
  const story = await deps.store.stories.get(id);
  if (!story) throw new SitrepError('NOT_FOUND', `story ${id}`);
  const members = await deps.store.stories.members(story.id);
  const newest = members
    .map((m) => ({
      articleId: m.articleId,
      title: m.title,
      source: m.source,
      url: m.url,
      published: m.published,
      seen: m.ingested,
    }))
    .sort(
      (a, b) =>
        (b.published ?? b.seen).localeCompare(a.published ?? a.seen) || b.articleId - a.articleId,
    )
    .slice(0, FEED_ENTRIES);
  const title = story.title ?? `Story ${story.id}`;
  return {
    meta: {
      id: `${origin}/stories/${story.id}`,
      title: `${title} (sitrep story)`,
      description: `The newest reports of this story: ${story.articles} articles from ${story.sources} outlets.`,
      pageUrl: `${origin}/stories/${story.id}`,
      feedBase: `${origin}/api/stories/${story.id}/feed`,
    },
    entries: await withLeads(deps, newest),
  };
}

async function watchFeed(
  deps: ApiDeps,
  id: number,
  origin: string,
): Promise<{ meta: FeedMeta; entries: FeedEntry[] }> {
  const watch = await deps.store.watches.get(id);
  if (!watch) throw new SitrepError('NOT_FOUND', `watch ${id}`);
  const matches = await deps.store.watches.inbox({ watchId: id, limit: FEED_ENTRIES });
  const entries = matches.map((m) => ({
    articleId: m.articleId,
    title: m.title,
    source: m.source,
    url: m.url,
    published: m.published,
    seen: m.matchedAt,
  }));
  return {
    meta: {
      id: `${origin}/watches/${watch.id}`,
      title: `${watch.name} (sitrep watch)`,
      description: `Articles matching the watch "${watch.name}", newest first.`,
      // The id stays as first published (readers key on it); the page is the inbox view.
      pageUrl: `${origin}/watches?watch=${watch.id}`,
      feedBase: `${origin}/api/watches/${watch.id}/feed`,
    },
    entries: await withLeads(deps, entries),
  };
}

const FEED_DOC = 'Atom 1.0 (.atom), RSS 2.0 (.rss) or JSON Feed 1 (.json), by extension';

/** The syndication endpoints, for the OpenAPI document. */
export const SYNDICATION_ROUTES: RouteDoc[] = FORMATS.flatMap((format) => [
  {
    path: `/api/stories/:id/feed.${format}`,
    summary: `A story's newest articles as a feed; ${FEED_DOC}`,
    params: IdParams,
    response: z.string().describe(FEED_CONTENT_TYPES[format]),
  },
  {
    path: `/api/watches/:id/feed.${format}`,
    summary: `A watch's matches, newest first, as a feed; ${FEED_DOC}`,
    params: IdParams,
    response: z.string().describe(FEED_CONTENT_TYPES[format]),
  },
]);

/** Adds the story and watch feeds (Atom, RSS, JSON Feed). */
export function mountSyndicationRoutes(app: Hono, deps: ApiDeps, parse: Parse): void {
  for (const format of FORMATS) {
    app.get(`/api/stories/:id/feed.${format}`, async (c) => {
      const origin = new URL(c.req.url).origin;
      const { meta, entries } = await storyFeed(deps, parse(IdParams, c.req.param()).id, origin);
      return c.body(renderFeed(format, meta, entries, origin), 200, {
        'content-type': FEED_CONTENT_TYPES[format],
      });
    });
    app.get(`/api/watches/:id/feed.${format}`, async (c) => {
      const origin = new URL(c.req.url).origin;
      const { meta, entries } = await watchFeed(deps, parse(IdParams, c.req.param()).id, origin);
      return c.body(renderFeed(format, meta, entries, origin), 200, {
        'content-type': FEED_CONTENT_TYPES[format],
      });
    });
  }
}

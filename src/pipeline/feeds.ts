// Feeds: adding them, polling them with conditional GET, and backing off when they fail.
// A failing feed records its error on its own row and never stops the others.
import { sleep } from '../core/sleep.js';
import { decodeBytes } from '../core/charset.js';
import { describeError } from '../core/errors.js';
import type { Capture } from '../core/types.js';
import { canonicalizeUrl, hostOf } from '../core/url.js';
import type { FetchedPage, FetchFailure } from '../ingest/fetch/index.js';
import { discoverFeeds, type FeedItem, looksLikeFeed, parseFeed } from '../ingest/feeds/index.js';
import type { OpmlFeed } from '../ingest/opml.js';
import type { FeedRow } from '../store/index.js';
import { afterIngest } from './after-ingest.js';
import type { PipelineContext } from './context.js';
import { addCounts, emptyCounts, type IngestCounts, type ItemFailure, type PendingCapture, storeCaptures } from './store-captures.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
/** The longest a failing feed waits between polls: it is retried at least daily. */
const MAX_BACKOFF_MINUTES = 24 * 60;
/** Failures double the wait up to 2^6 = 64 times the normal interval. */
const MAX_BACKOFF_DOUBLINGS = 6;
/** Feeds added from one front page: its main feeds, not every section's. */
const MAX_DISCOVERED_FEEDS = 3;
/** New items fetched per poll: a feed that suddenly lists thousands is read over several polls. */
const MAX_ITEMS_PER_POLL = 100;

export interface FeedPollResult extends IngestCounts {
  feedId: number;
  error: string | null;
  failures: ItemFailure[];
  articleIds: number[];
}

/** Adds feeds from an OPML list; returns how many were new. */
export async function addFeeds(ctx: Pick<PipelineContext, 'store'>, feeds: OpmlFeed[]): Promise<number> {
  let added = 0;
  for (const feed of feeds) {
    const url = canonicalizeUrl(feed.url);
    if (url && (await ctx.store.feeds.add(url, feed.title ?? null, feed.siteUrl ?? null)).added) added++;
  }
  return added;
}

/** A fetch failure in one plain line; DNS and connection failures say "no network" first. */
export function describeFetchFailure(failure: { reason: FetchFailure; detail?: string }): string {
  const detail = failure.detail ?? failure.reason;
  return failure.reason === 'network' ? `no network: ${detail}` : detail;
}

/** When a feed should next be polled, given how many times in a row it has failed. */
export function nextPollTime(now: Date, intervalMinutes: number, consecutiveErrors: number): string {
  const factor = 2 ** Math.min(consecutiveErrors, MAX_BACKOFF_DOUBLINGS);
  const minutes = Math.min(intervalMinutes * factor, MAX_BACKOFF_MINUTES);
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

function pageCapture(page: FetchedPage, origin: string): Capture {
  const plain = page.contentType?.startsWith('text/plain') ?? false;
  return {
    kind: plain ? 'text' : 'html',
    origin,
    url: page.url,
    fetchedAt: page.fetchedAt,
    status: page.status,
    contentType: page.contentType,
    charset: page.charset,
    body: page.body,
    etag: page.etag,
    lastModified: page.lastModified,
  };
}

function itemCapture(item: FeedItem, feedTitle: string | null): Capture | undefined {
  const content = item.contentHtml ?? item.summary;
  if (!content || !item.url) return undefined;
  return {
    kind: 'html',
    origin: item.url,
    url: item.url,
    fetchedAt: new Date().toISOString(),
    status: null,
    contentType: 'text/html',
    charset: 'utf-8',
    body: new TextEncoder().encode(content),
    hints: { title: item.title, published: item.published, byline: item.author, site: feedTitle, url: item.url },
  };
}

/** Fetches each new item's page; when the page can't be had, the item's own content stands in. */
async function captureItems(ctx: PipelineContext, items: FeedItem[], feed: FeedRow, feedTitle: string | null): Promise<PendingCapture[]> {
  const pending: PendingCapture[] = [];
  for (const item of items) {
    const fallback = itemCapture(item, feedTitle);
    const hints = { title: item.title, published: item.published, byline: item.author, site: feedTitle, url: item.url, content: item.contentHtml ?? item.summary };
    const page = item.url ? await ctx.fetcher.fetch(item.url) : null;
    if (page?.ok && !page.value.notModified) {
      pending.push({ capture: { ...pageCapture(page.value, item.url!), hints }, label: item.url!, feedId: feed.id, fallback });
    } else if (fallback) {
      pending.push({ capture: fallback, label: item.url ?? item.guid, feedId: feed.id });
    } else {
      ctx.log.warn({ feed: feed.url, item: item.url }, `item skipped: ${page && !page.ok ? page.detail ?? page.reason : 'no link and no content'}`);
    }
  }
  return pending;
}

/** Polls one feed: conditional GET, new items fetched and stored, the outcome recorded on the feed. */
export async function pollFeed(ctx: PipelineContext, feed: FeedRow): Promise<FeedPollResult> {
  const result: FeedPollResult = { ...emptyCounts(), feedId: feed.id, error: null, failures: [], articleIds: [] };
  const now = new Date();
  const fail = async (error: string) => {
    result.error = error;
    await ctx.store.feeds.recordError(feed.id, error, nextPollTime(now, ctx.pollIntervalMinutes, feed.errorCount + 1));
    ctx.log.warn({ feed: feed.url }, `feed failed: ${error}`);
    return result;
  };
  const fetched = await ctx.fetcher.fetch(feed.url, { etag: feed.etag, lastModified: feed.lastModified, accept: FEED_ACCEPT });
  if (!fetched.ok) return fail(describeFetchFailure(fetched));
  const page = fetched.value;
  const next = nextPollTime(now, ctx.pollIntervalMinutes, 0);
  if (page.notModified) {
    await ctx.store.feeds.recordSuccess(feed.id, { etag: page.etag ?? feed.etag, lastModified: page.lastModified ?? feed.lastModified, newItems: 0, nextPollAt: next });
    return result;
  }
  const parsed = parseFeed(decodeBytes(page.body, page.contentType).text, page.url);
  if (!parsed.ok) return fail(`not a valid feed: ${parsed.detail ?? parsed.reason}`);
  const urls = parsed.value.items.map((i) => i.url).filter((u): u is string => u !== null);
  const known = await ctx.store.documents.knownUrls([...urls, ...urls.map((u) => canonicalizeUrl(u) ?? u)]);
  const fresh = parsed.value.items
    .filter((i) => !i.url || (!known.has(i.url) && !known.has(canonicalizeUrl(i.url) ?? i.url)))
    .slice(0, MAX_ITEMS_PER_POLL);
  const title = parsed.value.title ?? feed.title;
  const pending = await captureItems(ctx, fresh, feed, title);
  const stored = await storeCaptures(ctx, pending, title ?? hostOf(feed.url) ?? feed.url);
  Object.assign(result, stored.counts, { failures: stored.failures, articleIds: stored.articleIds });
  await ctx.store.feeds.recordSuccess(feed.id, {
    etag: page.etag,
    lastModified: page.lastModified,
    title: parsed.value.title,
    siteUrl: parsed.value.siteUrl,
    newItems: stored.counts.added,
    nextPollAt: next,
  });
  return result;
}

/**
 * Polls a feed; a fault pollFeed does not expect (a bug, the store failing) is recorded on
 * the feed like a failed fetch, so it backs off and the rest of the round goes on.
 * Otherwise the feed would stay due and stop every round at the same place.
 */
async function pollFeedOrRecord(ctx: PipelineContext, feed: FeedRow): Promise<FeedPollResult> {
  try {
    return await pollFeed(ctx, feed);
  } catch (err) {
    const error = `poll failed: ${describeError(err)}`;
    ctx.log.error({ feed: feed.url, err }, error);
    const next = nextPollTime(new Date(), ctx.pollIntervalMinutes, feed.errorCount + 1);
    await ctx.store.feeds.recordError(feed.id, error, next).catch(() => {});
    return { ...emptyCounts(), feedId: feed.id, error, failures: [], articleIds: [] };
  }
}

/** Polls every feed whose time has come, one after another. */
export async function pollDueFeeds(ctx: PipelineContext): Promise<FeedPollResult[]> {
  const due = await ctx.store.feeds.due(new Date().toISOString());
  const results: FeedPollResult[] = [];
  for (const [index, feed] of due.entries()) {
    results.push(await pollFeedOrRecord(ctx, feed));
    ctx.onProgress?.({ phase: 'feed', done: index + 1, total: due.length, label: feed.url });
  }
  return results;
}

type UrlIngest = { counts: IngestCounts; failures: ItemFailure[]; articleIds: number[]; feedsAdded: number };

/** Adds a feed (if new) and polls it now. */
async function subscribe(ctx: PipelineContext, feedUrl: string, label: string): Promise<UrlIngest> {
  const { id, added } = await ctx.store.feeds.add(canonicalizeUrl(feedUrl) ?? feedUrl, null, null);
  const feed = await ctx.store.feeds.get(id);
  const polled = feed ? await pollFeed(ctx, { ...feed, etag: null, lastModified: null }) : null;
  if (polled?.error) polled.failures.push({ label, reason: polled.error });
  // Only the counts: addCounts() sums every key it is given, arrays included.
  const { added: stored, duplicates, unchanged, skipped, failed, queued } = polled ?? emptyCounts();
  return {
    counts: { added: stored, duplicates, unchanged, skipped, failed, queued },
    failures: polled?.failures ?? [],
    articleIds: polled?.articleIds ?? [],
    feedsAdded: added ? 1 : 0,
  };
}

/**
 * Ingests one URL: a feed is added and polled; a page is captured and extracted; a page
 * that is not an article (a site's front page) has the feeds it advertises added instead.
 */
export async function ingestUrl(ctx: PipelineContext, url: string, fallbackSource: string): Promise<UrlIngest> {
  const fetched = await ctx.fetcher.fetch(url);
  if (!fetched.ok) {
    return { counts: { ...emptyCounts(), failed: 1 }, failures: [{ label: url, reason: describeFetchFailure(fetched) }], articleIds: [], feedsAdded: 0 };
  }
  const page = fetched.value;
  const text = decodeBytes(page.body, page.contentType).text;
  if (looksLikeFeed(page.contentType, text)) return subscribe(ctx, page.url, url);
  const stored = await storeCaptures(ctx, [{ capture: pageCapture(page, url), label: url }], hostOf(page.url) ?? fallbackSource);
  const discovered = stored.counts.skipped > 0 ? discoverFeeds(text, page.url).slice(0, MAX_DISCOVERED_FEEDS) : [];
  const result: UrlIngest = { ...stored, feedsAdded: 0 };
  for (const feedUrl of discovered) {
    const part = await subscribe(ctx, feedUrl, feedUrl);
    addCounts(result.counts, part.counts);
    result.failures.push(...part.failures);
    result.articleIds.push(...part.articleIds);
    result.feedsAdded += part.feedsAdded;
  }
  return result;
}

/**
 * Polls due feeds and analyzes what they brought, until the signal aborts, waking at
 * least once a minute. A round that fails is logged and the next one goes on.
 */
export async function watchFeeds(ctx: PipelineContext, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await pollDueFeeds(ctx);
      await afterIngest(ctx);
    } catch (err) {
      ctx.log.error(`feed round failed: ${describeError(err)}`);
    }
    const feeds = await ctx.store.feeds.list();
    const nextDue = Math.min(...feeds.map((f) => (f.nextPollAt ? Date.parse(f.nextPollAt) : 0)), Date.now() + 60_000);
    await sleep(Math.max(1000, nextDue - Date.now()), signal);
  }
}

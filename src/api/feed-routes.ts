// Feed endpoints: list feeds with their health, add one and poll it now, import OPML, add
// the starter list (only when asked), unsubscribe, and poll a feed on demand. A feed that
// fails reports it on its own row ("no network: …" when DNS or the connection fails).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { describeError, SitrepError } from '../core/errors.js';
import { canonicalizeUrl } from '../core/url.js';
import { parseOpml } from '../ingest/opml.js';
import { STARTER_FEEDS } from '../ingest/starter-feeds.js';
import { afterIngest } from '../pipeline/after-ingest.js';
import type { PipelineContext } from '../pipeline/context.js';
import { addFeeds, type FeedPollResult, pollFeed } from '../pipeline/feeds.js';
import type { FeedRow, Store } from '../store/index.js';
import type { ApiDeps } from './app.js';
import { requireWrite } from './auth.js';
import type { RouteDoc } from './openapi.js';
import { IdParams, readJsonBody, readOptionalJsonBody } from './schemas.js';

type Parse = <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>;

const HttpUrl = z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' });

export const FeedBody = z.object({ url: HttpUrl });

export const StarterBody = z.object({
  urls: z
    .array(z.string())
    .optional()
    .describe('only these starter feeds; all of them when absent'),
});

export const FeedOut = z.object({
  id: z.number().int(),
  url: z.string(),
  title: z.string().nullable(),
  siteUrl: z.string().nullable(),
  status: z
    .enum(['new', 'ok', 'failing'])
    .describe('new: never polled; failing: the last poll failed'),
  items: z.number().int().describe('articles the feed has brought'),
  errors: z.number().int().describe('polls failed in a row'),
  lastError: z.string().nullable(),
  lastPolled: z.string().nullable(),
  nextPoll: z.string().nullable(),
});

const FeedList = z.object({ items: z.array(FeedOut) });

const PollOut = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  failures: z.array(z.object({ label: z.string(), reason: z.string() })),
  articleIds: z.array(z.number().int()),
});

const FeedPolled = z.object({ feed: FeedOut, added: z.boolean(), poll: PollOut.nullable() });
const FeedsAdded = z.object({
  found: z.number().int(),
  added: z.number().int(),
  items: z.array(FeedOut),
});
const StarterList = z.object({
  items: z.array(
    z.object({ title: z.string(), url: z.string(), site: z.string(), subscribed: z.boolean() }),
  ),
});

/** One feed as the API shows it. */
export function feedOut(row: FeedRow): z.infer<typeof FeedOut> {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.siteUrl,
    status: row.lastPolledAt === null ? 'new' : row.lastError ? 'failing' : 'ok',
    items: row.itemCount,
    errors: row.errorCount,
    lastError: row.lastError,
    lastPolled: row.lastPolledAt,
    nextPoll: row.nextPollAt,
  };
}

function pollOut(result: FeedPollResult): z.infer<typeof PollOut> {
  const { added, duplicates, unchanged, skipped, failed, error, failures, articleIds } = result;
  return { added, duplicates, unchanged, skipped, failed, error, failures, articleIds };
}

export const FEED_ROUTES: RouteDoc[] = [
  {
    path: '/api/feeds',
    summary: 'Feeds with their status, item and error counts, last error, last and next poll',
    response: FeedList,
  },
  {
    method: 'post',
    path: '/api/feeds',
    summary: 'Add a feed and poll it now; a failed fetch is reported on the feed row',
    body: FeedBody,
    response: FeedPolled,
  },
  {
    method: 'post',
    path: '/api/feeds/opml',
    summary:
      'Import an OPML subscription list (the body, or a multipart `file`); new feeds are polled in the background',
    body: z.string().describe('OPML 2.0'),
    response: FeedsAdded,
  },
  {
    method: 'delete',
    path: '/api/feeds/:id',
    summary: 'Unsubscribe; stored articles stay',
    params: IdParams,
    response: z.object({ removed: z.literal(true) }),
  },
  {
    method: 'post',
    path: '/api/feeds/:id/poll',
    summary: 'Poll one feed now',
    params: IdParams,
    response: FeedPolled,
  },
  {
    path: '/api/feeds/starter',
    summary: 'A starter list of well-known public world-news feeds',
    response: StarterList,
  },
  {
    method: 'post',
    path: '/api/feeds/starter',
    summary: 'Add the starter feeds (all, or those listed); they are polled in the background',
    body: StarterBody,
    response: FeedsAdded,
  },
];

/** The OPML text of a request: a multipart upload's first file, or the raw body. */
async function opmlText(c: Context): Promise<string> {
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await c.req.parseBody({ all: true });
    const file = Object.values(form)
      .flat()
      .find((v): v is File => v instanceof File);
    if (!file) throw new SitrepError('BAD_REQUEST', 'no OPML file in the upload');
    return file.text();
  }
  return c.req.text();
}

/** Feeds added since `before`: the ids a batch add created. */
async function newFeeds(store: Store, before: Set<number>): Promise<FeedRow[]> {
  return (await store.feeds.list()).filter((f) => !before.has(f.id));
}

/** Polls feeds one after another without holding up the answer, then analyzes what came. */
function pollInBackground(ctx: PipelineContext, feeds: FeedRow[]): void {
  if (feeds.length === 0) return;
  const run = async () => {
    for (const feed of feeds) await pollFeed(ctx, feed);
    await afterIngest(ctx);
  };
  run().catch((err) => ctx.log.error(`background feed poll failed: ${describeError(err)}`));
}

/** Polls a feed now and analyzes what it brought; answers with the feed's row after it. */
async function pollNow(ctx: PipelineContext, feed: FeedRow, added: boolean) {
  const result = await pollFeed(ctx, feed);
  if (result.articleIds.length > 0) await afterIngest(ctx);
  const row = await ctx.store.feeds.get(feed.id);
  return { feed: feedOut(row ?? feed), added, poll: pollOut(result) };
}

/** Adds the feed endpoints; writes need a token. */
export function mountFeedRoutes(app: Hono, deps: ApiDeps, parse: Parse): void {
  const { store } = deps;
  // The global authenticate() middleware refuses such writes too; this says so at the route.
  const write: MiddlewareHandler = requireWrite();
  const pipeline = (): PipelineContext => {
    if (!deps.pipeline) throw new SitrepError('INGEST_UNAVAILABLE');
    return deps.pipeline;
  };
  const feedOr404 = async (id: number) => {
    const feed = await store.feeds.get(id);
    if (!feed) throw new SitrepError('NOT_FOUND', `feed ${id}`);
    return feed;
  };
  const addMany = async (
    c: Context,
    feeds: Array<{ url: string; title: string | null; siteUrl: string | null }>,
  ) => {
    const before = new Set((await store.feeds.list()).map((f) => f.id));
    const added = await addFeeds(
      { store },
      feeds.map((f) => ({ ...f, category: null })),
    );
    const fresh = await newFeeds(store, before);
    if (deps.pipeline) pollInBackground(deps.pipeline, fresh);
    return c.json({ found: feeds.length, added, items: fresh.map(feedOut) });
  };

  app.get('/api/feeds', async (c) => c.json({ items: (await store.feeds.list()).map(feedOut) }));

  app.get('/api/feeds/starter', async (c) => {
    const known = new Set((await store.feeds.list()).map((f) => f.url));
    const items = STARTER_FEEDS.map((f) => ({
      ...f,
      subscribed: known.has(canonicalizeUrl(f.url) ?? f.url),
    }));
    return c.json({ items });
  });

  app.post('/api/feeds', write, async (c) => {
    const ctx = pipeline();
    const { url } = parse(FeedBody, await readJsonBody(c));
    const { id, added } = await store.feeds.add(canonicalizeUrl(url) ?? url, null, null);
    const feed = await feedOr404(id);
    // A feed added again is polled afresh, without the validators of its last poll.
    return c.json(await pollNow(ctx, { ...feed, etag: null, lastModified: null }, added));
  });

  app.post('/api/feeds/opml', write, async (c) => {
    const parsed = parseOpml(await opmlText(c));
    if (!parsed.ok)
      throw new SitrepError('BAD_REQUEST', parsed.detail ?? 'not a readable OPML file');
    return addMany(c, parsed.value);
  });

  app.post('/api/feeds/starter', write, async (c) => {
    const { urls } = parse(StarterBody, await readOptionalJsonBody(c));
    const chosen = urls ? STARTER_FEEDS.filter((f) => urls.includes(f.url)) : STARTER_FEEDS;
    if (urls && chosen.length !== urls.length)
      throw new SitrepError('BAD_REQUEST', 'urls: only starter feeds may be listed');
    return addMany(
      c,
      chosen.map((f) => ({ url: f.url, title: f.title, siteUrl: f.site })),
    );
  });

  app.delete('/api/feeds/:id', write, async (c) => {
    const { id } = parse(IdParams, c.req.param());
    await feedOr404(id);
    await store.transaction((repos) => repos.feeds.remove(id));
    return c.json({ removed: true as const });
  });

  app.post('/api/feeds/:id/poll', write, async (c) => {
    const ctx = pipeline();
    const feed = await feedOr404(parse(IdParams, c.req.param()).id);
    return c.json(await pollNow(ctx, feed, false));
  });
}

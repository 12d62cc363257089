// Watch endpoints: saved queries, their inbox of matches (paged, with read state) and
// their webhook deliveries. A watch's webhook secret is shown only to those who may write.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import { checkWebhookUrl } from '../pipeline/webhooks.js';
import { canWrite, type Store, toFtsQuery, type Watch } from '../store/index.js';
import type { ApiDeps } from './app.js';
import type { RouteDoc } from './openapi.js';
import { IdParams, readJsonBody, readOptionalJsonBody } from './schemas.js';

type Parse = <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>;

const optionalId = z.number().int().positive().nullish();

export const WatchBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    words: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .refine((w) => !w || toFtsQuery(w) !== null, 'needs at least one word or number')
      .describe('a search query: "phrases", OR, -excluded'),
    entityId: optionalId,
    storyId: optionalId,
    sourceKey: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullish()
      .describe('a source key, as in /api/articles?source='),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullish()
      .describe('POSTed a signed JSON list of new matches'),
  })
  .refine(
    (w) => w.words || w.entityId || w.storyId || w.sourceKey,
    'give at least one of words, entityId, storyId or sourceKey',
  );

const WatchOut = z.object({
  id: z.number().int(),
  name: z.string(),
  words: z.string().nullable(),
  entityId: z.number().int().nullable(),
  entityName: z.string().nullable(),
  storyId: z.number().int().nullable(),
  storyTitle: z.string().nullable(),
  sourceKey: z.string().nullable(),
  sourceName: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  secret: z.string().nullable().describe('the webhook HMAC key; null unless the caller may write'),
  createdAt: z.string(),
  matches: z.number().int(),
  unread: z.number().int(),
});

const InboxItemOut = z.object({
  id: z.number().int().describe('the match id, for paging'),
  watchId: z.number().int(),
  watchName: z.string(),
  articleId: z.number().int(),
  title: z.string().nullable(),
  source: z.string(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  storyId: z.number().int().nullable(),
  matchedAt: z.string(),
  read: z.boolean(),
});

export const InboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('matches older than this match id (paging)'),
  unread: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('only unread matches'),
  watch: z.coerce.number().int().positive().optional().describe('only this watch (for /api/inbox)'),
});

const Inbox = z.object({
  items: z.array(InboxItemOut),
  next: z
    .number()
    .int()
    .nullable()
    .describe('pass as `before` for the next page; null on the last'),
});

const ReadBody = z.object({
  articles: z
    .array(z.number().int().positive())
    .max(1000)
    .optional()
    .describe('these articles only; all when absent'),
});

const DeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

const DeliveryOut = z.object({
  id: z.number().int(),
  watchId: z.number().int(),
  status: z.enum(['pending', 'sent', 'failed']),
  articleCount: z.number().int(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  log: z.array(
    z.object({
      at: z.string(),
      status: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
    }),
  ),
});

export const WATCH_ROUTES: RouteDoc[] = [
  {
    path: '/api/watches',
    summary: 'Watches (saved queries), newest first',
    response: z.object({ items: z.array(WatchOut) }),
  },
  {
    method: 'post',
    path: '/api/watches',
    summary: 'Save a watch; every criterion given must hold',
    body: WatchBody,
    response: WatchOut,
  },
  { path: '/api/watches/:id', summary: 'One watch', params: IdParams, response: WatchOut },
  {
    method: 'delete',
    path: '/api/watches/:id',
    summary: 'Delete a watch with its matches and deliveries',
    params: IdParams,
    response: z.object({ deleted: z.literal(true) }),
  },
  {
    path: '/api/watches/:id/matches',
    summary: 'The articles a watch matched, newest first',
    params: IdParams,
    query: InboxQuery.omit({ watch: true }),
    response: Inbox,
  },
  {
    method: 'post',
    path: '/api/watches/:id/read',
    summary: 'Mark matches read',
    params: IdParams,
    body: ReadBody,
    response: z.object({ marked: z.number().int() }),
  },
  {
    path: '/api/watches/:id/deliveries',
    summary: 'Webhook deliveries with every attempt, newest first',
    params: IdParams,
    query: DeliveriesQuery,
    response: z.object({ items: z.array(DeliveryOut) }),
  },
  {
    path: '/api/inbox',
    summary: 'Matches of every watch, newest first',
    query: InboxQuery,
    response: Inbox,
  },
];

/**
 * A watch as this caller may see it: the signing secret and the webhook URL (for chat
 * services the URL is itself a credential) only for writers.
 */
function shown(c: Context, watch: Watch) {
  const writer = canWrite(c.get('principal')?.scope);
  return {
    ...watch,
    secret: writer ? watch.secret : null,
    webhookUrl: writer ? watch.webhookUrl : watch.webhookUrl && 'hidden',
  };
}

/** A page of matches, of one watch or of every watch, with the id to ask for the next. */
async function inboxPage(store: Store, q: z.output<typeof InboxQuery>, watchId?: number) {
  const items = await store.watches.inbox({
    watchId,
    limit: q.limit,
    before: q.before,
    unreadOnly: q.unread,
  });
  return { items, next: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Adds the watch and inbox endpoints; writes are guarded by the global authenticate middleware. */
export function mountWatchRoutes(app: Hono, deps: ApiDeps, parse: Parse): void {
  const { store } = deps;
  const watchOr404 = async (c: Context) => {
    const { id } = parse(IdParams, c.req.param());
    const watch = await store.watches.get(id);
    if (!watch) throw new SitrepError('NOT_FOUND', `watch ${id}`);
    return watch;
  };

  app.get('/api/watches', async (c) =>
    c.json({ items: (await store.watches.list()).map((w) => shown(c, w)) }),
  );

  app.post('/api/watches', async (c) => {
    const body = parse(WatchBody, await readJsonBody(c));
    const refused = body.webhookUrl
      ? checkWebhookUrl(body.webhookUrl, deps.options?.allowPrivate ?? false)
      : null;
    if (refused) throw new SitrepError('BAD_REQUEST', `webhookUrl: ${refused}`);
    if (body.entityId && !(await store.entities.get(body.entityId)))
      throw new SitrepError('BAD_REQUEST', `entityId: no entity ${body.entityId}`);
    if (body.storyId && !(await store.stories.get(body.storyId)))
      throw new SitrepError('BAD_REQUEST', `storyId: no story ${body.storyId}`);
    return c.json(shown(c, await store.watches.create(body)), 201);
  });

  app.get('/api/watches/:id', async (c) => c.json(shown(c, await watchOr404(c))));

  app.delete('/api/watches/:id', async (c) => {
    const watch = await watchOr404(c);
    await store.transaction((repos) => repos.watches.remove(watch.id));
    return c.json({ deleted: true as const });
  });

  app.get('/api/watches/:id/matches', async (c) => {
    const watch = await watchOr404(c);
    return c.json(await inboxPage(store, parse(InboxQuery, c.req.query()), watch.id));
  });

  app.post('/api/watches/:id/read', async (c) => {
    const watch = await watchOr404(c);
    // An empty body marks everything read.
    const { articles } = parse(ReadBody, await readOptionalJsonBody(c));
    return c.json({ marked: await store.watches.markRead(watch.id, articles) });
  });

  app.get('/api/watches/:id/deliveries', async (c) => {
    const watch = await watchOr404(c);
    const q = parse(DeliveriesQuery, c.req.query());
    return c.json({ items: await store.watches.deliveries(watch.id, q.limit) });
  });

  app.get('/api/inbox', async (c) => {
    const q = parse(InboxQuery, c.req.query());
    return c.json(await inboxPage(store, q, q.watch));
  });
}

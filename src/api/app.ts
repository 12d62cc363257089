// The HTTP server: the JSON API under /api and the web pages, in one Hono app that tests
// drive in-process through app.request().
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { ERRORS, SitrepError } from '../core/errors.js';
import { SITREP_VERSION } from '../core/version.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { EventBus } from '../pipeline/events.js';
import type { Store } from '../store/index.js';
import { mountWeb } from '../web/index.js';
import { openApiDocument, type RouteDoc } from './openapi.js';
import { AUDIT_ROUTES, auditWrites, mountAuditRoutes } from './audit-routes.js';
import { apiCors, authenticate, requireWrite } from './auth.js';
import { mountSessionRoutes } from './session.js';
import { mountWatchRoutes, WATCH_ROUTES } from './watch-routes.js';
import { mountStoryRoutes, STORY_ROUTES } from './story-routes.js';
import { FEED_ROUTES, mountFeedRoutes } from './feed-routes.js';
import { INGEST_ROUTES, mountIngestRoutes } from './ingest-routes.js';
import { EVENTS_ROUTES, mountEventsRoutes } from './events-routes.js';
import { mountSyndicationRoutes, SYNDICATION_ROUTES } from './syndication.js';
import { mountSearchRoutes, SEARCH_ROUTES } from './search-routes.js';
import { EXPORT_ROUTES, mountExportRoutes } from './export-routes.js';
import {
  AliasBody,
  ArticleDetail,
  ArticleList,
  ArticleListQuery,
  EntityDetail,
  EntityList,
  EntityListQuery,
  Health,
  IdParams,
  MergeBody,
  readJsonBody,
} from './schemas.js';

export interface ApiDeps {
  store: Store;
  /** SITREP_API_TOKEN: a write token beside the stored ones (`sitrep token create`). */
  token?: string | null;
  /** What ingest endpoints run (fetcher, extractor, log); without it they answer 503. */
  pipeline?: PipelineContext;
  /** Where the pipeline announces new articles and stories, for server-sent events. */
  events?: EventBus;
  /** Server options read from the configuration. */
  options?: Partial<ServerOptions>;
}

export interface ServerOptions {
  /** Origins allowed by CORS on /api; empty allows none. */
  corsOrigins: string[];
  /** Requests a token (or an anonymous address) may make per minute. */
  rateLimitPerMinute: number;
  /** Reads need a token too. */
  requireReadToken: boolean;
  /** Webhooks may point at private and loopback addresses (SITREP_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new SitrepError(
      'BAD_REQUEST',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

const ROUTES: RouteDoc[] = [
  { path: '/api/health', summary: 'Is the server up, and how much does it hold', response: Health },
  {
    path: '/api/articles',
    summary: 'Articles, newest first, with keyset paging',
    query: ArticleListQuery,
    response: ArticleList,
  },
  {
    path: '/api/articles/:id',
    summary: 'One article with its text, metadata, entities, quotes, claims and time expressions',
    params: IdParams,
    response: ArticleDetail,
  },
  {
    path: '/api/entities',
    summary: 'Entities, most mentioned first',
    query: EntityListQuery,
    response: EntityList,
  },
  {
    path: '/api/entities/:id',
    summary: 'One entity with its aliases',
    params: IdParams,
    response: EntityDetail,
  },
  {
    method: 'post',
    path: '/api/entities/:id/merge',
    summary: 'Fold this entity into another; stored mentions follow',
    params: IdParams,
    body: MergeBody,
    response: EntityDetail,
  },
  {
    method: 'post',
    path: '/api/entities/:id/aliases',
    summary: 'Add an alias; stored mentions written that way follow',
    params: IdParams,
    body: AliasBody,
    response: EntityDetail,
  },
  {
    method: 'post',
    path: '/api/entities/:id/split',
    summary: 'Split an alias off into an entity of its own',
    params: IdParams,
    body: AliasBody,
    response: EntityDetail,
  },
];

/** Builds the whole HTTP application. */
export function createApp(deps: ApiDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  // Before every route: CORS answers preflights, then who is asking and may they.
  app.use('/api/*', apiCors(deps.options?.corsOrigins ?? []));
  app.use('*', auditWrites(deps));
  app.use('*', authenticate(deps));
  mountSessionRoutes(app, deps);

  app.onError((err, c) => {
    if (err instanceof SitrepError) {
      return c.json({ error: { code: err.code, message: err.message } }, err.status as 400);
    }
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json({ error: { code: 'INTERNAL', message: ERRORS.INTERNAL.message } }, 500);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: ERRORS.NOT_FOUND.message } }, 404),
  );

  app.get('/api/health', async (c) =>
    c.json({ ok: true, version: SITREP_VERSION, articles: await store.articles.count() }),
  );

  app.get('/api/openapi.json', (c) =>
    c.json(
      openApiDocument(
        [
          ...ROUTES,
          ...STORY_ROUTES,
          ...SEARCH_ROUTES,
          ...EXPORT_ROUTES,
          ...FEED_ROUTES,
          ...INGEST_ROUTES,
          ...EVENTS_ROUTES,
          ...SYNDICATION_ROUTES,
          ...WATCH_ROUTES,
          ...AUDIT_ROUTES,
        ],
        SITREP_VERSION,
      ),
    ),
  );
  mountStoryRoutes(app, store, parseOrThrow);
  mountFeedRoutes(app, deps, parseOrThrow);
  mountIngestRoutes(app, deps, parseOrThrow);
  mountEventsRoutes(app, deps, parseOrThrow);
  mountSyndicationRoutes(app, deps, parseOrThrow);
  mountSearchRoutes(app, { store }, parseOrThrow);
  mountExportRoutes(app, { store }, parseOrThrow);
  mountWatchRoutes(app, deps, parseOrThrow);
  mountAuditRoutes(app, deps, parseOrThrow);

  app.get('/api/articles', async (c) => {
    const q = parseOrThrow(ArticleListQuery, c.req.query());
    const items = await store.articles.list({
      limit: q.limit,
      before: q.before,
      sourceKey: q.source,
      since: q.since,
      until: q.until,
    });
    const next = items.length === q.limit ? (items.at(-1)?.id ?? null) : null;
    return c.json({ items, next });
  });

  app.get('/api/articles/:id', async (c) => {
    const { id } = parseOrThrow(IdParams, c.req.param());
    const article = await store.articles.get(id);
    if (!article) throw new SitrepError('NOT_FOUND', `article ${id}`);
    return c.json({
      id: article.id,
      title: article.title,
      byline: article.byline,
      published: article.published,
      modified: article.modified,
      language: article.language,
      site: article.site,
      source: article.sourceName,
      url: article.url,
      canonical_url: article.canonicalUrl,
      image: article.image,
      dateline: article.dateline ?? null,
      text: article.text,
      paragraphs: article.paragraphs,
      related_links: article.relatedLinks,
      extractor: article.extractor,
      ingested: article.ingestedAt,
      times: await store.annotations.times(id),
      entities: (await store.annotations.mentions(id)).map(({ entityId, ...m }) => ({
        ...m,
        entity_id: entityId,
      })),
      quotes: (await store.annotations.quotes(article)).map(({ speakerEntityId, ...q }) => ({
        ...q,
        speaker: { ...q.speaker, entity_id: speakerEntityId },
      })),
      claims: (await store.annotations.claims(id)).map(({ subjectKey, sourceEntityId, ...c }) => ({
        ...c,
        subject_key: subjectKey,
        source_entity_id: sourceEntityId,
      })),
    });
  });

  app.get('/api/entities', async (c) => {
    const q = parseOrThrow(EntityListQuery, c.req.query());
    return c.json({
      items: await store.entities.list({ limit: q.limit, type: q.type, query: q.q }),
    });
  });

  const entityOr404 = async (id: number) => {
    const entity = await store.entities.get(id);
    if (!entity) throw new SitrepError('NOT_FOUND', `entity ${id}`);
    return entity;
  };

  app.get('/api/entities/:id', async (c) =>
    c.json(await entityOr404(parseOrThrow(IdParams, c.req.param()).id)),
  );

  app.use('/api/entities/:id/*', async (c, next) =>
    c.req.method === 'GET' ? next() : requireWrite()(c, next),
  );

  app.post('/api/entities/:id/merge', async (c) => {
    const { id } = parseOrThrow(IdParams, c.req.param());
    const { into } = parseOrThrow(MergeBody, await readJsonBody(c));
    await entityOr404(id);
    await entityOr404(into);
    await store.transaction((repos) => repos.entities.merge(id, into));
    return c.json(await entityOr404(into));
  });

  app.post('/api/entities/:id/aliases', async (c) => {
    const { id } = parseOrThrow(IdParams, c.req.param());
    const { alias } = parseOrThrow(AliasBody, await readJsonBody(c));
    await entityOr404(id);
    await store.transaction((repos) => repos.entities.addAlias(id, alias, 'user'));
    return c.json(await entityOr404(id));
  });

  app.post('/api/entities/:id/split', async (c) => {
    const { id } = parseOrThrow(IdParams, c.req.param());
    const { alias } = parseOrThrow(AliasBody, await readJsonBody(c));
    await entityOr404(id);
    const created = await store.transaction((repos) => repos.entities.split(id, alias));
    return c.json(await entityOr404(created));
  });

  mountWeb(app, deps);
  return app;
}

// Story endpoints: the list, one story (its timeline, claims compared across sources,
// speakers and articles, or what changed since a time), and its report (Markdown or HTML).
import type { Hono } from 'hono';
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import { relatedArticles } from '../pipeline/related.js';
import { loadStoryView } from '../pipeline/story-view.js';
import { changesSince, renderReport, storyDetail } from '../stories/index.js';
import { REPORT_CSP, renderReportHtml } from '../stories/report-html.js';
import { readStoryCursor, type Store, storyCursor } from '../store/index.js';
import type { RouteDoc } from './openapi.js';
import { IdParams, isoTime } from './schemas.js';

export const ReportQuery = z.object({
  format: z.enum(['md', 'html']).default('md').describe('Markdown, or a standalone HTML page'),
});

export const StoryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z
    .string()
    .refine(
      (s) => !Number.isNaN(Date.parse(readStoryCursor(s).time)),
      'a `next` cursor or an ISO time',
    )
    .transform((s) => {
      const { time, id } = readStoryCursor(s);
      const iso = new Date(Date.parse(time)).toISOString();
      return id === null ? iso : storyCursor({ lastSeen: iso, id });
    })
    .optional()
    .describe('the `next` of the previous page, or a time: stories last seen before it'),
  since: isoTime.optional().describe('stories last seen at or after this time'),
  until: isoTime
    .optional()
    .describe('stories first seen before this time: with `since`, stories active in a window'),
  source: z.string().min(1).optional().describe('stories with an article from this source key'),
  entity: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('stories whose articles mention this entity'),
  outlets: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('stories covered by at least this many outlets'),
});

const StorySummary = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  articles: z.number().int(),
  sources: z.number().int().describe('distinct outlets'),
  independent: z
    .number()
    .int()
    .describe('articles less wire copies: distinct near-duplicate groups'),
  topEntities: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        type: z.string(),
        mentions: z.number().int(),
      }),
    )
    .describe('the most mentioned entities across its articles, at most 5'),
  latest: z
    .object({
      articleId: z.number().int(),
      title: z.string().nullable(),
      source: z.string(),
      published: z.string().nullable(),
    })
    .nullable()
    .describe('its newest article'),
});

export const StoryList = z.object({
  items: z.array(StorySummary),
  next: z.string().nullable().describe('pass as `before` for the next page; null on the last'),
});

export const StoryQuery = z.object({
  since: isoTime
    .optional()
    .describe('only what changed since this time: new articles, figures, speakers, places'),
});

/** The story detail is assembled from typed modules; documented by its top-level fields. */
export const StoryDetail = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    articles: z.array(
      z.object({ id: z.number().int(), source: z.string(), copyOf: z.number().int() }).loose(),
    ),
    timeline: z.array(z.object({ at: z.string(), kind: z.string(), text: z.string() }).loose()),
    claims: z.object({ areas: z.array(z.unknown()), uncompared: z.number().int() }),
    speakers: z.array(z.object({ speaker: z.string(), quotes: z.number().int() }).loose()),
    speakersByOutlet: z.array(z.object({ outlet: z.string() }).loose()),
  })
  .loose();

const RelatedArticle = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  source: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  storyId: z.number().int().nullable(),
});

export const Related = z.object({
  storyId: z.number().int().nullable(),
  inStory: z
    .array(RelatedArticle)
    .describe('other reports of its story, wire copies of it left out, newest first'),
  beyond: z
    .array(RelatedArticle)
    .describe('outside its story: best matches for the names it mentions most'),
});

export const STORY_ROUTES: RouteDoc[] = [
  {
    path: '/api/stories',
    summary: 'Stories, most recently active first',
    query: StoryListQuery,
    response: StoryList,
  },
  {
    path: '/api/stories/:id',
    summary:
      'One story: articles, timeline, claims compared across sources, speakers; or with `since`, what changed',
    params: IdParams,
    query: StoryQuery,
    response: StoryDetail,
  },
  {
    path: '/api/articles/:id/related',
    summary:
      "Related articles: the other reports of the article's story, and beyond it the best matches for the names it mentions most",
    params: IdParams,
    response: Related,
  },
  {
    path: '/api/stories/:id/report',
    summary:
      'The situation report of a story: Markdown, or a standalone HTML page whose figures link to their sentences',
    params: IdParams,
    query: ReportQuery,
    response: z.string(),
  },
];

/** Adds the story endpoints; `parse` validates input the way the rest of the API does. */
export function mountStoryRoutes(
  app: Hono,
  store: Store,
  parse: <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>,
): void {
  app.get('/api/stories', async (c) => {
    const q = parse(StoryListQuery, c.req.query());
    const items = await store.stories.list({
      limit: q.limit,
      before: q.before,
      since: q.since,
      until: q.until,
      sourceKey: q.source,
      entityId: q.entity,
      minSources: q.outlets,
    });
    const last = items.at(-1);
    const next = items.length === q.limit && last ? storyCursor(last) : null;
    return c.json({ items, next });
  });

  const viewOr404 = async (id: number) => {
    const view = await loadStoryView(store, id);
    if (!view) throw new SitrepError('NOT_FOUND', `story ${id}`);
    return view;
  };

  app.get('/api/stories/:id', async (c) => {
    const { id } = parse(IdParams, c.req.param());
    const { since } = parse(StoryQuery, c.req.query());
    const view = await viewOr404(id);
    if (since) return c.json({ id: view.id, title: view.title, ...changesSince(view, since) });
    return c.json(storyDetail(view));
  });

  app.get('/api/articles/:id/related', async (c) => {
    const { id } = parse(IdParams, c.req.param());
    const related = await relatedArticles(store, id);
    if (!related) throw new SitrepError('NOT_FOUND', `article ${id}`);
    return c.json(related);
  });

  app.get('/api/stories/:id/report', async (c) => {
    const { id } = parse(IdParams, c.req.param());
    const { format } = parse(ReportQuery, c.req.query());
    const view = await viewOr404(id);
    if (format === 'md') {
      return c.body(renderReport(view), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    }
    const html = renderReportHtml(view, { baseUrl: new URL(c.req.url).origin });
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': REPORT_CSP,
      'x-content-type-options': 'nosniff',
    });
  });
}

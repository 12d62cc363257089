// Exports over HTTP: articles, quotes or claims as JSON Lines or CSV, with the filters of
// search. The body is streamed: each page is read from the store only when the client has
// taken the one before, so a slow client never makes the server hold the whole export.
import type { Hono } from 'hono';
import { z } from 'zod';
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  EXPORT_WHATS,
  exportChunks,
} from '../pipeline/export.js';
import type { ApiDeps } from './app.js';
import type { RouteDoc } from './openapi.js';
import { ArticleFilterQuery, articleFilters } from './schemas.js';

export const ExportParams = z.object({ what: z.enum(EXPORT_WHATS) });

export const ExportQuery = ArticleFilterQuery.extend({
  format: z.enum(EXPORT_FORMATS).default('jsonl').describe('JSON Lines, or CSV with a header row'),
  q: z.string().optional().describe('only articles matching these words (search syntax)'),
});

export const EXPORT_ROUTES: RouteDoc[] = [
  {
    path: '/api/export/:what',
    summary:
      'Articles, quotes or claims (`what`) of the articles the filters select, as JSON Lines or CSV, streamed in article id order; quotes and claims link to their sentence',
    params: ExportParams,
    query: ExportQuery,
    response: z.string(),
  },
];

/** Adds GET /api/export/:what; `parse` validates input the way the rest of the API does. */
export function mountExportRoutes(
  app: Hono,
  { store }: Pick<ApiDeps, 'store'>,
  parse: <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>,
): void {
  app.get('/api/export/:what', (c) => {
    const { what } = parse(ExportParams, c.req.param());
    const q = parse(ExportQuery, c.req.query());
    const chunks = exportChunks(store, what, q.format, { q: q.q, ...articleFilters(q) });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': EXPORT_CONTENT_TYPES[q.format],
        'content-disposition': `attachment; filename="sitrep-${what}-${stamp}.${q.format}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

// Full-text search with filters (source, publish time, entity, story) and facet counts
// over the best matches, so a search page can offer the next filter to apply.
import type { Hono } from 'hono';
import type { z } from 'zod';
import type { ApiDeps } from './app.js';
import type { RouteDoc } from './openapi.js';
import { articleFilters, SearchQuery, SearchResult } from './schemas.js';

export const SEARCH_ROUTES: RouteDoc[] = [
  {
    path: '/api/search',
    summary:
      'Full-text search over titles and text, filtered by source, time, entity and story, with facet counts over the best matches',
    query: SearchQuery,
    response: SearchResult,
  },
];

/** Adds GET /api/search; `parse` validates input the way the rest of the API does. */
export function mountSearchRoutes(
  app: Hono,
  { store }: Pick<ApiDeps, 'store'>,
  parse: <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>,
): void {
  app.get('/api/search', async (c) => {
    const q = parse(SearchQuery, c.req.query());
    const filters = articleFilters(q);
    const options = { limit: q.limit, offset: q.offset, ...filters };
    if (q.facets !== 'true')
      return c.json({ query: q.q, items: await store.search(q.q, options), facets: null });
    const { hits, facets } = await store.searchWithFacets(q.q, options);
    return c.json({ query: q.q, items: hits, facets });
  });
}

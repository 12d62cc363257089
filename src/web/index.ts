// The web UI: server-rendered pages with no scripts, under a strict Content-Security-Policy.
import type { Hono } from 'hono';
import type { Store } from '../store/index.js';
import { STYLE } from './layout.js';
import { articleListPage, articlePage, searchPage } from './pages.js';

/** No scripts at all, images from anywhere (article pictures), nothing framed. */
const CSP = "default-src 'none'; style-src 'self'; img-src https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const PAGE_SIZE = 50;

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Adds the web pages to the app. */
export function mountWeb(app: Hono, { store }: { store: Store }): void {
  app.use('/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('content-security-policy', CSP);
      c.res.headers.set('x-content-type-options', 'nosniff');
      c.res.headers.set('referrer-policy', 'no-referrer');
    }
  });

  app.get('/assets/style.css', (c) => c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }));

  app.get('/', async (c) => {
    const items = await store.articles.list({ limit: PAGE_SIZE, before: positiveInt(c.req.query('before')) });
    const next = items.length === PAGE_SIZE ? (items.at(-1)?.id ?? null) : null;
    return c.html(articleListPage(items, next, await store.articles.count()));
  });

  app.get('/articles/:id', async (c) => {
    const id = positiveInt(c.req.param('id'));
    const article = id ? await store.articles.get(id) : null;
    if (!article) return c.html('<!doctype html><title>Not found</title><h1>No such article</h1>', 404);
    const [quotes, claims] = [await store.annotations.quotes(article), await store.annotations.claims(article.id)];
    return c.html(articlePage(article, quotes, claims));
  });

  app.get('/search', async (c) => {
    const query = (c.req.query('q') ?? '').trim();
    const hits = query ? await store.search(query, { limit: PAGE_SIZE }) : [];
    return c.html(searchPage(query, hits));
  });
}

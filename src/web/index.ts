// The web UI: server-rendered pages under a strict Content-Security-Policy. The only
// script is our own /assets/live.js (live list updates and keyboard moves); every page
// works without it.
import type { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { loadStoryView } from '../pipeline/story-view.js';
import type { Store } from '../store/index.js';
import { LIVE_JS } from './assets/live.js';
import { STYLE } from './assets/style.js';
import { positiveInt } from './format.js';
import { layout } from './layout.js';
import { articleListPage } from './article-list.js';
import { mountArticlePage } from './article-page.js';
import { mountEntityPage } from './entity-page.js';
import { mountFeedsPage } from './feeds-page.js';
import { isFirstRun, mountFirstRunPage } from './first-run.js';
import type { PageDeps } from './page-kit.js';
import { PAGES_STYLE } from './pages-style.js';
import { mountSearchPage } from './search-page.js';
import { mountWatchesPage } from './watches-page.js';
import { loadStories, storiesPage, storyListFragment } from './stories-page.js';
import { readShow, storyPage } from './story-page.js';
import { lastVisit, recordVisit, VISITS_COOKIE } from './visits.js';

/**
 * Our own script, styles and server-sent events only. No page shows a picture from an
 * article, so images come from here or data: URLs alone: markup that slipped through
 * could not even reach another host.
 */
const CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const PAGE_SIZE = 50;
/** Visits are remembered for a year. */
const VISITS_MAX_AGE = 365 * 24 * 3600;

export interface WebDeps extends PageDeps {
  store: Store;
}

function notFound(what: string) {
  return layout(
    'Not found',
    html`<h1>Not found</h1><p>There is no such ${what}. <a href="/">Back to the stories</a>.</p>`,
  );
}

/** Adds the web pages to the app. */
export function mountWeb(app: Hono, deps: WebDeps): void {
  const { store } = deps;
  app.use('/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('content-security-policy', CSP);
      c.res.headers.set('x-content-type-options', 'nosniff');
      c.res.headers.set('referrer-policy', 'no-referrer');
    }
  });

  const asset = (body: string, type: string) => () =>
    new Response(body, { headers: { 'content-type': type, 'cache-control': 'max-age=3600' } });
  app.get('/assets/style.css', asset(STYLE + PAGES_STYLE, 'text/css; charset=utf-8'));
  app.get('/assets/live.js', asset(LIVE_JS, 'text/javascript; charset=utf-8'));

  app.get('/', async (c) => {
    const data = await loadStories(store, c.req.query());
    data.firstRun = data.articles === 0 && (await isFirstRun(store));
    if (c.req.query('fragment') === 'list') return c.html(storyListFragment(data));
    return c.html(storiesPage(data));
  });

  app.get('/stories/:id', async (c) => {
    const id = positiveInt(c.req.param('id'));
    const view = id ? await loadStoryView(store, id) : null;
    if (!view) return c.html(notFound('story'), 404);
    // A merged story's old id leads to the story that absorbed it.
    if (view.id !== id) return c.redirect(`/stories/${view.id}`, 301);
    const visits = getCookie(c, VISITS_COOKIE);
    setCookie(c, VISITS_COOKIE, recordVisit(visits, view.id, view.lastSeen), {
      path: '/',
      maxAge: VISITS_MAX_AGE,
      httpOnly: true,
      sameSite: 'Lax',
    });
    return c.html(
      storyPage(view, {
        show: readShow(c.req.query('show')),
        lastVisit: lastVisit(visits, view.id),
      }),
    );
  });

  app.get('/articles', async (c) => {
    const items = await store.articles.list({
      limit: PAGE_SIZE,
      before: positiveInt(c.req.query('before')),
    });
    const next = items.length === PAGE_SIZE ? (items.at(-1)?.id ?? null) : null;
    return c.html(articleListPage(items, next, await store.articles.count()));
  });

  mountArticlePage(app, deps);
  mountSearchPage(app, deps);
  mountEntityPage(app, deps);
  mountFeedsPage(app, deps);
  mountWatchesPage(app, deps);
  mountFirstRunPage(app, deps);
}

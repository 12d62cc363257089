// The feed endpoints in-process, on a real store, polling a real local server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_FEEDS } from '../ingest/starter-feeds.js';
import { openStore, type Store } from '../store/index.js';
import { localPipeline, type NewsServer, startNewsServer } from './__fixtures__/news-server.js';
import { createApp } from './app.js';

const TOKEN = 'feed-test-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

describe('feed endpoints', () => {
  let site: NewsServer;
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let bare: ReturnType<typeof createApp>;

  beforeAll(async () => {
    site = await startNewsServer();
    store = await openStore(':memory:');
    app = createApp({ store, token: TOKEN, pipeline: localPipeline(store) });
    bare = createApp({ store, token: TOKEN });
  });
  afterAll(async () => {
    await store.close();
    await site.close();
  });

  const call = async (
    target: typeof app,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = AUTH,
  ) => {
    const init: RequestInit = {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await target.request(path, init);
    return { status: res.status, json: await res.json() };
  };

  it('lists no feeds at first, and refuses writes without a token', async () => {
    expect((await call(app, 'GET', '/api/feeds')).json).toEqual({ items: [] });
    const refused = await call(app, 'POST', '/api/feeds', { url: `${site.base}/rss.xml` }, {});
    expect(refused.status).toBe(401);
  });

  it('adds a feed and polls it now', async () => {
    const { status, json } = await call(app, 'POST', '/api/feeds', { url: `${site.base}/rss.xml` });
    expect(status).toBe(200);
    expect(json.added).toBe(true);
    expect(json.feed).toMatchObject({
      url: `${site.base}/rss.xml`,
      title: 'Canal Times',
      status: 'ok',
      items: 2,
      errors: 0,
      lastError: null,
    });
    expect(json.poll).toMatchObject({ added: 2, failed: 0, error: null });
    expect(json.poll.articleIds).toHaveLength(2);
    const [listed] = (await call(app, 'GET', '/api/feeds')).json.items;
    expect(Date.parse(listed.nextPoll)).toBeGreaterThan(Date.parse(listed.lastPolled));
  });

  it('says "no network" on the feed row when it cannot connect', async () => {
    const { status, json } = await call(app, 'POST', '/api/feeds', { url: site.unreachable });
    expect(status).toBe(200);
    expect(json.feed).toMatchObject({ status: 'failing', errors: 1 });
    expect(json.feed.lastError).toMatch(/^no network: .*refused/);
    expect(json.poll.error).toBe(json.feed.lastError);
  });

  it('rejects what is not an http(s) URL', async () => {
    const { status, json } = await call(app, 'POST', '/api/feeds', { url: 'file:///etc/passwd' });
    expect(status).toBe(400);
    expect(json.error.code).toBe('BAD_REQUEST');
  });

  it('polls a feed on demand', async () => {
    const feed = (await call(app, 'GET', '/api/feeds')).json.items[0];
    const { status, json } = await call(app, 'POST', `/api/feeds/${feed.id}/poll`);
    expect(status).toBe(200);
    expect(json.poll).toMatchObject({ added: 0, error: null });
    expect(json.feed.items).toBe(2);
    expect((await call(app, 'POST', '/api/feeds/9999/poll')).status).toBe(404);
  });

  it('imports OPML from the body and from an upload, polling new feeds in the background', async () => {
    const opml = (path: string) =>
      `<?xml version="1.0"?><opml version="2.0"><body><outline text="Canal"><outline type="rss" text="More" xmlUrl="${site.base}${path}"/></outline></body></opml>`;
    const raw = await app.request('/api/feeds/opml', {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'text/x-opml' },
      body: opml('/more.xml'),
    });
    expect(await raw.json()).toMatchObject({
      found: 1,
      added: 1,
      items: [{ url: `${site.base}/more.xml`, status: 'new' }],
    });
    const form = new FormData();
    form.append(
      'file',
      new File([opml('/atom.xml')], 'subscriptions.opml', { type: 'text/x-opml' }),
    );
    const uploaded = await app.request('/api/feeds/opml', {
      method: 'POST',
      headers: AUTH,
      body: form,
    });
    expect(await uploaded.json()).toMatchObject({ found: 1, added: 1 });
    const again = await app.request('/api/feeds/opml', {
      method: 'POST',
      headers: AUTH,
      body: opml('/more.xml'),
    });
    expect(await again.json()).toMatchObject({ found: 1, added: 0, items: [] });
    await expect
      .poll(async () => (await store.feeds.list()).filter((f) => f.itemCount > 0).length, {
        timeout: 15_000,
      })
      .toBe(3);
    const bad = await app.request('/api/feeds/opml', {
      method: 'POST',
      headers: AUTH,
      body: '<opml',
    });
    expect(bad.status).toBe(400);
  });

  it('offers the starter list and adds it only when asked', async () => {
    const offered = (await call(bare, 'GET', '/api/feeds/starter')).json.items;
    expect(offered).toHaveLength(STARTER_FEEDS.length);
    expect(offered.every((f: { subscribed: boolean }) => !f.subscribed)).toBe(true);
    const first = STARTER_FEEDS[0]!;
    // No pipeline here: the added feed is not polled, so nothing reaches the real network.
    const { json } = await call(bare, 'POST', '/api/feeds/starter', { urls: [first.url] });
    expect(json).toMatchObject({
      found: 1,
      added: 1,
      items: [{ url: first.url, title: first.title, status: 'new' }],
    });
    const after = (await call(bare, 'GET', '/api/feeds/starter')).json.items;
    expect(
      after.filter((f: { subscribed: boolean }) => f.subscribed).map((f: { url: string }) => f.url),
    ).toEqual([first.url]);
    expect(
      (await call(bare, 'POST', '/api/feeds/starter', { urls: ['https://elsewhere.example/rss'] }))
        .status,
    ).toBe(400);
  });

  it('unsubscribes, keeping the articles', async () => {
    const feed = (await call(app, 'GET', '/api/feeds')).json.items[0];
    const articles = await store.articles.count();
    expect((await call(app, 'DELETE', `/api/feeds/${feed.id}`)).json).toEqual({ removed: true });
    expect(
      (await call(app, 'GET', '/api/feeds')).json.items.map((f: { id: number }) => f.id),
    ).not.toContain(feed.id);
    expect(await store.articles.count()).toBe(articles);
    expect((await call(app, 'DELETE', `/api/feeds/${feed.id}`)).status).toBe(404);
  });

  it('answers 503 for polls when the server has no pipeline', async () => {
    const { status, json } = await call(bare, 'POST', '/api/feeds', {
      url: `${site.base}/rss.xml`,
    });
    expect(status).toBe(503);
    expect(json.error.code).toBe('INGEST_UNAVAILABLE');
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    expect(doc.paths['/api/feeds']).toHaveProperty('post');
    expect(doc.paths['/api/feeds/{id}']).toHaveProperty('delete');
    expect(doc.paths['/api/feeds/starter']).toHaveProperty('get');
  });
});

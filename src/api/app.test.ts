// The API in-process through app.request(), on a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { createApp } from './app.js';

describe('HTTP API', () => {
  let store: Store;
  let seedId: number;
  let hostileId: number;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ store, seedId, hostileId } = await seededStore());
    app = createApp({ store });
  });
  afterAll(() => store.close());

  const get = async (path: string) => {
    const res = await app.request(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      headers: res.headers,
      body: await res.text(),
    };
  };

  it('reports health', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, articles: 2 });
  });

  it('lists articles with keyset paging', async () => {
    const page1 = JSON.parse((await get('/api/articles?limit=1')).body);
    expect(page1.items).toHaveLength(1);
    expect(page1.next).toBe(page1.items[0].id);
    const page2 = JSON.parse((await get(`/api/articles?limit=1&before=${page1.next}`)).body);
    expect(page2.items[0].id).toBeLessThan(page1.items[0].id);
  });

  it('shows one article with its related links and times', async () => {
    const article = JSON.parse((await get(`/api/articles/${seedId}`)).body);
    expect(article.related_links).toHaveLength(3);
    expect(article.text.endsWith('as the situation unfolds.')).toBe(true);
    expect(Array.isArray(article.times)).toBe(true);
  });

  it('searches', async () => {
    const result = JSON.parse((await get('/api/search?q=North+Korean+troops')).body);
    expect(result.items[0].id).toBe(seedId);
    expect(result.items[0].snippet).toContain('[[');
  });

  it('answers bad requests and missing things from the error catalogue', async () => {
    const missing = await get('/api/articles/99999');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('NOT_FOUND');
    const bad = await get('/api/articles?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST');
    expect((await get('/api/search')).status).toBe(400);
    expect((await get('/api/nowhere')).status).toBe(404);
  });

  it('describes itself in OpenAPI', async () => {
    const doc = JSON.parse((await get('/api/openapi.json')).body);
    expect(doc.openapi).toBe('3.1.0');
    // Every route file adds its own paths; these are the core ones.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/articles',
        '/api/articles/{id}',
        '/api/search',
        '/api/entities',
        '/api/entities/{id}',
        '/api/entities/{id}/merge',
        '/api/entities/{id}/aliases',
        '/api/entities/{id}/split',
        '/api/stories',
        '/api/stories/{id}',
        '/api/articles/{id}/related',
        '/api/stories/{id}/report',
      ]),
    );
    expect(doc.paths['/api/entities/{id}/merge'].post.security).toEqual([{ bearer: [] }]);
    const params = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'limit', 'offset', 'source', 'entity']));
  });

  it('edits entities only with the token, and stored mentions follow', async () => {
    const TOKEN = 'a-test-token-of-enough-length';
    const NONE = { quotes: [], claims: [], times: [] };
    await store.annotations.replace(seedId, 'test', {
      ...NONE,
      entities: [
        { start: 0, end: 4, text: 'DPRK', type: 'LOC', entity: 'DPRK' },
        { start: 5, end: 16, text: 'North Korea', type: 'LOC', entity: 'North Korea' },
      ],
    });
    const secured = createApp({ store, token: TOKEN });
    const list = JSON.parse(await (await secured.request('/api/entities?type=LOC')).text());
    const id = (name: string) => list.items.find((e: { name: string }) => e.name === name).id;
    const post = (path: string, body: unknown, token?: string) =>
      secured.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const merge = `/api/entities/${id('DPRK')}/merge`;
    expect((await post(merge, { into: id('North Korea') })).status).toBe(401);
    expect(
      (await post(merge, { into: id('North Korea') }, 'wrong-token-of-enough-length')).status,
    ).toBe(401);
    expect((await app.request(merge, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await post(merge, { into: 'x' }, TOKEN)).status).toBe(400);
    const merged = await post(merge, { into: id('North Korea') }, TOKEN);
    expect(merged.status).toBe(200);
    expect(JSON.parse(await merged.text()).aliases.map((a: { alias: string }) => a.alias)).toEqual([
      'DPRK',
      'North Korea',
    ]);
    const article = JSON.parse(await (await secured.request(`/api/articles/${seedId}`)).text());
    expect(article.entities.map((e: { entity: string }) => e.entity)).toEqual([
      'North Korea',
      'North Korea',
    ]);
  });

  it('answers absurd page numbers with a page, not an error', async () => {
    for (const page of ['1e300', '99999999999999999999', '9007199254740991', '-3', 'x']) {
      expect((await get(`/search?q=harbour&page=${page}`)).status, page).toBe(200);
    }
  });

  it('serves pages with a strict CSP, and article text with none of its markup', async () => {
    const page = await get(`/articles/${hostileId}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toContain('The harbour reopened on Monday');
    // The only script is sitrep's own file; nothing from the article survives.
    const withoutOwnScripts = page.body.replace(
      /<script src="\/assets\/[\w-]+\.js"( defer)?><\/script>/g,
      '',
    );
    expect(withoutOwnScripts).not.toMatch(/<script|onerror|onmouseover|javascript:|<iframe/i);
    const list = await get('/articles');
    expect(list.body).toContain('Harbour reopens');
  });
});

// The watch endpoints in-process: saving with validation, the secret shown only to
// writers, the inbox with paging and read state, and deliveries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchWatches } from '../pipeline/watches.js';
import { openStore, type Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { createApp } from './app.js';

const TOKEN = 'a-test-token-of-enough-length';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('watch routes', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    store = await openStore(':memory:');
    app = createApp({ store, token: TOKEN });
  });
  afterEach(() => store.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const json = async (path: string, headers: Record<string, string> = {}) =>
    (await app.request(path, { headers })).json();

  it('saves, shows and deletes a watch; the secret only to writers', async () => {
    const res = await post('/api/watches', {
      name: 'Floods',
      words: 'harbour floods',
      sourceKey: 'coast',
      webhookUrl: 'https://hooks.example/in',
    });
    expect(res.status).toBe(201);
    const watch = await res.json();
    expect(watch).toMatchObject({
      name: 'Floods',
      words: 'harbour floods',
      sourceKey: 'coast',
      matches: 0,
      unread: 0,
    });
    expect(watch.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await json(`/api/watches/${watch.id}`)).secret).toBeNull();
    expect((await json(`/api/watches/${watch.id}`, auth)).secret).toBe(watch.secret);
    // The webhook URL can be a credential too; the web page keeps both from readers.
    expect((await json(`/api/watches/${watch.id}`)).webhookUrl).toBe('hidden');
    const page = await (await app.request('/watches', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('Floods');
    expect(page).not.toContain(watch.secret);
    expect(page).not.toContain('hooks.example');
    const writerPage = await (await app.request('/watches', { headers: auth })).text();
    expect(writerPage).toContain(watch.secret);
    expect((await json('/api/watches')).items.map((w: { id: number }) => w.id)).toEqual([watch.id]);
    expect((await app.request(`/api/watches/${watch.id}`, { method: 'DELETE' })).status).toBe(401);
    expect(
      (await app.request(`/api/watches/${watch.id}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(200);
    expect((await app.request(`/api/watches/${watch.id}`)).status).toBe(404);
  });

  it('validates bodies', async () => {
    const code = async (body: unknown) => {
      const res = await post('/api/watches', body);
      return [res.status, (await res.json()).error?.code];
    };
    expect(await code({ name: 'nothing to match' })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ name: 'x', words: '!!!' })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ name: 'x', words: 'a', webhookUrl: 'ftp://hooks.example/' })).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    expect(await code({ name: 'x', words: 'a', webhookUrl: 'http://127.0.0.1:9000/' })).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    expect(await code({ name: 'x', entityId: 999 })).toEqual([400, 'BAD_REQUEST']);
    expect(await code({ name: 'x', storyId: 999 })).toEqual([400, 'BAD_REQUEST']);
    const open = createApp({ store, token: TOKEN, options: { allowPrivate: true } });
    const local = await open.request('/api/watches', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ name: 'x', words: 'a', webhookUrl: 'http://127.0.0.1:9000/' }),
    });
    expect(local.status).toBe(201);
  });

  it('lists in OpenAPI', async () => {
    const paths = Object.keys((await json('/api/openapi.json')).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/watches',
        '/api/watches/{id}',
        '/api/watches/{id}/matches',
        '/api/watches/{id}/read',
        '/api/watches/{id}/deliveries',
        '/api/inbox',
      ]),
    );
  });
});

describe('watch inbox routes', () => {
  it('pages matches, marks them read and lists deliveries', async () => {
    const { store, seedId, hostileId } = await seededStore();
    try {
      const app = createApp({ store, token: TOKEN });
      const watch = await store.watches.create({
        name: 'all news',
        words: 'the',
        webhookUrl: 'https://hooks.example/in',
      });
      const at = new Date(Date.now() + 10).toISOString();
      await store.stories.create(1, at);
      for (const id of [seedId, hostileId]) await store.stories.addMember(1, id, 1, at);
      expect((await matchWatches({ store })).matched).toBe(2);

      const page1 = await (await app.request(`/api/watches/${watch.id}/matches?limit=1`)).json();
      expect(page1.items).toHaveLength(1);
      expect(page1.items[0]).toMatchObject({
        watchId: watch.id,
        watchName: 'all news',
        storyId: 1,
        read: false,
      });
      const page2 = await (
        await app.request(`/api/watches/${watch.id}/matches?limit=1&before=${page1.next}`)
      ).json();
      expect([page1.items[0].articleId, page2.items[0].articleId].sort()).toEqual(
        [seedId, hostileId].sort(),
      );

      const read = await app.request(`/api/watches/${watch.id}/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ articles: [seedId] }),
      });
      expect(await read.json()).toEqual({ marked: 1 });
      const unread = await (await app.request('/api/inbox?unread=1')).json();
      expect(unread.items.map((i: { articleId: number }) => i.articleId)).toEqual([hostileId]);
      expect(unread.next).toBeNull();
      const all = await app.request(`/api/watches/${watch.id}/read`, {
        method: 'POST',
        headers: auth,
      });
      expect(await all.json()).toEqual({ marked: 1 });

      const deliveries = await (await app.request(`/api/watches/${watch.id}/deliveries`)).json();
      expect(deliveries.items).toMatchObject([
        { status: 'pending', articleCount: 2, attempts: 0, log: [] },
      ]);
      expect((await app.request('/api/watches/999/matches')).status).toBe(404);
    } finally {
      await store.close();
    }
  });
});

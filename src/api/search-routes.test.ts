// Search and story-list filters over HTTP, in-process on a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import { createApp } from './app.js';

describe('search and story-list endpoints', () => {
  let s: SearchStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    s = await searchStore();
    app = createApp({ store: s.store });
  });
  afterAll(() => s.store.close());

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const json = async (path: string) => JSON.parse((await get(path)).body);

  it('searches with filters and returns facets', async () => {
    const all = await json('/api/search?q=harbour');
    expect(all.items).toHaveLength(2);
    expect(all.items[0].snippet).toContain('[[');
    expect(all.items[0].storyId).toEqual(expect.any(Number));
    expect(all.facets).toMatchObject({ counted: 2, capped: false });
    expect(all.facets.sources).toHaveLength(2);
    const narrowed = await json('/api/search?q=harbour&source=other.example&since=2024-11-01');
    expect(narrowed.items.map((h: { id: number }) => h.id)).toEqual([s.otherId]);
    expect(narrowed.facets.months).toEqual([{ month: '2024-11', count: 1 }]);
    const story = await s.store.stories.storyOf(s.hostileId);
    const inStory = await json(`/api/search?q=harbour&story=${story}&facets=false`);
    expect(inStory.items.map((h: { id: number }) => h.id)).toEqual([s.hostileId]);
    expect(inStory.facets).toBeNull();
    expect((await get('/api/search?q=harbour&since=someday')).status).toBe(400);
    expect((await get('/api/search?q=harbour&entity=x')).status).toBe(400);
  });

  it('lists stories with filters, top entities and the newest article', async () => {
    const list = await json('/api/stories?source=other.example');
    expect(list.items).toHaveLength(1);
    expect(list.items[0].latest).toMatchObject({ articleId: s.otherId, source: 'Other Post' });
    expect(list.items[0].topEntities).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Maria Lopez', type: 'PER' })]),
    );
    const windowed = await json('/api/stories?since=2024-10-01&until=2024-11-01');
    expect(windowed.items.map((x: { id: number }) => x.id)).toEqual([
      await s.store.stories.storyOf(s.seedId),
    ]);
    expect((await get('/api/stories?entity=0')).status).toBe(400);
  });

  it('documents the new routes', async () => {
    const doc = await json('/api/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/export/{what}', '/api/stories']),
    );
    const names = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['q', 'source', 'since', 'until', 'entity', 'story']),
    );
  });
});

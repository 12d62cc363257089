// Search filters and facets on real SQLite and PostgreSQL stores of three analyzed articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/engines.js';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import { type ArticleFilters, rankWindow } from './search.js';

describe.each(ENGINES)('search with filters and facets on %s', (engine) => {
  let s: SearchStore;
  let lopez: number;
  beforeAll(async () => {
    s = await searchStore(engine);
    lopez = (await s.store.entities.list({ limit: 5, query: 'Maria Lopez' }))[0]!.id;
  });
  afterAll(() => s.store.close());

  const ids = async (filters: Parameters<SearchStore['store']['search']>[1]) =>
    (await s.store.search('harbour', filters)).map((h) => h.id).sort();

  it('gives each hit its story and keeps the highlight markers', async () => {
    const hits = await s.store.search('harbour', { limit: 10 });
    expect(hits.map((h) => h.id).sort()).toEqual([s.hostileId, s.otherId].sort());
    for (const hit of hits) {
      expect(hit.storyId).toBe(await s.store.stories.storyOf(hit.id));
      expect(hit.snippet).toContain('[[');
    }
  });

  it('filters by source, publish time, entity and story', async () => {
    expect(await ids({ limit: 10, sourceKey: 'other.example' })).toEqual([s.otherId]);
    expect(await ids({ limit: 10, sourceKey: 'nowhere.example' })).toEqual([]);
    expect(await ids({ limit: 10, since: '2024-11-01T00:00:00.000Z' })).toEqual([s.otherId]);
    expect(await ids({ limit: 10, until: '2024-11-01T00:00:00.000Z' })).toEqual([]);
    expect(await ids({ limit: 10, entityId: lopez })).toEqual([s.otherId]);
    const story = (await s.store.stories.storyOf(s.hostileId))!;
    expect(await ids({ limit: 10, storyId: story })).toEqual([s.hostileId]);
    expect(await ids({ limit: 1, offset: 1 })).toHaveLength(1);
  });

  it('counts sources, months, entities and stories over the matches', async () => {
    const facets = await s.store.searchFacets('harbour', {});
    expect(facets).toMatchObject({ counted: 2, capped: false });
    expect(facets.sources.map((f) => [f.key, f.count]).sort()).toEqual([
      ['news.example', 1],
      ['other.example', 1],
    ]);
    expect(facets.months).toEqual([{ month: '2024-11', count: 1 }]);
    expect(facets.entities).toContainEqual({
      id: lopez,
      name: 'Maria Lopez',
      type: 'PER',
      count: 1,
    });
    expect(facets.stories.map((f) => f.count)).toEqual([1, 1]);
    const narrowed = await s.store.searchFacets('harbour', { sourceKey: 'news.example' });
    expect(narrowed.counted).toBe(1);
    expect(narrowed.entities.map((e) => e.id)).not.toContain(lopez);
  });

  it('ranks the newest matches, read whole or bucket by bucket from the newest', async () => {
    const db = s.store.db.kysely;
    const ids = async (filters: ArticleFilters, reading: Parameters<typeof rankWindow>[3]) =>
      (await rankWindow(db, 'harbour', filters, reading))!.matches.map((m) => m.id);
    const all = await rankWindow(db, 'harbour', {});
    expect(all!.matches.map((m) => m.id).sort()).toEqual([s.hostileId, s.otherId].sort());
    const newest = Math.max(s.hostileId, s.otherId);
    const older = Math.min(s.hostileId, s.otherId);
    const source = older === s.otherId ? 'other.example' : 'news.example';
    // Left to choose, and each way forced (SQLite has one way). On PostgreSQL, buckets of
    // one id each and one bucket per query: one query per article, from the newest.
    for (const reading of [
      {},
      { way: 'whole' as const },
      { way: 'buckets' as const, bucketIds: 1, maxBuckets: 1 },
    ]) {
      expect(await ids({}, { ...reading, window: 1 })).toEqual([newest]);
      expect((await rankWindow(db, 'harbour', {}, { ...reading, window: 5 }))!.matches).toEqual(
        all!.matches,
      );
      expect(await ids({ sourceKey: source }, { ...reading, window: 1 })).toEqual([older]);
    }
  });

  it('answers an empty or operator-only query with nothing', async () => {
    expect(await s.store.search('  -- ', { limit: 5 })).toEqual([]);
    expect(await s.store.searchFacets('"', {})).toMatchObject({ counted: 0, sources: [] });
  });
});

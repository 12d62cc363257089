// The story listing on real SQLite and PostgreSQL stores: filters, top entities and newest article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/engines.js';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import { storyCursor } from './story-list.js';

describe.each(ENGINES)('story listing on %s', (engine) => {
  let s: SearchStore;
  let seedStory: number;
  let otherStory: number;
  beforeAll(async () => {
    s = await searchStore(engine);
    seedStory = (await s.store.stories.storyOf(s.seedId))!;
    otherStory = (await s.store.stories.storyOf(s.otherId))!;
  });
  afterAll(() => s.store.close());

  const ids = async (
    options: Omit<Parameters<SearchStore['store']['stories']['list']>[0], 'limit'>,
  ) => (await s.store.stories.list({ limit: 10, ...options })).map((x) => x.id);

  it('gives each story its most mentioned entities and its newest article', async () => {
    const [seed] = (await s.store.stories.list({ limit: 10 })).filter((x) => x.id === seedStory);
    expect(seed!.topEntities.length).toBeLessThanOrEqual(5);
    expect(seed!.topEntities[0]).toMatchObject({ name: 'North Korea', type: 'LOC' });
    const counts = seed!.topEntities.map((e) => e.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(seed!.latest).toMatchObject({ articleId: s.seedId, source: 'seed' });
    expect(seed!.latest!.published).toBe('2024-10-24T08:00:00.000Z');
  });

  it('filters by source, entity and a time window', async () => {
    expect(await ids({ sourceKey: 'other.example' })).toEqual([otherStory]);
    expect(await ids({ sourceKey: 'nowhere.example' })).toEqual([]);
    const korea = (await s.store.entities.list({ limit: 1, query: 'North Korea' }))[0]!.id;
    expect(await ids({ entityId: korea })).toEqual([seedStory]);
    const window = { since: '2024-10-01T00:00:00.000Z', until: '2024-11-01T00:00:00.000Z' };
    expect(await ids(window)).toEqual([seedStory]);
    expect(
      await ids({ since: '2024-11-01T00:00:00.000Z', until: '2024-12-01T00:00:00.000Z' }),
    ).toEqual([otherStory]);
    const all = await ids({});
    expect(all).toHaveLength(3);
    // Each test story has one outlet: a coverage floor of one keeps them, of two drops them.
    expect(await ids({ minSources: 1 })).toEqual(all);
    expect(await ids({ minSources: 2 })).toEqual([]);
    const first = (await s.store.stories.list({ limit: 1 }))[0]!;
    expect(await ids({ before: first.lastSeen })).toEqual(all.slice(1));
  });

  it('pages through stories seen at the same moment without skipping any', async () => {
    const db = s.store.db.kysely;
    const saved = await db.selectFrom('story').select(['id', 'last_seen_at']).execute();
    // Date-only publish times make ties common: every story last seen at one midnight.
    await db.updateTable('story').set({ last_seen_at: '2024-11-01T00:00:00.000Z' }).execute();
    try {
      const seen: number[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await s.store.stories.list({ limit: 1, before });
        if (page.length === 0) break;
        seen.push(page[0]!.id);
        before = storyCursor(page[0]!);
      }
      expect(seen).toEqual((await ids({})).sort((a, b) => b - a));
      expect(seen).toHaveLength(3);
    } finally {
      for (const r of saved) {
        await db
          .updateTable('story')
          .set({ last_seen_at: r.last_seen_at })
          .where('id', '=', r.id)
          .execute();
      }
    }
  });
});

// Stories on real SQLite and PostgreSQL stores: members, counts, merges that keep old ids working, and
// near-duplicate groups counted once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestStore } from '../test-support/engines.js';
import { seededStore } from '../test-support/store.js';
import type { Store } from './index.js';

const AT = '2024-10-25T00:00:00.000Z';
const NOTHING = { entities: [], quotes: [], claims: [], times: [] };

describe.each(ENGINES)('stories in the store on %s', (engine) => {
  let store: Store;
  let seed: number;
  let harbour: number;
  beforeEach(async () => {
    ({ store, seedId: seed, hostileId: harbour } = await seededStore(await openTestStore(engine)));
  });
  afterEach(() => store.close());

  it('lists only analyzed articles as waiting for a story, and forgets them once placed', async () => {
    expect(await store.stories.pendingArticleIds(10)).toEqual([]);
    await store.annotations.replace(seed, 'test', NOTHING);
    await store.annotations.replace(harbour, 'test', NOTHING);
    expect((await store.stories.pendingArticleIds(10)).sort()).toEqual([seed, harbour].sort());
    await store.stories.create(1, AT);
    await store.stories.addMember(1, seed, 1, AT);
    expect(await store.stories.pendingArticleIds(10)).toEqual([harbour]);
    expect(await store.stories.storyOf(seed)).toBe(1);
  });

  it('counts members, sources and independent reports, and names the story after its first report', async () => {
    await store.stories.create(7, AT);
    await store.stories.addMember(7, seed, 1, AT);
    await store.stories.addMember(7, harbour, 0.8, AT);
    await store.stories.refresh(7, AT);
    const story = (await store.stories.get(7))!;
    expect(story).toMatchObject({ articles: 2, sources: 2, independent: 2 });
    expect(story.title).toBe('Harbour reopens');
    // The harbour page is a copy of the seed's group: one independent report.
    await store.stories.setCopy(harbour, seed, 0.95);
    await store.stories.refresh(7, AT);
    expect((await store.stories.get(7))!.independent).toBe(1);
    expect((await store.stories.members(7)).map((m) => m.copyOf)).toEqual([seed, seed]);
  });

  it('merges a story into another: members move and the old id leads to the survivor', async () => {
    await store.stories.create(1, AT);
    await store.stories.create(2, AT);
    await store.stories.addMember(1, seed, 1, AT);
    await store.stories.addMember(2, harbour, 1, AT);
    await store.stories.merge(1, 2, AT);
    await store.stories.refresh(1, AT);
    expect(await store.stories.resolve(2)).toBe(1);
    expect((await store.stories.get(2))!.id).toBe(1);
    expect((await store.stories.get(1))!.articles).toBe(2);
    expect((await store.stories.list({ limit: 10 })).map((s) => s.id)).toEqual([1]);
    expect(await store.stories.storyOf(harbour)).toBe(1);
    expect(await store.stories.maxId()).toBe(2);
  });

  it('moves one article to another story', async () => {
    await store.stories.create(1, AT);
    await store.stories.create(2, AT);
    await store.stories.addMember(1, seed, 1, AT);
    await store.stories.addMember(1, harbour, 0.4, AT);
    await store.stories.moveMember(harbour, 2, 0.8, AT);
    await store.stories.refresh(1, AT);
    await store.stories.refresh(2, AT);
    expect(await store.stories.storyOf(harbour)).toBe(2);
    expect(await store.stories.storyOf(seed)).toBe(1);
    expect((await store.stories.members(2)).map((m) => [m.articleId, m.similarity])).toEqual([
      [harbour, 0.8],
    ]);
    expect((await store.stories.get(1))!.articles).toBe(1);
  });

  it('lists placements after a time, and never cuts a batch placed at one time in two', async () => {
    const later = '2024-10-26T00:00:00.000Z';
    await store.stories.create(1, AT);
    await store.stories.addMember(1, seed, 0.9, AT);
    await store.stories.addMember(1, harbour, 0.8, AT);
    const both = [
      { articleId: seed, storyId: 1, addedAt: AT },
      { articleId: harbour, storyId: 1, addedAt: AT },
    ];
    const sorted = (rows: typeof both) => [...rows].sort((a, b) => a.articleId - b.articleId);
    expect(sorted(await store.stories.placedAfter('', 10))).toEqual(sorted(both));
    // A page of one would cut the batch of two: the page is the whole batch instead.
    expect(sorted(await store.stories.placedAfter('', 1))).toEqual(sorted(both));
    expect(await store.stories.placedAfter(AT, 10)).toEqual([]);
    await store.stories.moveMember(seed, 1, 0.9, later);
    expect(await store.stories.placedAfter(AT, 10)).toEqual([
      { articleId: seed, storyId: 1, addedAt: later },
    ]);
  });
});

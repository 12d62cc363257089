// An entity's activity on real SQLite and PostgreSQL stores: the stories it appears in are the same
// whichever way they are found (from its mentions, or by walking stories newest first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test-support/engines.js';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import { storiesWith } from './entity-activity.js';

describe.each(ENGINES)('entity activity on %s', (engine) => {
  let s: SearchStore;
  beforeAll(async () => {
    s = await searchStore(engine);
  });
  afterAll(() => s.store.close());

  it('finds the same stories from the mentions and from the newest stories', async () => {
    const db = s.store.db.kysely;
    const entities = await s.store.entities.list({ limit: 50 });
    expect(entities.length).toBeGreaterThan(3);
    for (const e of entities) {
      const fromMentions = await storiesWith(db, e.id, 10, Number.POSITIVE_INFINITY);
      const fromStories = await storiesWith(db, e.id, 10, 0);
      expect(fromStories, e.name).toEqual(fromMentions);
      expect(fromMentions.length, e.name).toBeGreaterThan(0);
      for (const story of fromMentions) expect(story.mentioning).toBeGreaterThan(0);
    }
    expect(await storiesWith(db, 999_999, 10)).toEqual([]);
  });
});

// After an ingest: articles are analyzed and placed once, even when two runs overlap, and
// the bus hears which articles and stories changed.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { afterIngest } from './after-ingest.js';
import { EventBus, type PipelineEvent } from './events.js';

describe('afterIngest', () => {
  let store: Store;
  let ids: number[];
  const bus = new EventBus();
  const heard: PipelineEvent[] = [];
  const unsubscribe = bus.subscribe((e) => heard.push(e));

  beforeEach(async () => {
    heard.length = 0;
    const seeded = await seededStore();
    store = seeded.store;
    ids = [seeded.seedId, seeded.hostileId];
  });
  afterEach(() => store.close());
  afterAll(unsubscribe);

  it('analyzes, places, matches watches and announces what changed', async () => {
    const watch = await store.watches.create({ name: 'Korea', words: 'North Korean troops' });
    const result = await afterIngest({ store, events: bus });
    expect(result).toEqual({ analyzed: 2, placed: 2, matched: 1 });
    expect(heard.find((e) => e.type === 'watches')?.ids).toEqual([watch.id]);
    const articles = heard.find((e) => e.type === 'articles');
    expect(articles?.ids.sort()).toEqual([...ids].sort());
    const stories = heard.find((e) => e.type === 'stories');
    const placedIn = await Promise.all(ids.map((id) => store.stories.storyOf(id)));
    expect(stories?.ids.sort()).toEqual([...new Set(placedIn)].sort());
  });

  it('announces nothing when nothing was pending', async () => {
    await afterIngest({ store });
    heard.length = 0;
    expect(await afterIngest({ store, events: bus })).toEqual({
      analyzed: 0,
      placed: 0,
      matched: 0,
    });
    expect(heard).toEqual([]);
  });

  it('queues overlapping runs so each article is placed once', async () => {
    const runs = await Promise.all([
      afterIngest({ store }),
      afterIngest({ store }),
      afterIngest({ store }),
    ]);
    expect(runs.reduce((sum, r) => sum + r.placed, 0)).toBe(2);
  });
});

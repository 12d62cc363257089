// The stories stage on a real store: the seed article becomes a story whose claims table
// shows its two figures as different quantities of one subject area, and placements
// survive a restart of the clusterer.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareClaims, renderReport, storyClaims } from '../stories/index.js';
import { openStore, type Store } from '../store/index.js';
import { SEED_FILE, tempDir } from '../test-support/index.js';
import { capture, seededStore } from '../test-support/store.js';
import { analyzePending } from './analyze.js';
import { assignStories } from './stories.js';
import { storeCaptures } from './store-captures.js';
import { loadStoryView } from './story-view.js';

describe('stories stage', () => {
  let store: Store;
  let seed: number;
  let harbour: number;
  beforeEach(async () => {
    ({ store, seedId: seed, hostileId: harbour } = await seededStore());
    await analyzePending({ store });
  });
  afterEach(() => store.close());

  it('places every analyzed article once, in separate stories for separate events', async () => {
    expect(await assignStories({ store })).toBe(2);
    expect(await assignStories({ store })).toBe(0);
    const a = await store.stories.storyOf(seed);
    const b = await store.stories.storyOf(harbour);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
  });

  it("shows the seed's 3,000 and up to 12,000 as two quantities of one subject area", async () => {
    await assignStories({ store });
    const view = (await loadStoryView(store, (await store.stories.storyOf(seed))!))!;
    const table = compareClaims(storyClaims(view));
    expect(table.areas).toHaveLength(1);
    const [area] = table.areas;
    expect(area!.quantities).toHaveLength(2);
    const rows = area!.quantities.flatMap((q) => q.rows);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 3000, hedge: 'about', source: 'United States' }),
        expect.objectContaining({
          high: 12000,
          hedge: 'up-to',
          source: 'South Korean intelligence',
        }),
      ]),
    );
    expect(area!.quantities.every((q) => q.status !== 'disputed')).toBe(true);
    const report = renderReport(view);
    expect(report).toContain('## Claims');
    expect(report).toContain('| around 3,000 North Korean troops | United States |');
    expect(report).toContain('| as many as 12,000 personnel | South Korean intelligence |');
    expect(report).toContain('different quantities, not a disagreement');
    expect(report).toContain('Vladimir Putin');
  });
});

describe('stories after a restart', () => {
  const { dir, cleanup } = tempDir();
  afterEach(cleanup);

  it('rebuilds its memory from the store: a copy ingested later joins the stored story and its group', async () => {
    const file = join(dir, 'sitrep.db');
    const first = await seededStore(file);
    await analyzePending(first);
    await assignStories(first);
    const story = await first.store.stories.storyOf(first.seedId);
    await first.store.close();

    const store = await openStore(file);
    const copy = readFileSync(SEED_FILE, 'utf8').replace(
      'In a striking development',
      'In a notable development',
    );
    const { articleIds } = await storeCaptures(
      { store },
      [{ capture: capture('text', 'file:///wire/copy.txt', copy), label: 'copy' }],
      'wire',
    );
    await analyzePending({ store });
    expect(await assignStories({ store })).toBe(1);
    expect(await store.stories.storyOf(articleIds[0]!)).toBe(story);
    const members = await store.stories.members(story!);
    expect(members.map((m) => m.copyOf)).toEqual([first.seedId, first.seedId]);
    expect((await store.stories.get(story!))!.independent).toBe(1);
    await store.close();
  });
});

// The stories stage on a real store: the seed article becomes a story whose claims table
// shows its two figures as different quantities of one subject area; what refine changes
// on ECB+ reports is stored; placements survive a restart of the clusterer.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  compareClaims,
  parseLabeledJsonl,
  renderReport,
  scoreClustering,
  storyClaims,
} from '../stories/index.js';
import { openStore, type Store } from '../store/index.js';
import { dataPath, SEED_FILE, tempDir } from '../test-support/index.js';
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

const ecb = dataPath('ecbplus/docs.jsonl');

describe.skipIf(!ecb)('stories stage on ECB+ reports', () => {
  it('stores what refine changes: each article in one live story, two events of a topic apart', async () => {
    // Two events of each of two topics (rehab: Tara Reid, Lindsay Lohan; two Qeshm island
    // earthquakes), six reports each, interleaved.
    const rows = parseLabeledJsonl(readFileSync(ecb!, 'utf8')).rows;
    const picked = ['1_ecb', '1_ecbplus', '20_ecb', '20_ecbplus'].flatMap((c) =>
      rows.filter((r) => r.cluster === c).slice(0, 6),
    );
    const stream = picked.map((_, i) => picked[(i * 7) % picked.length]!);
    const store = await openStore(':memory:');
    const { articleIds } = await storeCaptures(
      { store },
      stream.map((r) => ({ capture: capture('text', `file:///ecb/${r.id}`, r.text), label: r.id })),
      'ecb',
    );
    await analyzePending({ store });
    expect(await assignStories({ store })).toBe(stream.length);

    const live = await store.stories.list({ limit: 100 });
    expect(live.reduce((n, s) => n + s.articles, 0)).toBe(stream.length);
    for (const story of live) {
      for (const m of await store.stories.members(story.id)) {
        expect(await store.stories.storyOf(m.articleId)).toBe(story.id);
      }
    }
    // Refine folded some early stories into others (ids are never reused), and each id
    // ever given out still leads to a live story.
    const liveIds = new Set(live.map((s) => s.id));
    const maxId = await store.stories.maxId();
    expect(maxId).toBeGreaterThan(live.length);
    for (let id = 1; id <= maxId; id++) {
      expect(liveIds.has((await store.stories.resolve(id))!)).toBe(true);
    }
    const stories = await Promise.all(articleIds.map((id) => store.stories.storyOf(id)));
    const scores = scoreClustering(
      stories.map(String),
      stream.map((r) => r.cluster!),
    );
    expect(scores.pairwise_precision).toBe(1);
    expect(scores.pairwise_f1).toBeGreaterThanOrEqual(0.9);
    await store.close();
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

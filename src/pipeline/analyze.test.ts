// Analysis through the pipeline: the seed's quotes are stored with their speakers linked to
// the stored entities, read back in text order, and served by the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.js';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { analyzePending } from './analyze.js';

describe('analyzePending on the seed', () => {
  let store: Store;
  let seedId: number;
  beforeAll(async () => {
    ({ store, seedId } = await seededStore());
    await analyzePending({ store });
  });
  afterAll(() => store.close());

  it('stores each quote with its speaker linked to the entity the mentions name', async () => {
    const quotes = await store.annotations.quotes((await store.articles.get(seedId))!);
    const stated = quotes.find((q) => q.cue?.text === 'stated' && q.speaker.text === 'He');
    expect(stated).toMatchObject({ kind: 'direct', speaker: { name: 'Vladimir Putin' } });
    const putin = (await store.annotations.mentions(seedId)).find(
      (m) => m.entity === 'Vladimir Putin',
    );
    expect(stated!.speakerEntityId).toBe(putin!.entityId);
    expect(stated!.content.text).toMatch(/^As for our relations with the DPRK/);
    expect(quotes.map((q) => q.content.start)).toEqual(
      [...quotes.map((q) => q.content.start)].sort((a, b) => a - b),
    );
  });

  it('serves quotes and claims with the article, in the API and on its page', async () => {
    const res = await createApp({ store }).request(`/api/articles/${seedId}`);
    const body = JSON.parse(await res.text());
    const austin = body.quotes.find(
      (q: { cue: { text: string } | null }) => q.cue?.text === 'warning',
    );
    expect(austin).toMatchObject({
      kind: 'partial',
      content: { text: 'very, very serious' },
      speaker: { name: 'Lloyd Austin' },
    });
    expect(austin.speaker.entity_id).toEqual(expect.any(Number));
    expect(body.claims.map((c: { value: number; hedge: string }) => [c.value, c.hedge])).toEqual([
      [3000, 'about'],
      [12000, 'up-to'],
    ]);
    const page = await (await createApp({ store }).request(`/articles/${seedId}`)).text();
    expect(page).toMatch(/<h2[^>]*>Who said what<\/h2>/);
    expect(page).toContain('<q>very, very serious</q>');
    // Each figure links to the sentence that gives it.
    expect(page).toMatch(/<td><a href="\/articles\/\d+#s-\d+">up to 12,000<\/a><\/td>/);
    expect(body.claims[1]).toMatchObject({
      source: 'South Korean intelligence',
      subject_key: expect.any(String),
    });
  });
});

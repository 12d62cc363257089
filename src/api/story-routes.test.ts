// The story endpoints in-process, on a real SQLite store holding the seed article placed
// in its story by the real pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPending } from '../pipeline/process.js';
import type { Store } from '../store/index.js';
import { seededStore } from '../test-support/store.js';
import { createApp } from './app.js';

describe('story endpoints', () => {
  let store: Store;
  let story: number;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const seeded = await seededStore();
    store = seeded.store;
    await processPending({ store });
    story = (await store.stories.storyOf(seeded.seedId))!;
    app = createApp({ store });
  });
  afterAll(() => store.close());

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  it('lists stories and shows one with its claims compared and speakers', async () => {
    const list = JSON.parse((await get('/api/stories')).body);
    expect(list.items.map((s: { id: number }) => s.id)).toContain(story);
    const detail = JSON.parse((await get(`/api/stories/${story}`)).body);
    expect(detail.articles).toHaveLength(1);
    expect(detail.claims.areas[0].quantities).toHaveLength(2);
    expect(detail.speakers[0]).toMatchObject({ speaker: 'Vladimir Putin' });
    expect(detail.timeline[0].kind).toBe('first-report');
  });

  it('says what changed since a time, and nothing after the last article', async () => {
    const all = JSON.parse((await get(`/api/stories/${story}?since=2000-01-01`)).body);
    expect(all.articles).toHaveLength(1);
    expect(all.speakers.length).toBeGreaterThan(3);
    const none = JSON.parse((await get(`/api/stories/${story}?since=2999-01-01`)).body);
    expect(none).toMatchObject({ articles: [], figures: [], speakers: [] });
    expect((await get(`/api/stories/${story}?since=yesterday`)).status).toBe(400);
  });

  it('gives related articles: none in a one-article story, name matches beyond it', async () => {
    const seed = (await store.stories.members(story))[0]!.articleId;
    const related = JSON.parse((await get(`/api/articles/${seed}/related`)).body);
    expect(related).toMatchObject({ storyId: story, inStory: [] });
    for (const r of related.beyond) expect(r.id).not.toBe(seed);
    expect((await get('/api/articles/99999/related')).status).toBe(404);
  });

  it('serves the Markdown report, documents the routes, and 404s an unknown story', async () => {
    const report = await get(`/api/stories/${story}/report`);
    expect(report.type).toContain('text/markdown');
    expect(report.body).toContain('## Claims');
    expect((await get('/api/stories/99999')).status).toBe(404);
    expect((await get(`/api/stories/${story}/report?format=pdf`)).status).toBe(400);
    const doc = JSON.parse((await get('/api/openapi.json')).body);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/stories', '/api/stories/{id}', '/api/stories/{id}/report']),
    );
  });

  it('serves the HTML report: standalone, its own CSP, figures linked to their sentences', async () => {
    const res = await app.request(`/api/stories/${story}/report?format=html`);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toMatch(
      /default-src 'none'; style-src 'sha256-/,
    );
    const html = await res.text();
    expect(html).toContain('<h2>Claims</h2>');
    expect(html).not.toContain('<script');
    const seed = (await store.stories.members(story))[0]!.articleId;
    expect(html).toMatch(new RegExp(`href="http://localhost/articles/${seed}#s-\\d+"`));
  });
});

// Exports over HTTP, in-process on a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchStore, searchStore } from '../test-support/search-store.js';
import { createApp } from './app.js';

describe('export endpoints', () => {
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

  it('streams exports as CSV or JSON Lines with the same filters', async () => {
    const csv = await get('/api/export/articles?format=csv&q=harbour');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="sitrep-articles-/,
    );
    expect(csv.body.split('\r\n')[0]).toMatch(/^id,source,title,/);
    const claims = await get(`/api/export/claims?source=other.example`);
    expect(claims.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = claims.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.every((r: { article_id: number }) => r.article_id === s.otherId)).toBe(true);
    expect(rows[0].evidence).toMatch(new RegExp(`^/articles/${s.otherId}#s-\\d+$`));
    expect((await get('/api/export/people')).status).toBe(400);
    expect((await get('/api/export/quotes?format=xml')).status).toBe(400);
  });
});

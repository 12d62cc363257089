// POST /api/ingest in-process: a URL from a local server, an upload with a bad file in the
// batch, and the 503 of a server that does not ingest.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import {
  articleHtml,
  localPipeline,
  type NewsServer,
  startNewsServer,
} from './__fixtures__/news-server.js';
import { createApp } from './app.js';

const TOKEN = 'ingest-test-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

describe('POST /api/ingest', () => {
  let site: NewsServer;
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    site = await startNewsServer();
    store = await openStore(':memory:');
    app = createApp({ store, token: TOKEN, pipeline: localPipeline(store) });
  });
  afterAll(async () => {
    await store.close();
    await site.close();
  });

  const postJson = (body: unknown, headers: Record<string, string> = AUTH) =>
    app.request('/api/ingest', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('ingests a page by URL and answers the report once it is analyzed and placed', async () => {
    const res = await postJson({ url: `${site.base}/articles/by-url.html` });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({
      added: 1,
      duplicates: 0,
      failed: 0,
      failures: [],
      analyzed: 1,
      placed: 1,
    });
    const article = await store.articles.get(report.articleIds[0]);
    expect(article?.title).toBe('Canal by-url');
    expect(await store.stories.storyOf(article!.id)).not.toBeNull();
  });

  it('adds a feed given by URL, and says when the same page comes again', async () => {
    const feed = await (await postJson({ url: `${site.base}/rss.xml` })).json();
    expect(feed).toMatchObject({ added: 2, feedsAdded: 1 });
    const again = await (await postJson({ url: `${site.base}/articles/by-url.html` })).json();
    expect(again.added).toBe(0);
    expect(again.duplicates + again.unchanged).toBe(1);
  });

  it('reports an unreachable URL plainly', async () => {
    const report = await (await postJson({ url: site.unreachable })).json();
    expect(report).toMatchObject({ added: 0, failed: 1 });
    expect(report.failures[0]).toEqual({
      label: site.unreachable,
      reason: expect.stringMatching(/^no network: /),
    });
  });

  it('ingests uploaded files, reporting the bad one and keeping the rest', async () => {
    const form = new FormData();
    form.append('files', new File([articleHtml('uploaded')], 'canal.html', { type: 'text/html' }));
    form.append(
      'files',
      new File(
        [
          gzipSync(
            `${JSON.stringify({ title: 'Lock report', body: `${articleHtml('x').replace(/<[^>]+>/g, ' ')}`, source: 'Lock Post' })}\n`,
          ),
        ],
        'records.jsonl.gz',
      ),
    );
    form.append(
      'files',
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])], 'photo.html'),
    );
    form.append('source', 'Canal Desk');
    const res = await app.request('/api/ingest', { method: 'POST', headers: AUTH, body: form });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ added: 2, failed: 1, analyzed: 2, placed: 2 });
    expect(report.failures).toEqual([
      { label: 'photo.html', reason: expect.stringMatching(/binary/) },
    ]);
    expect(report.articleIds).toHaveLength(2);
  });

  it('refuses bad requests and anonymous writes', async () => {
    expect((await postJson({ url: 'ftp://example.com/x' })).status).toBe(400);
    expect((await postJson({ url: `${site.base}/articles/x.html` }, {})).status).toBe(401);
    const empty = await app.request('/api/ingest', {
      method: 'POST',
      headers: AUTH,
      body: new FormData(),
    });
    expect(empty.status).toBe(400);
  });

  it('answers 503 from the error catalogue without a pipeline', async () => {
    const bare = createApp({ store, token: TOKEN });
    const res = await bare.request('/api/ingest', {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"url":"https://example.com/"}',
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('INGEST_UNAVAILABLE');
  });
});

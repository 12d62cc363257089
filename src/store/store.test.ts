import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDraft, Capture } from '../core/types.js';
import { ENGINES, openTestStore } from '../test-support/engines.js';
import type { Store } from './index.js';

function draft(text: string, extra: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    title: 'North Korean troops in Russia',
    byline: null,
    published: '2024-10-24T00:00:00.000Z',
    modified: null,
    language: 'en',
    site: null,
    url: null,
    canonicalUrl: null,
    image: null,
    text,
    paragraphs: [[0, text.length]],
    relatedLinks: [{ text: 'World Of Dance Canceled', url: null }],
    boilerplate: { captions: [], other: [] },
    html: null,
    extractor: 'text/1',
    ...extra,
  };
}

function capture(body: string): Capture {
  return {
    kind: 'text',
    origin: 'file:///tmp/a.txt',
    url: null,
    fetchedAt: '2024-10-24T00:00:00.000Z',
    status: null,
    contentType: 'text/plain',
    charset: null,
    body: new TextEncoder().encode(body),
  };
}

async function addArticle(
  store: Store,
  text: string,
  hash: string,
  extra: Partial<ArticleDraft> = {},
) {
  const sourceId = await store.sources.ensure({ key: 'local/seed', name: 'seed', domain: null });
  return store.transaction(async (repos) => {
    const documentId = await repos.documents.insert({
      capture: capture(text),
      contentHash: hash,
      canonicalUrl: null,
      outcome: 'article',
      outcomeReason: null,
      extractor: 'text/1',
    });
    return repos.articles.insert({
      documentId,
      sourceId,
      draft: draft(text, extra),
      textHash: hash,
      ingestedAt: new Date().toISOString(),
    });
  });
}

describe.each(ENGINES)('store on real %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(async () => {
    await store.close();
  });

  it('creates every table of the architecture', async () => {
    const names = (await store.db.kysely.introspection.getTables()).map((t) => t.name);
    const search = engine === 'sqlite' ? ['article_fts'] : [];
    for (const t of [
      'source',
      'feed',
      'document',
      'article',
      'mention',
      'entity',
      'entity_alias',
      'quote',
      'claim',
      'time_expr',
      'story',
      'story_article',
      'watch',
      ...search,
    ]) {
      expect(names).toContain(t);
    }
  });

  it('keeps raw bytes compressed and gives them back unchanged', async () => {
    const text = 'Putin remarked, "Images are a serious thing."\n'.repeat(50);
    const id = await addArticle(store, text, 'h1');
    const article = await store.articles.get(id);
    const doc = await store.documents.get(article!.documentId);
    expect(new TextDecoder().decode(doc!.capture.body)).toBe(text);
    const row = await store.db.kysely
      .selectFrom('document')
      .select(['raw', 'raw_size'])
      .executeTakeFirstOrThrow();
    expect(row.raw.byteLength).toBeLessThan(row.raw_size / 5);
  });

  it('refuses a second article with the same text from the same source', async () => {
    await addArticle(store, 'one text', 'same');
    // SQLite says "UNIQUE constraint failed", PostgreSQL "violates unique constraint".
    await expect(addArticle(store, 'one text', 'same')).rejects.toThrow(/unique/i);
    expect(await store.articles.count()).toBe(1);
  });

  it('rolls a failed transaction back whole', async () => {
    await addArticle(store, 'kept', 'k');
    await expect(
      store.transaction(async (repos) => {
        await repos.documents.insert({
          capture: capture('lost'),
          contentHash: 'lost',
          canonicalUrl: null,
          outcome: 'skipped',
          outcomeReason: 'x',
          extractor: null,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.documents.outcomesByHash(['lost', 'k'])).size).toBe(1);
  });

  it('finds articles with full-text search, title matches first, with snippets', async () => {
    await addArticle(store, 'A piece about cocoa harvests in Bahia.', 'c', {
      title: 'Cocoa review',
    });
    await addArticle(store, 'Putin said North Korean troops are in Russia.', 'n', {
      title: 'North Korean troops in Russia',
    });
    await addArticle(store, 'The troops of North Korea parade; Korean food is popular.', 'm', {
      title: 'Pyongyang parade',
    });
    const hits = await store.search('North Korean troops', { limit: 10 });
    expect(hits.map((h) => h.title)).toEqual(['North Korean troops in Russia', 'Pyongyang parade']);
    expect(hits[0]!.snippet).toContain('[[North]]');
    expect(await store.search('"north korean troops"', { limit: 10 })).toHaveLength(1);
    expect(await store.search('troops -parade', { limit: 10 })).toHaveLength(1);
    expect(await store.search('cocoa OR parade', { limit: 10 })).toHaveLength(2);
  });

  it('never lets a query be read as FTS5 syntax', async () => {
    await addArticle(store, 'text', 't');
    for (const q of [
      '"unbalanced',
      'NEAR(a b)',
      'title:x',
      'a AND',
      '*',
      '-',
      'OR OR',
      '(',
      "'; DROP TABLE article; --",
    ]) {
      await expect(store.search(q, { limit: 5 })).resolves.toBeInstanceOf(Array);
    }
  });

  it('pages articles newest first and filters by source', async () => {
    for (let i = 0; i < 5; i++) await addArticle(store, `text ${i}`, `p${i}`);
    const first = await store.articles.list({ limit: 2 });
    const second = await store.articles.list({ limit: 2, before: first.at(-1)!.id });
    expect(first.map((a) => a.id)).toEqual([5, 4]);
    expect(second.map((a) => a.id)).toEqual([3, 2]);
    expect(await store.articles.list({ limit: 10, sourceKey: 'nope' })).toEqual([]);
  });

  it('records feed errors on the feed row and clears them on success', async () => {
    const { id } = await store.feeds.add('https://example.org/feed.xml', null, null);
    await store.feeds.recordError(id, 'HTTP 500', new Date().toISOString());
    await store.feeds.recordError(id, 'HTTP 503', new Date().toISOString());
    expect(await store.feeds.get(id)).toMatchObject({ lastError: 'HTTP 503', errorCount: 2 });
    await store.feeds.recordSuccess(id, {
      etag: '"x"',
      lastModified: null,
      newItems: 3,
      nextPollAt: new Date().toISOString(),
    });
    expect(await store.feeds.get(id)).toMatchObject({
      lastError: null,
      errorCount: 0,
      etag: '"x"',
      itemCount: 3,
    });
  });
});
